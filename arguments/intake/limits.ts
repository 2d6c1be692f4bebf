// How large a source may be: files are refused before they are read, texts once decoded or
// extracted. One rule each, shared by the app and the CLI.
import { formatBytes } from '../format/errors';
import { intakeError, subject, type IntakeError } from './errors';

/** The largest file read as a source (32 MiB); larger ones are refused before they are read. */
export const MAX_SOURCE_FILE_BYTES = 32 * 1024 * 1024;
/** The longest text a source may hold, in UTF-16 code units (8 Mi: some 4,000 book pages). */
export const MAX_SOURCE_TEXT_LENGTH = 8 * 1024 * 1024;
/** PDFs with more pages are refused before their text is read. */
export const MAX_PDF_PAGES = 20_000;

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
