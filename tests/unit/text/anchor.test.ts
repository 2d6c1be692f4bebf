import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../arguments/model';
import { anchorQuote, describeQuote, isQuoteFound } from '../../../arguments/text/anchor';
import { normalizeForMatch } from '../../../arguments/text/normalize';

const raw = readFileSync(new URL('../../../arguments/sources/stalin-gottwald-1950.txt', import.meta.url), 'utf8');
const letterStart = raw.indexOf('Document\n\nTop Secret');
const letterEnd = raw.indexOf('Listy. 71-72') + 'Listy. 71-72'.length;
const letter = raw.slice(letterStart, letterEnd);

const REPEATED = 'Does it not give us an advantage in the global balance of power? It surely does.';
const firstRepeat = letter.indexOf(REPEATED);
const secondRepeat = letter.indexOf(REPEATED, firstRepeat + 1);

function countOccurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

describe('describeQuote', () => {
  it('records exact, context either side and the start', () => {
    const start = letter.indexOf('It surely does.');
    const q = describeQuote('letter', letter, start, start + 15, 10);
    expect(q).toEqual({
      source: 'letter',
      exact: 'It surely does.',
      prefix: letter.slice(start - 10, start),
      suffix: letter.slice(start + 15, start + 25),
      start,
    });
    expect(q.prefix).toBe('of power? ');
  });

  it('clips the context at the ends of the text', () => {
    const q = describeQuote('letter', letter, 0, 8);
    expect(q.prefix).toBe('');
    expect(q.exact).toBe('Document');
    const end = describeQuote('letter', letter, letter.length - 5, letter.length);
    expect(end.suffix).toBe('');
    expect(end.exact).toBe('71-72');
  });

  it('never splits a surrogate pair in the context', () => {
    const text = 'a\u{1F600}bc quote de\u{1F600}f';
    const start = text.indexOf('quote');
    const q = describeQuote('s', text, start, start + 5, 4);
    expect(q.prefix).toBe('bc '); // a 4-unit cut would fall between the emoji's two halves
    expect(q.suffix).toBe(' de');
  });

  it('rejects a range outside the text', () => {
    expect(() => describeQuote('s', 'abc', 2, 1)).toThrow(RangeError);
    expect(() => describeQuote('s', 'abc', 0, 4)).toThrow(RangeError);
  });
});

describe('anchorQuote', () => {
  it('finds a verbatim quote', () => {
    const exact = 'to give American government a free hand to gain the majority vote';
    const r = anchorQuote(letter, { source: 'letter', exact });
    expect(r).toEqual({ start: letter.indexOf(exact), end: letter.indexOf(exact) + exact.length, match: 'exact' });
  });

  it('the letter really repeats the passage twice', () => {
    expect(firstRepeat).toBeGreaterThan(-1);
    expect(secondRepeat).toBeGreaterThan(firstRepeat);
  });

  it('picks the second of two repeated passages by its prefix and suffix alone', () => {
    const q = describeQuote('letter', letter, secondRepeat, secondRepeat + REPEATED.length);
    const { start: _hint, ...withoutHint } = q;
    expect(_hint).toBe(secondRepeat);
    expect(anchorQuote(letter, withoutHint)).toEqual({ start: secondRepeat, end: secondRepeat + REPEATED.length, match: 'exact' });
    // And the first one by its own context.
    const q1 = describeQuote('letter', letter, firstRepeat, firstRepeat + REPEATED.length);
    expect(anchorQuote(letter, { source: 'letter', exact: q1.exact, prefix: q1.prefix, suffix: q1.suffix })?.start).toBe(firstRepeat);
  });

  it('picks the second repeated passage by the start hint when there is no context', () => {
    expect(anchorQuote(letter, { source: 'letter', exact: REPEATED })?.start).toBe(firstRepeat);
    expect(anchorQuote(letter, { source: 'letter', exact: REPEATED, start: secondRepeat - 40 })?.start).toBe(secondRepeat);
    expect(anchorQuote(letter, { source: 'letter', exact: REPEATED, start: firstRepeat + 40 })?.start).toBe(firstRepeat);
  });

  it('lets the context outweigh a misleading start hint', () => {
    const q = describeQuote('letter', letter, secondRepeat, secondRepeat + REPEATED.length);
    expect(anchorQuote(letter, { ...q, start: firstRepeat })?.start).toBe(secondRepeat);
  });

  it('follows the text when the hint is stale (the source was edited before the quote)', () => {
    const q = describeQuote('letter', letter, secondRepeat, secondRepeat + REPEATED.length);
    const edited = `Editor's preface added later.\n\n${letter}`;
    const shift = edited.length - letter.length;
    expect(anchorQuote(edited, q)).toEqual({ start: secondRepeat + shift, end: secondRepeat + shift + REPEATED.length, match: 'exact' });
  });

  it('anchors a quote typed with a single space across the letter’s line break', () => {
    const exact = 'partake in a third world war. Therefore, the third world war';
    expect(letter.includes(exact)).toBe(false);
    const r = anchorQuote(letter, { source: 'letter', exact });
    expect(r?.match).toBe('normalized');
    expect(letter.slice(r?.start, r?.end)).toBe('partake in a third world war.\n Therefore, the third world war');
  });

  it('prefers a verbatim occurrence over a normalised one', () => {
    // In the whole file the single-space version stands verbatim in the article.
    const exact = 'partake in a third world war. Therefore, the third world war';
    const r = anchorQuote(raw, { source: 'file', exact });
    expect(r).toEqual({ start: raw.indexOf(exact), end: raw.indexOf(exact) + exact.length, match: 'exact' });
    expect(r?.start).toBeLessThan(letterStart);
  });

  it('anchors across straight vs curly quotation marks', () => {
    const exact = 'say that the "camp of democracy has no need';
    const r = anchorQuote(letter, { source: 'letter', exact });
    expect(r?.match).toBe('normalized');
    expect(letter.slice(r?.start, r?.end)).toBe('say that the \u201Ccamp of democracy\n has no need');
  });

  it('keeps U+FFFD: the anchored range still holds the replacement character', () => {
    const exact = "\uFFFD Translator's note: Translation here is literal";
    const r = anchorQuote(raw, { source: 'file', exact });
    expect(r?.match).toBe('normalized'); // the file has a curly apostrophe
    const found = raw.slice(r?.start, r?.end);
    expect(found).toBe('\uFFFD Translator\u2019s note: Translation here is literal');
    expect(found.charCodeAt(0)).toBe(0xfffd);
    const verbatim = anchorQuote(raw, { source: 'file', exact: found });
    expect(verbatim).toEqual({ start: r?.start, end: r?.end, match: 'exact' });
  });

  it('returns null for text the source does not contain, and for an empty quote', () => {
    expect(anchorQuote(letter, { source: 'letter', exact: 'Stalin ordered the invasion of Japan' })).toBeNull();
    expect(anchorQuote(letter, { source: 'letter', exact: '' })).toBeNull();
    expect(anchorQuote('', { source: 'letter', exact: 'x' })).toBeNull();
  });

  it('stays fast on a 1 MB source with many quotes', () => {
    const big = Array.from({ length: 100 }, () => letter).join('\n\n'); // ~300 kB of repeats
    const huge = `${big}\n${big}\n${big}\n${big}`; // ~1.2 MB
    const quotes: Quote[] = [];
    for (let k = 0; k < 200; k++) {
      const at = Math.floor((k / 200) * (huge.length - 100));
      quotes.push(describeQuote('big', huge, at, at + 60));
    }
    const t0 = performance.now();
    for (const q of quotes) expect(anchorQuote(huge, q)?.start).toBe(q.start);
    // Normalised look-ups reuse the cached normalisation of the big source.
    for (const q of quotes.slice(0, 50)) expect(anchorQuote(huge, { ...q, exact: q.exact.replace(/\s+/g, '\u00A0\n') })).not.toBeNull();
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

// Random ranges, trimmed so they start and end on a visible character (a quote never
// begins in the middle of a whitespace run).
const range = (text: string) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 300 }))
    .map(([start, len]) => {
      let s = start;
      let e = Math.min(text.length, start + len);
      while (s < e && /\s/.test(text[s] as string)) s++;
      while (e > s && /\s/.test(text[e - 1] as string)) e--;
      return { start: s, end: e };
    })
    .filter(({ start, end }) => end > start);

describe('anchorQuote properties', () => {
  it('describeQuote then anchorQuote gives back the same range', () => {
    fc.assert(
      fc.property(range(raw), ({ start, end }) => {
        const q = describeQuote('file', raw, start, end);
        expect(anchorQuote(raw, q)).toEqual({ start, end, match: 'exact' });
      }),
    );
  });

  it('without the start hint, unique context still finds the same range', () => {
    const nRaw = normalizeForMatch(raw).text;
    fc.assert(
      fc.property(range(raw), ({ start, end }) => {
        const { start: _hint, ...q } = describeQuote('file', raw, start, end);
        const around = normalizeForMatch(`${q.prefix}${q.exact}${q.suffix}`).text;
        fc.pre(countOccurrences(nRaw, around) === 1);
        expect(anchorQuote(raw, q)).toEqual({ start, end, match: 'exact' });
      }),
    );
  });

  it('whitespace-mangling the exact text still anchors to the same range', () => {
    const nLetter = normalizeForMatch(letter).text;
    fc.assert(
      fc.property(range(letter), fc.boolean(), ({ start, end }, keepHint) => {
        const q = describeQuote('letter', letter, start, end);
        // Every whitespace run becomes one the letter never uses.
        const mangled = q.exact.replace(/\s+/g, '\u00A0\n');
        fc.pre(mangled !== q.exact);
        const { start: _hint, ...noHint } = q;
        // Without the hint only the context can tell the letter's two repeats apart.
        if (!keepHint) fc.pre(countOccurrences(nLetter, normalizeForMatch(`${q.prefix}${q.exact}${q.suffix}`).text) === 1);
        const r = anchorQuote(letter, keepHint ? { ...q, exact: mangled } : { ...noHint, exact: mangled });
        expect(r).toEqual({ start, end, match: 'normalized' });
      }),
    );
  });

  it('isQuoteFound says whether anchorQuote finds the quote: kept, whitespace-mangled, misquoted or empty, with or without the hint', () => {
    fc.assert(
      fc.property(range(letter), fc.constantFrom('kept', 'mangled', 'misquoted', 'empty'), fc.boolean(), ({ start, end }, change, keepHint) => {
        const q = describeQuote('letter', letter, start, end);
        const exact = change === 'mangled' ? q.exact.replace(/\s+/g, '\u00A0\n') : change === 'misquoted' ? `${q.exact}⁂` : change === 'empty' ? '' : q.exact;
        const { start: _hint, ...noHint } = q;
        const quote = keepHint ? { ...q, exact } : { ...noHint, exact };
        expect(isQuoteFound(letter, quote)).toBe(anchorQuote(letter, quote) !== null);
      }),
    );
    expect(isQuoteFound(letter, { ...describeQuote('letter', letter, 10, 40), exact: 'not in the letter at all' })).toBe(false);
  });
});

