// Bytes of a text file -> text, without guessing: strict UTF-8, or UTF-16 announced by its
// byte-order mark. Anything else is refused with advice, never shown as mojibake.
import { intakeError, subject, type IntakeError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodeResult = { ok: true; text: string; encoding: TextEncoding } | { ok: false; error: IntakeError };

const SAVE_AS_UTF8 = 'Open it in a text editor, save it as UTF-8 (“Unicode (UTF-8)”), and add it again.';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a byte-order mark: every other byte of Latin text is a NUL. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return (even > pairs * 0.3 && odd < pairs * 0.05) || (odd > pairs * 0.3 && even < pairs * 0.05);
}

/**
 * Decodes the bytes of a text file. UTF-8 must be valid throughout (a UTF-8 byte-order mark is
 * removed by decoding: it is not part of the text); UTF-16 (LE or BE) is read only when the file
 * starts with its byte-order mark (also removed). Any other encoding (Latin-1, Windows-1251,
 * UTF-16 without a mark, UTF-32) gives `encoding`, a NUL character `binary`; both messages say
 * how to save the file as UTF-8. The text is otherwise exactly as decoded.
 */
export function decodeText(bytes: Uint8Array, fileName?: string): DecodeResult {
  const who = subject(fileName, 'this file');
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff]))
    return { ok: false, error: intakeError('encoding', `${who} is in UTF-32, which Argument Atlas does not read. ${SAVE_AS_UTF8}`) };
  let encoding: TextEncoding = 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else if (bytes.includes(0)) {
    if (looksLikeBomlessUtf16(bytes))
      return { ok: false, error: intakeError('encoding', `${who} looks like UTF-16 text without a byte-order mark, so its encoding cannot be told for sure. ${SAVE_AS_UTF8}`) };
    return { ok: false, error: intakeError('binary', `${who} is not a text file: it contains binary data. If it is a document, save it as plain text (UTF-8), PDF or .docx and add that.`) };
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const error =
      encoding === 'utf-8'
        ? intakeError('encoding', `${who} is not UTF-8 text: it was saved in another encoding (such as Windows-1251 or Latin-1). ${SAVE_AS_UTF8}`)
        : intakeError('encoding', `${who} says it is UTF-16 text but is not valid UTF-16 (it may be damaged). ${SAVE_AS_UTF8}`);
    return { ok: false, error };
  }
  if (text.includes('\0'))
    return { ok: false, error: intakeError('binary', `${who} is not a text file: it contains binary data (NUL characters). If it is a document, save it as plain text (UTF-8), PDF or .docx and add that.`) };
  return { ok: true, text, encoding };
}
