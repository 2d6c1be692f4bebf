// A document a historian brings -> the text of a new source, or a worded refusal. The one
// entry point for the app (dropped or picked files, pasted text) and the CLI (`source add`).
import { decodeText } from './decode';
import { detectKind, extensionOf, isOleFile, titleFromFileName } from './detect';
import { intakeDocx, oleError } from './docx';
import { cancelledError, intakeError, subject, type IntakeError } from './errors';
import { intakeHtml } from './html';
import { checkFileSize, checkTextLength } from './limits';
import { intakePdf } from './pdf';
import type { Intake, IntakeOptions, IntakeResult } from './types';

const fail = (error: IntakeError): IntakeResult => ({ ok: false, error });

function emptyError(fileName: string | undefined): IntakeError {
  return intakeError('empty', `${subject(fileName)} is empty: there is no text to add.`);
}

function unsupported(fileName: string): IntakeError {
  const ext = extensionOf(fileName);
  return intakeError(
    'unsupported',
    `${subject(fileName)} is ${ext ? `a .${ext} file` : 'a kind of file'}, which Argument Atlas does not read. Save it as plain text (.txt, UTF-8), Markdown, PDF, Word (.docx) or HTML, and add that.`,
  );
}

function intakeText(fileName: string, bytes: Uint8Array, kind: 'text' | 'markdown'): IntakeResult {
  const decoded = decodeText(bytes, fileName);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return fail(emptyError(fileName));
  const tooLong = checkTextLength(fileName, decoded.text.length);
  if (tooLong) return fail(tooLong);
  return { ok: true, intake: { kind, text: decoded.text, encoding: decoded.encoding, extracted: false, warnings: [] } };
}

/**
 * Reads a file as a source's text. The kind is found by content, then by name (`detectKind`);
 * text and Markdown are decoded strictly (`decodeText`) and kept exactly as written; PDF,
 * .docx and HTML are extracted (`extracted: true`). Never throws: bad input gives a typed error
 * naming the file. A PDF needs `options.pdfjs`.
 */
export async function intakeDocument(fileName: string, bytes: Uint8Array, options: IntakeOptions = {}): Promise<IntakeResult> {
  const tooBig = checkFileSize(fileName, bytes.byteLength);
  if (tooBig) return fail(tooBig);
  if (bytes.byteLength === 0) return fail(emptyError(fileName));
  if (options.signal?.aborted) return fail(cancelledError(fileName));
  if (isOleFile(bytes)) return fail(oleError(fileName, bytes));
  const kind = detectKind(fileName, bytes);
  let result: IntakeResult;
  try {
    switch (kind) {
      case 'text':
      case 'markdown':
        result = intakeText(fileName, bytes, kind);
        break;
      case 'html':
        result = intakeHtml(fileName, bytes);
        break;
      case 'pdf':
        result = await intakePdf(fileName, bytes, options);
        break;
      case 'docx':
        result = await intakeDocx(fileName, bytes, options);
        break;
      case null:
        return fail(unsupported(fileName));
    }
  } catch {
    // Every reader returns its own errors; this is the last guard against a library's surprise.
    return fail(intakeError('damaged', `${subject(fileName)} could not be read: it may be damaged. Open it in the program that made it, save it again, and add that.`));
  }
  if (!result.ok) return result;
  const title = result.intake.suggestedTitle ?? titleFromFileName(fileName);
  const intake: Intake = { ...result.intake, ...(title ? { suggestedTitle: title } : {}) };
  return { ok: true, intake };
}

/** The first line of pasted text, shortened at a word: a title to offer. */
function firstLine(text: string): string | undefined {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '')?.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Pasted text as a source's text, exactly as pasted; the same empty and size rules as files. */
export function intakePastedText(text: string): IntakeResult {
  if (text.trim() === '') return fail(intakeError('empty', 'The pasted text is empty: there is no text to add.'));
  const tooLong = checkTextLength(undefined, text.length);
  if (tooLong) return fail(tooLong);
  const title = firstLine(text);
  return { ok: true, intake: { kind: 'text', text, extracted: false, ...(title ? { suggestedTitle: title } : {}), warnings: [] } };
}

