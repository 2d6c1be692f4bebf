// Typed load errors, worded for a historian: what is wrong and where, never a stack trace.

export const LOAD_ERROR_CODES = [
  'too-large',
  'binary',
  'empty',
  'not-json',
  'truncated',
  'not-a-map',
  'wrong-format',
  'newer-version',
  'unsupported-version',
  'migration-failed',
  // Not a problem: what a migration did beyond the routine (a field kept under another name).
  'migrated',
  'invalid',
  'duplicate-id',
  'dangling-reference',
  // Two relations of the same kind, with the same target and the same premises.
  'duplicate-relation',
  // The same key twice in one object: JSON.parse would keep the last without a word.
  'duplicate-key',
  // Past a limit of arguments/limits.ts.
  'too-deep',
  'reserved-key',
  'too-long',
  'too-many',
  'out-of-range',
  // A figure (PNG, PDF) whose bytes are damaged where the map would be.
  'damaged-figure',
] as const;
export type LoadErrorCode = (typeof LOAD_ERROR_CODES)[number];

export interface LoadIssue {
  code: LoadErrorCode;
  /** Where in the file, as a JSON path: "nodes[3].kind"; "" for the whole file. */
  path: string;
  /** One plain sentence. */
  message: string;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][\w$]*$/.test(s) ? (out ? `.${s}` : s) : `[${quote(s)}]`;
    }
  }
  return out;
}

/**
 * A user's string (an id, a title) as a message quotes it: in double quotes, JSON-escaped, so
 * a line break, a terminal control or a right-to-left override in it cannot print a line or a
 * reading order of its own; cut to `max` characters with "…".
 */
export function quote(s: string, max = 200): string {
  const cut = s.length > max ? s.slice(0, /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max) : s;
  const json = JSON.stringify(cut).replace(/[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return cut === s ? json : `${json.slice(0, -1)}…"`;
}

/** "nodes[3].kind: …" — the form the CLI prints, one line per problem. */
export function describeIssue(issue: LoadIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export function issue(code: LoadErrorCode, path: readonly PropertyKey[] | string, message: string): LoadIssue {
  return { code, path: typeof path === 'string' ? path : formatPath(path), message };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
