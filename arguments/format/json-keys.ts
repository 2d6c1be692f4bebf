// Keys a JSON object names twice. JSON.parse keeps the last of them without a word, so a file
// edited by hand (or by another program) could load with a field other than the one its author
// reads; the loader refuses such a file instead, naming where. One pass over the text, no
// recursion: linear in the file's length, whatever its nesting.
import type { PathSegment } from './errors';

export interface DuplicateKey {
  /** The path of the object that names `key` twice. */
  path: PathSegment[];
  key: string;
}

type Frame = { kind: 'object'; keys: Set<string>; key: string | null; wantKey: boolean } | { kind: 'array'; index: number };

/** The end of the string whose opening quote is at `open`: the index of its closing quote. */
function stringEnd(text: string, open: number): number {
  let at = open + 1;
  for (;;) {
    const q = text.indexOf('"', at);
    if (q < 0) return text.length;
    let slashes = 0;
    for (let i = q - 1; i > open && text.charCodeAt(i) === 0x5c; i--) slashes++;
    if (slashes % 2 === 0) return q;
    at = q + 1;
  }
}

/**
 * The keys named twice in one object of `text`, which must be valid JSON (parse it first), in
 * the order they appear; at most `max` of them. Keys are compared as JSON.parse reads them:
 * "a" and "\u0061" are the same key.
 */
export function duplicateKeys(text: string, max = 1): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  const pathTo = (): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let i = 0; i < stack.length - 1; i++) {
      const f = stack[i]!;
      path.push(f.kind === 'array' ? f.index : f.key!);
    }
    return path;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.wantKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) {
          found.push({ path: pathTo(), key });
          if (found.length >= max) return found;
        } else top.keys.add(key);
        top.key = key;
        top.wantKey = false;
      }
      i = end;
    } else if (c === 0x7b) stack.push({ kind: 'object', keys: new Set(), key: null, wantKey: true });
    else if (c === 0x5b) stack.push({ kind: 'array', index: 0 });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.wantKey = true;
      else if (top) top.index++;
    }
  }
  return found;
}

/**
 * Whether `value`, parsed from `text`, kept every key the text names: JSON.parse drops a key only
 * when its object names it twice, so the text names as many keys (strings followed by a colon)
 * as the parsed objects own exactly when no object names a key twice. Counting is a few times
 * faster than `duplicateKeys` (no key is sliced or hashed); the loader asks `duplicateKeys`
 * where the counts differ.
 */
export function keepsEveryKey(text: string, value: unknown): boolean {
  let named = 0;
  const n = text.length;
  for (let at = text.indexOf('"'); at >= 0 && at < n; at = text.indexOf('"', at)) {
    let next = stringEnd(text, at) + 1;
    for (let c = text.charCodeAt(next); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++next));
    if (text.charCodeAt(next) === 0x3a) named++;
    at = next;
  }
  let owned = 0;
  const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';
  const stack: object[] = isObject(value) ? [value] : [];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (isObject(v[i])) stack.push(v[i]);
    } else {
      const keys = Object.keys(v);
      owned += keys.length;
      for (let i = 0; i < keys.length; i++) {
        const c = (v as Record<string, unknown>)[keys[i]!];
        if (isObject(c)) stack.push(c);
      }
    }
  }
  return named === owned;
}
