import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRegions, diffTexts, mapOffset, unchangedSpan, type TextDiff } from '../../../arguments/text/diff';

/** Every span is text the two share, in order, without overlaps, maximal. */
function checkSpans(oldText: string, newText: string, d: TextDiff): void {
  let a = 0;
  let b = 0;
  for (const s of d.spans) {
    expect(s.length).toBeGreaterThan(0);
    expect(s.a).toBeGreaterThanOrEqual(a);
    expect(s.b).toBeGreaterThanOrEqual(b);
    expect(s.a > a || s.b > b || (a === 0 && b === 0)).toBe(true);
    expect(oldText.slice(s.a, s.a + s.length)).toBe(newText.slice(s.b, s.b + s.length));
    a = s.a + s.length;
    b = s.b + s.length;
  }
  expect(a).toBeLessThanOrEqual(oldText.length);
  expect(b).toBeLessThanOrEqual(newText.length);
  // The changed regions and the spans tile both texts.
  const regions = changedRegions(d, oldText.length, newText.length);
  const shared = d.spans.reduce((n, s) => n + s.length, 0);
  expect(shared + regions.reduce((n, r) => n + r.a1 - r.a0, 0)).toBe(oldText.length);
  expect(shared + regions.reduce((n, r) => n + r.b1 - r.b0, 0)).toBe(newText.length);
}

const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('the ', 'Council ', 'we left ', 'Korea', '. ', '\n', 'aa', 'a'), { maxLength: 120 }).map((ws) => ws.join('')),
);

describe('diffTexts', () => {
  it('finds the stretches two texts share', () => {
    fc.assert(
      fc.property(textArb, textArb, (x, y) => {
        const d = diffTexts(x, y);
        checkSpans(x, y, d);
        expect(d.complete).toBe(true);
      }),
    );
  });

  it('keeps everything but a single edit', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(20), fc.string({ maxLength: 20 }), (text, at0, remove0, insert) => {
        const at = at0 % (text.length + 1);
        const remove = Math.min(remove0, text.length - at);
        const edited = text.slice(0, at) + insert + text.slice(at + remove);
        const d = diffTexts(text, edited);
        checkSpans(text, edited, d);
        // A minimal diff keeps at least everything the edit did not touch.
        expect(d.spans.reduce((n, s) => n + s.length, 0)).toBeGreaterThanOrEqual(text.length - remove);
        // Offsets before the edit stay where they were.
        for (let o = 0; o < at; o += 7) expect(mapOffset(d, o)).toBe(o);
      }),
    );
  });

  it('follows a hundred corrections scattered through a long text, and places each passage', () => {
    const sentence = (i: number) => `Meeting ${i}: the commission heard the report of comrade ${['Ivanov', 'Petrov', 'Sidorov'][i % 3]} on deliveries.${i % 7 === 0 ? '\n\n' : ' '}`;
    const text = Array.from({ length: 7000 }, (_, i) => sentence(i)).join('');
    let edited = text;
    for (let k = 0; k < 100; k++) {
      const at = edited.indexOf('report', Math.floor((k / 100) * edited.length));
      edited = `${edited.slice(0, at)}full ${edited.slice(at)}`;
    }
    expect(text.length).toBeGreaterThan(500_000);
    const d = diffTexts(text, edited);
    expect(d.complete).toBe(true);
    checkSpans(text, edited, d);
    expect(changedRegions(d, text.length, edited.length)).toHaveLength(100);
    // "Meeting 4321:" is untouched: it is found whole in one span, at its place in the new text.
    const start = text.indexOf('Meeting 4321:');
    const span = unchangedSpan(d, start, start + 13);
    expect(span).not.toBeNull();
    expect(edited.slice(mapOffset(d, start), mapOffset(d, start) + 13)).toBe('Meeting 4321:');
  });

  it('gives up following texts that have nothing in common, saying so', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `alpha ${i * 7919} `).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `omega ${i * 104729} `).join('\n');
    const d = diffTexts(a, b);
    checkSpans(a, b, d);
    expect(d.complete).toBe(false);
  });

  it('maps an offset inside an unchanged stretch exactly, and one in a change to just after what precedes it', () => {
    const d = diffTexts('We left the Council.', 'We have left the Council.');
    expect(unchangedSpan(d, 8, 19)).not.toBeNull();
    expect(mapOffset(d, 8)).toBe(13);
    expect(unchangedSpan(d, 0, 8)).toBeNull();
    expect(mapOffset(d, 0)).toBe(0);
  });
});
