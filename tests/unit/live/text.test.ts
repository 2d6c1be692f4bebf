import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textEdit, writeText } from '../../../arguments/live/text';

const apply = (a: string, e: ReturnType<typeof textEdit>) => (e ? a.slice(0, e.index) + e.insert + a.slice(e.index + e.remove) : a);

describe('typed text as minimal edits', () => {
  it('writes only the words that changed', () => {
    expect(textEdit('The letter shows caution.', 'The letter clearly shows caution.')).toEqual({ index: 11, remove: 0, insert: 'clearly ' });
    expect(textEdit('same', 'same')).toBeNull();
  });

  it('never cuts a character in two (a surrogate pair stays whole)', () => {
    // 😀 and 😃 share their high surrogate: a cut after it would leave half a character in each edit.
    const e = textEdit('a😀b', 'a😃b')!;
    expect(e).toEqual({ index: 1, remove: 2, insert: '😃' });
  });

  it('turns any text into any other, in a Y.Text too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (a, b) => {
        const e = textEdit(a, b);
        expect(apply(a, e)).toBe(b);
        const doc = new Y.Doc();
        const t = doc.getText('t');
        t.insert(0, a);
        writeText(t, b);
        expect(t.toString()).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});
