// Typed text in a shared document: a change is written as the smallest edit that turns the old
// text into the new (common prefix and suffix kept), so a peer typing elsewhere in the same text
// keeps their words. The cut never falls inside a surrogate pair: a character is never split.
import type * as Y from 'yjs';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The edit from `a` to `b`: at `index`, delete `remove` code units and insert `insert`. */
export function textEdit(a: string, b: string): { index: number; remove: number; insert: string } | null {
  if (a === b) return null;
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && isHigh(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  return { index: p, remove: a.length - p - s, insert: b.slice(p, b.length - s) };
}

export function writeText(text: Y.Text, next: string): void {
  const edit = textEdit(text.toString(), next);
  if (!edit) return;
  if (edit.remove > 0) text.delete(edit.index, edit.remove);
  if (edit.insert.length > 0) text.insert(edit.index, edit.insert);
}
