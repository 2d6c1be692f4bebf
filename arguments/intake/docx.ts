// .docx -> text. The file is checked with fflate before mammoth sees it (a zip at all, not an
// old .doc, no zip bomb, a main document); then mammoth converts it to HTML and htmlToText
// takes the text from that. Not mammoth's extractRawText: it drops line breaks (<w:br/>), so
// "Dear Comrade<br>Gottwald" would read "Dear ComradeGottwald", and it leaves out the notes.
import { Parser } from 'htmlparser2';
import { isOleFile, MAIN_DOCUMENT } from './detect';
import { cancelledError, intakeError, subject, type IntakeError } from './errors';
import { htmlToText } from './html';
import { checkTextLength } from './limits';
import type { IntakeOptions, IntakeResult } from './types';
import { inflateZip, type ZipProblem } from './zip';

const CORE_PROPERTIES = 'docProps/core.xml';
const RESAVE = 'Open it in Word or LibreOffice, save it again as .docx (or as plain text, UTF-8), and add that.';

/** Does an OLE file hold a stream of this name (names are stored in UTF-16LE)? */
function holdsStream(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = bytes.indexOf(needle[0]!); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(needle[0]!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function passwordProtected(fileName: string): IntakeError {
  return intakeError('encrypted', `${subject(fileName)} is protected by a password, so its text cannot be read. Open it in Word, remove the password (File › Info › Protect Document), save it, and add it again.`);
}

function zipError(fileName: string, p: ZipProblem | { problem: 'cancelled' }): IntakeError {
  switch (p.problem) {
    case 'not-a-zip':
      return intakeError('not-a-zip', `${subject(fileName)} is not a Word document (.docx): its content is something else. If it opens in a word processor, save it from there as .docx or plain text (UTF-8) and add that.`);
    case 'damaged':
      return intakeError('damaged', `${subject(fileName)} is a damaged Word document: ${p.detail}. ${RESAVE}`);
    case 'zip-bomb':
      return intakeError('zip-bomb', `${subject(fileName)} was not opened: ${p.detail}, which no real Word document does (it looks like a “zip bomb”, made to exhaust memory).`);
    case 'encrypted':
      return passwordProtected(fileName);
    case 'cancelled':
      return cancelledError(fileName);
  }
}

/** dc:title from docProps/core.xml. */
function coreTitle(xml: Uint8Array | undefined): string | undefined {
  if (!xml) return undefined;
  let depth = 0;
  let title = '';
  const parser = new Parser(
    {
      onopentag: (name) => void (name === 'dc:title' && depth++),
      ontext: (t) => void (depth > 0 && (title += t)),
      onclosetag: (name) => void (name === 'dc:title' && depth--),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(new TextDecoder().decode(xml));
  parser.end();
  const t = title.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/**
 * An OLE compound file: a password-protected .docx (Word keeps it in an "EncryptedPackage"
 * stream), an old Word .doc (a "WordDocument" stream), or another old Office file.
 */
export function oleError(fileName: string, bytes: Uint8Array): IntakeError {
  if (holdsStream(bytes, 'EncryptedPackage')) return passwordProtected(fileName);
  if (holdsStream(bytes, 'WordDocument'))
    return intakeError('unsupported', `${subject(fileName)} is an old Word document (.doc), which Argument Atlas does not read. Open it in Word or LibreOffice, save it as .docx (or as plain text, UTF-8), and add that.`);
  return intakeError('unsupported', `${subject(fileName)} is an old Microsoft Office file (such as .xls or .ppt), which Argument Atlas does not read. Save its text as .docx, PDF or plain text (UTF-8), and add that.`);
}

type Attributes = Record<string, string>;

/** Mammoth's notes: "[1]" in the text, the notes in a list at the end with a "↑" link back. */
function noteHooks() {
  let notes = 0;
  const isBackLink = (name: string, a: Attributes) => name === 'a' && /^#(?:footnote|endnote)-ref-/.test(a.href ?? '');
  const isNote = (name: string, a: Attributes) => name === 'li' && /^(?:footnote|endnote)-/.test(a.id ?? '');
  return {
    omit: isBackLink,
    prefix: (name: string, a: Attributes) => (isNote(name, a) ? `[${++notes}] ` : ''),
  };
}

export async function intakeDocx(fileName: string, bytes: Uint8Array, options: IntakeOptions = {}): Promise<IntakeResult> {
  const fail = (error: IntakeError): IntakeResult => ({ ok: false, error });
  if (isOleFile(bytes)) return fail(oleError(fileName, bytes));
  const zip = inflateZip(bytes, { keep: [CORE_PROPERTIES], keepMaxBytes: 1024 * 1024, ...(options.signal ? { signal: options.signal } : {}) });
  if (!zip.ok) return fail(zipError(fileName, zip));
  if (!zip.zip.entries.some((e) => e.name === MAIN_DOCUMENT)) return fail(zipError(fileName, { problem: 'damaged', detail: `it has no main text (${MAIN_DOCUMENT})` }));

  let html: string;
  try {
    const mammoth = (await import('mammoth')).default;
    // Node's mammoth reads `buffer` (JSZip takes a Uint8Array), its browser build `arrayBuffer`.
    const copy = new Uint8Array(bytes);
    const input = { arrayBuffer: copy.buffer, buffer: copy } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      // Images are not text: never read or encoded.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch {
    return fail(zipError(fileName, { problem: 'damaged', detail: 'its text cannot be read' }));
  }
  if (options.signal?.aborted) return fail(zipError(fileName, { problem: 'cancelled' }));
  const { text } = htmlToText(html, { whitespace: 'preserve', ...noteHooks() });
  if (text.trim() === '') return fail(intakeError('empty', `${subject(fileName)} has no text to add (it may hold only pictures: add a transcription instead).`));
  const tooLong = checkTextLength(fileName, text.length, true);
  if (tooLong) return fail(tooLong);
  const title = coreTitle(zip.zip.kept.get(CORE_PROPERTIES));
  return { ok: true, intake: { kind: 'docx', text, extracted: true, ...(title ? { suggestedTitle: title } : {}), warnings: [] } };
}
