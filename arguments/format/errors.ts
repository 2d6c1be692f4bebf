// Typed load errors, worded for a historian: what is wrong and where, never a stack trace.

export type LoadErrorCode =
  | 'too-large'
  | 'binary'
  | 'empty'
  | 'not-json'
  | 'truncated'
  | 'not-a-map'
  | 'wrong-format'
  | 'newer-version'
  | 'unsupported-version'
  | 'migration-failed'
  | 'invalid'
  | 'duplicate-id'
  | 'dangling-reference';

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
      out += /^[A-Za-z_$][\w$]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
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
