// User strings in the CLI's lines: ids, titles, file names and the sentences that quote them.
// A newline, a carriage return, an escape sequence or a right-to-left override in one of them
// could otherwise print a fake line ("map.json: valid map") or repaint the terminal, so every
// line the CLI prints about a file goes through here. JSON-style escapes, so what is shown can
// be read back, and a script parsing the output never meets a line it did not expect.

/**
 * Characters that move the cursor, end a line or reorder text on a terminal: C0 and C1
 * controls, DEL, the Unicode line and paragraph separators, bidirectional controls, and lone
 * surrogates (a broken file name).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

const escapeOne = (c: string) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every unsafe character written as its JSON escape ("\n", "\u001b"): one line, printable. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** A user string in double quotes, escaped as JSON escapes it and then some: `"E1\nfake"`. */
export function quote(text: string): string {
  return `"${oneLine(text.replace(/[\\"]/g, (c) => `\\${c}`))}"`;
}

/** Does the text print as itself on one line (no escape needed)? */
export const isPlain = (text: string): boolean => !/[\\"]/.test(text) && text.replace(UNSAFE, '') === text && text.trim() === text && text !== '';

/** A file name or an argument as lines show it: as it is when it prints as itself, else quoted and escaped. */
export function shown(file: string): string {
  return isPlain(file) ? file : quote(file);
}
