// How large a source may be: files are refused before they are read, texts once decoded or
// extracted. One rule each, shared by the app and the CLI.
import { formatBytes } from '../format/errors';
import { MAX_SOURCE_FILE_BYTES, MAX_SOURCE_TEXT_LENGTH } from '../limits';
import { intakeError, subject, type IntakeError } from './errors';

// The constants live with the map's other limits (a source's text is a field of the map).
export { MAX_PDF_PAGES, MAX_SOURCE_FILE_BYTES, MAX_SOURCE_TEXT_LENGTH } from '../limits';

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses a file over MAX_SOURCE_FILE_BYTES; call it with the file's size before reading it. */
export function checkFileSize(fileName: string, byteLength: number): IntakeError | null {
  if (byteLength <= MAX_SOURCE_FILE_BYTES) return null;
  return intakeError(
    'too-large',
    `${subject(fileName)} is ${formatBytes(byteLength)}; a source file can be at most ${formatBytes(MAX_SOURCE_FILE_BYTES)}. Split it into smaller files, or add the part you need.`,
  );
}

/**
 * Refuses a text longer than MAX_SOURCE_TEXT_LENGTH. `length` is the text's length when known;
 * an extraction stopped at the limit passes null.
 */
export function checkTextLength(fileName: string | undefined, length: number | null, extracted = false): IntakeError | null {
  if (length !== null && length <= MAX_SOURCE_TEXT_LENGTH) return null;
  const text = extracted ? 'the text extracted from it' : 'its text';
  const limit = count(MAX_SOURCE_TEXT_LENGTH);
  const detail = length === null ? `${text} is longer than ${limit} characters, the most a source can hold` : `${text} has ${count(length)} characters, and a source can hold at most ${limit}`;
  return intakeError('too-large', `${subject(fileName)} is too long for one source: ${detail}. Split it into several sources.`);
}
