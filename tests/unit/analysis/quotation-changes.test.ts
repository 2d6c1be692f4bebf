import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAgainst, extractQuotations } from '../../../arguments/analysis/audit';
import { quotationChanges } from '../../../arguments/analysis/quotation-changes';
import type { ArgumentMap, Source } from '../../../arguments/model';
import { diffTexts } from '../../../arguments/text/diff';
import { shipped } from '../operations/helpers';

/** What a full audit of both texts says: every quotation whose finding differs. */
function bruteForce(map: ArgumentMap, source: Source, newText: string) {
  const replaced = { ...source, text: newText };
  return Object.values(map.sources)
    .filter((s) => s.id !== source.id && s.quotes?.includes(source.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .flatMap((secondary) => {
      const others = (secondary.quotes ?? []).filter((id) => id !== source.id && Object.hasOwn(map.sources, id)).map((id) => map.sources[id]!);
      return extractQuotations(secondary.text).flatMap((q) => {
        const before = classifyAgainst(q.text, [source, ...others])!.result.status;
        const after = classifyAgainst(q.text, [replaced, ...others])!.result.status;
        return before === after ? [] : [{ source: secondary.id, start: q.start, before, after }];
      });
    });
}

const summary = (changes: ReturnType<typeof quotationChanges>) => changes?.map((c) => ({ source: c.source, start: c.quotation.start, before: c.before, after: c.after }));

describe('quotationChanges', () => {
  const map = shipped();
  const letter = map.sources.letter!;
  // Where the article's quotations stand in the letter: edits there are the ones that matter.
  const passages = extractQuotations(map.sources.article!.text).map((q) => classifyAgainst(q.text, [letter])!.result.passage).filter((p) => p !== undefined);

  it('finds what a full audit of both texts finds, for corrections near and inside the quoted passages', () => {
    expect(passages.length).toBeGreaterThanOrEqual(4);
    const edit = fc.record({
      passage: fc.nat(),
      offset: fc.integer({ min: -20, max: 120 }),
      remove: fc.integer({ min: 0, max: 15 }),
      insert: fc.constantFrom('', ' ', 'the ', 'a', 'give the American government', '[aggressive] ', '\n', '“', 'Korea.'),
    });
    let changed = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = letter.text;
        for (const e of edits) {
          const p = passages[e.passage % passages.length]!;
          const at = Math.max(0, Math.min(text.length, p.start + e.offset));
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        const found = quotationChanges(map, letter, text, diffTexts(letter.text, text));
        const expected = bruteForce(map, letter, text);
        expect(summary(found)).toEqual(expected);
        if (expected.length > 0) changed++;
      }),
      { numRuns: Math.min(200, Number(process.env.FC_RUNS ?? 200)) },
    );
    // Many of the corrections did change a finding: the shortcuts were put to the test.
    expect(changed).toBeGreaterThan(10);
  });

  it('says why a quotation changes, in the audit’s words on the new text', () => {
    const fixed = letter.text.replace('pull China into the struggle', 'pulled into the struggle');
    const found = quotationChanges(map, letter, fixed, diffTexts(letter.text, fixed));
    expect(found).toEqual([expect.objectContaining({ source: 'article', before: 'altered', after: 'verbatim' })]);
    expect(found![0]!.quotation.text).toBe('pulled into the struggle for the liberation of Korea.');
  });

  it('leaves the quotations to the audit when the new text is another text', () => {
    const other = map.sources.cable1949!.text;
    expect(quotationChanges(map, letter, other, diffTexts(letter.text, other))).toBeNull();
    expect(quotationChanges(map, letter, letter.text, diffTexts(letter.text, letter.text))).toEqual([]);
  });
});
