// Text as Argdown's lexer reads it back unchanged: the characters that start markup (mentions,
// tags, links, bold and italics, comments, titles, data, front matter) and the shortcodes Argdown
// turns into symbols (":heart:", ".^.") are escaped with a backslash, which Argdown allows before
// any character. Text with line breaks, tabs, runs of spaces or other spacing Argdown folds cannot
// be written as it is: `argdownLine` gives the folded form, and the exporter keeps the exact text
// elsewhere.

const ALWAYS = /[\\@#*_[\]<>{}/]/;

/** Positions of "." and ":" that would open a shortcode: the same character again later, no space between. */
function shortcodeStarts(text: string): Set<number> {
  const starts = new Set<number>();
  // Scanning from the end: the next "." / ":" and the next space after each position.
  const next: Record<string, number> = { '.': -1, ':': -1 };
  let nextSpace = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '.' || c === ':') {
      const j = next[c]!;
      if (j > i + 1 && (nextSpace === -1 || nextSpace > j)) starts.add(i);
      next[c] = i;
    } else if (/\s/.test(c)) nextSpace = i;
  }
  return starts;
}

export function escapeArgdown(text: string): string {
  const escaped = shortcodeStarts(text);
  // "===" opens a front matter block wherever a token starts.
  for (const m of text.matchAll(/={3,}/g)) for (let k = 0; k < m[0].length; k++) escaped.add(m.index! + k);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += ALWAYS.test(c) || escaped.has(i) ? `\\${c}` : c;
  }
  return out;
}

/** Does Argdown keep this text as it is on one line? No line breaks, tabs, controls, runs of spaces, or spaces at its ends. */
export function keepsAsIs(text: string): boolean {
  return text !== '' && text.trim() === text && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\s{2}|[^\S ]/.test(text);
}

/** The text on one line, as Argdown would show it: spacing folded to single spaces. */
export function argdownLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
}

const UNSAFE_IN_JSON = /[{}=\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON for a {data} block or the front matter that neither Argdown's lexer nor YAML misreads: in
 * strings, braces (a "}" would end the data block) and "=" (three of them end the front matter)
 * are \u escapes, and so are the characters YAML refuses or reads as line ends.
 */
export function argdownJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value).replace(UNSAFE_IN_JSON, unicodeEscape);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : argdownJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${argdownJson(k)}:${argdownJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
