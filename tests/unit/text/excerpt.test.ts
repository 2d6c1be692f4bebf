import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../arguments/text/excerpt';

describe('excerpt: the first words of a text', () => {
  it('keeps a short text whole, whitespace runs as one space', () => {
    expect(excerpt('  The fourth\n reason. ', 60)).toBe('The fourth reason.');
    expect(excerpt('', 10)).toBe('');
  });

  it('cuts between words, never inside one, and marks the cut', () => {
    const text = 'Stalin names giving the American government "a free hand" in Korea as the fourth reason';
    const out = excerpt(text, 40);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out).toBe('Stalin names giving the American…');
    // Every word kept is a whole word of the text.
    for (const w of out.slice(0, -1).split(' ')) expect(text.split(' ')).toContain(w);
  });

  it('drops punctuation left dangling at the cut', () => {
    expect(excerpt('One, two, three, four, five, six', 14)).toBe('One, two…');
  });

  it('cuts a single word longer than the room (there is no boundary), never half a surrogate pair', () => {
    expect(excerpt('x'.repeat(5000), 10)).toBe('xxxxxxxxx…');
    const emoji = '😀'.repeat(20);
    const out = excerpt(emoji, 6);
    expect(out.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(out)).toBe(false);
  });

  it('property: never longer than asked, and a prefix of the flattened text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 2, max: 120 }), (text, max) => {
        const out = excerpt(text, max);
        const flat = text.replace(/\s+/g, ' ').trim();
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 2));
        const body = out.endsWith('…') && out.length > 0 && flat.length > max ? out.slice(0, -1) : out;
        expect(flat.startsWith(body)).toBe(true);
      }),
    );
  });
});
