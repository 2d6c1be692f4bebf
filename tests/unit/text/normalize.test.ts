import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCached, normalizeForMatch, toOriginal, words } from '../../../arguments/text/normalize';

const raw = readFileSync(new URL('../../../arguments/sources/stalin-gottwald-1950.txt', import.meta.url), 'utf8');

// Characters the normaliser treats specially, mixed with plain ones.
const messyChar = fc.constantFrom(
  'a', 'B', 'é', '1', '.', ',', ' ', '  ', '\n', '\t', '\r\n', '\u00A0', '\u3000',
  '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2018', '\u2019', '\u201A',
  '\uFF1A', '\u2013', '\u2014', '\uFFFD', '"', "'", '-',
);
const messyText = fc.array(messyChar, { maxLength: 60 }).map((cs) => cs.join(''));

// The normaliser as first written, one character at a time: the copying of whole stretches must give the same text and offsets.
const TYPOGRAPHY: Record<string, string> = { '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"', '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2039': "'", '\u203A': "'", '\uFF1A': ':', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-' };
function byCharacter(text: string) {
  let out = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace) (out += ' '), map.push(i), (inSpace = true);
      continue;
    }
    inSpace = false;
    out += TYPOGRAPHY[ch] ?? ch;
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

describe('normalizeForMatch', () => {
  it('gives what normalising one character at a time gives, text and offsets (any text, lone surrogates and every Unicode space included)', () => {
    const unusual = fc.constantFrom('\u2028', '\u2029', '\uFEFF', '\u2009', '\u200A', '\u0085', '\u000B', '\u000C', '\uD83D', '\uDE00', '\u2015', '\u203A', '\u2039');
    fc.assert(fc.property(fc.array(fc.oneof(messyChar, unusual, fc.string({ maxLength: 3 })), { maxLength: 80 }).map((cs) => cs.join('')), (t) => {
      expect(normalizeForMatch(t)).toEqual(byCharacter(t));
    }), { numRuns: 500 });
    expect(normalizeForMatch(raw)).toEqual(byCharacter(raw));
  });

  it('collapses every whitespace run, newlines, NBSP and U+3000 included, to one space', () => {
    expect(normalizeForMatch('a \n\t b\u00A0\u00A0c\u3000d\r\ne').text).toBe('a b c d e');
  });

  it('straightens typographic quotes and maps the fullwidth colon and dashes', () => {
    expect(normalizeForMatch('\u201Cx\u201D \u201Ey\u201D \u00ABz\u00BB').text).toBe('"x" "y" "z"');
    expect(normalizeForMatch('\u2018a\u2019 \u201Ab').text).toBe("'a' 'b");
    expect(normalizeForMatch('that\uFF1A 1950\u20131953 \u2014 war').text).toBe('that: 1950-1953 - war');
  });

  it('maps each normalised character back to its original offset, with the original length at the end', () => {
    const { text, map } = normalizeForMatch('ab  \n c');
    expect(text).toBe('ab c');
    expect(map).toEqual([0, 1, 2, 6, 7]);
  });

  it('joins the letter’s line break inside a sentence and maps the match back to the original', () => {
    const n = normalizeForMatch(raw);
    const needle = 'partake in a third world war. Therefore, the third world war would be postponed';
    const first = n.text.indexOf(needle);
    const second = n.text.indexOf(needle, first + 1);
    // Once in the article (single space) and once in the letter (line break + space).
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    const { start, end } = toOriginal(n, second, second + needle.length);
    expect(raw.slice(start, end)).toBe('partake in a third world war.\n Therefore, the third world war would be postponed');
  });

  it('leaves U+FFFD and ordinary text alone', () => {
    const note = raw.slice(raw.indexOf('\uFFFD Translator'), raw.indexOf('lager demokratiyi.'));
    const n = normalizeForMatch(note);
    expect(n.text.startsWith('\uFFFD Translator\'s note')).toBe(true);
    expect(n.text.split('\uFFFD').length).toBe(note.split('\uFFFD').length);
  });

  it('property: no whitespace but single spaces survives, and every kept character maps back to its source', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const { text, map } = normalizeForMatch(s);
        expect(map.length).toBe(text.length + 1);
        expect(map[text.length]).toBe(s.length);
        expect(text).not.toMatch(/\s\s|[^\S ]/);
        for (let i = 0; i < text.length; i++) {
          expect(map[i + 1]).toBeGreaterThan(map[i] as number);
          const orig = s[map[i] as number] as string;
          if (text[i] === ' ') expect(orig).toMatch(/\s/);
          else expect(normalizeForMatch(orig).text).toBe(text[i]);
        }
      }),
    );
  });

  it('property: normalising is idempotent', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const once = normalizeForMatch(s).text;
        expect(normalizeForMatch(once).text).toBe(once);
      }),
    );
  });

  it('caches by content: the same text gives the same result object', () => {
    const a = normalizeCached(raw);
    expect(normalizeCached(raw.slice(0))).toBe(a);
    expect(a.text).toBe(normalizeForMatch(raw).text);
  });
});

describe('words', () => {
  it('keeps apostrophes and hyphens inside words, drops punctuation, lowercases and straightens norm', () => {
    const ws = words('Stalin’s “camp”, Sino-U.S rapprochement; I’d—yes');
    expect(ws.map((w) => w.word)).toEqual(['Stalin’s', 'camp', 'Sino-U', 'S', 'rapprochement', 'I’d', 'yes']);
    expect(ws.map((w) => w.norm)).toEqual(["stalin's", 'camp', 'sino-u', 's', 'rapprochement', "i'd", 'yes']);
  });

  it('does not treat a trailing apostrophe, U+FFFD or a lone hyphen as part of a word', () => {
    expect(words("\uFFFD the Soviets' - war").map((w) => w.word)).toEqual(['the', 'Soviets', 'war']);
  });

  it('gives offsets into the original text', () => {
    const ws = words(raw);
    expect(ws.length).toBeGreaterThan(1000);
    for (const w of ws) expect(raw.slice(w.start, w.end)).toBe(w.word);
    const i = ws.findIndex((w) => w.word === 'FILIPPOV');
    expect(raw.slice((ws[i] as { start: number }).start)).toMatch(/^FILIPPOV\./);
  });

  it('property: offsets always slice back to the word, in increasing order', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        let last = -1;
        for (const w of words(s)) {
          expect(s.slice(w.start, w.end)).toBe(w.word);
          expect(w.start).toBeGreaterThan(last);
          last = w.end - 1;
        }
      }),
    );
  });
});
