import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditEvidence,
  auditMap,
  auditSourceQuotations,
  classifyQuotation,
  extractQuotations,
} from '../../../arguments/analysis/audit';
import type { AuditFinding } from '../../../arguments/analysis/audit';
import type { ArgNode, ArgumentMap, Source } from '../../../arguments/model';
import { describeQuote } from '../../../arguments/text/anchor';

const raw = readFileSync(new URL('../../../arguments/sources/stalin-gottwald-1950.txt', import.meta.url), 'utf8');
const ARTICLE_END = raw.indexOf('in Moscow.') + 'in Moscow.'.length;
const LETTER_START = raw.indexOf('Document\n\nTop Secret');
const LETTER_END = raw.indexOf('Listy. 71-72') + 'Listy. 71-72'.length;
const CABLE_START = raw.indexOf('Document 3:');
const CABLE_END = raw.indexOf('listy. 47-48.') + 'listy. 47-48.'.length;
const article = raw.slice(0, ARTICLE_END);
const letter = raw.slice(LETTER_START, LETTER_END);
const cable = raw.slice(CABLE_START, CABLE_END);

const LETTER_NAME = "Stalin's letter to Gottwald";

const Q1 = 'to give the American government a free hand to gain a majority vote in the Security Council';
const Q2 = 'make more mistakes, and show its true [aggressive] colors to the public.';
const Q3 =
  'it is clear that the United States of America is presently diverted from Europe and the Far East. Does it not give us an advantage in the global balance of power? It surely does.';
const Q4 = 'pulled into the struggle for the liberation of Korea.';
const Q5 =
  'would not be in a position to partake in a third world war. Therefore, the third world war would be postponed for an unspecified period.';

function source(id: string, title: string, text: string, extra: Partial<Source> = {}): Source {
  return { id, title, role: 'primary', text, ...extra };
}

function makeMap(sources: Source[], nodes: ArgNode[] = []): ArgumentMap {
  return {
    meta: { title: 'Test map', authors: [], created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z' },
    sources: Object.fromEntries(sources.map((s) => [s.id, s])),
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    relations: {},
    view: { positions: {}, collapsed: [] },
  };
}

const letterSource = source('letter', LETTER_NAME, letter, { date: '1950-08-27', author: 'Stalin' });
const articleSource = source('article', 'Analyst’s article', article, { role: 'secondary', quotes: ['letter'] });

describe('the real text', () => {
  it('slices into article, letter and cable as expected', () => {
    expect(article.startsWith('Letter of Stalin to Klement Gottwald')).toBe(true);
    expect(article.endsWith('in Moscow.')).toBe(true);
    expect(letter.startsWith('Document\n\nTop Secret')).toBe(true);
    expect(letter).toContain('war.\n Therefore');
    expect(cable).toContain('they [the North Koreans] are ill prepared');
  });
});

describe('extractQuotations', () => {
  it('finds the article’s five quotations of the letter, with offsets of the inner text', () => {
    const qs = extractQuotations(article);
    expect(qs.map((q) => q.text)).toEqual([Q1, Q2, Q3, Q4, Q5]);
    for (const q of qs) {
      expect(article.slice(q.start, q.end)).toBe(q.text);
      expect(article[q.start - 1]).toBe('\u201C');
      expect(article[q.end]).toBe('\u201D');
    }
  });

  it('handles a quotation spanning a line break', () => {
    const qs = extractQuotations(letter);
    const camp = qs.find((q) => q.text.startsWith('camp of democracy'));
    expect(camp?.text).toBe('camp of democracy\n has no need to leave the Security Council.');
  });

  it('restarts at a second opening mark and drops a quotation left open across a blank line', () => {
    // The letter opens “We view … and never closes it before “camp of democracy ….”
    expect(extractQuotations(letter).map((q) => q.text)).toEqual(['camp of democracy\n has no need to leave the Security Council.']);
    expect(extractQuotations('He said \u201Cnever closed\n\nNext paragraph \u201Cshut\u201D.').map((q) => q.text)).toEqual(['shut']);
  });

  it('takes straight pairs, guillemets and „…“, and ignores apostrophes', () => {
    const text = 'Stalin\u2019s and Mao\'s "first" words, \u00ABsecond\u00BB and \u201Ethird\u201C, then \u2018single\u2019.';
    const qs = extractQuotations(text);
    expect(qs.map((q) => q.text)).toEqual(['first', 'second', 'third']);
    for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('leaves the 1949 cable’s multi-paragraph straight quotation alone rather than pairing it wrongly', () => {
    expect(extractQuotations(cable)).toEqual([]);
  });

  it('property: every quotation slices back to its text and never contains a blank line', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\n\n', '"', '\u201C', '\u201D', '\u00AB', '\u00BB', '\u2019', 'word');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        let last = -1;
        for (const q of extractQuotations(text)) {
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.text).not.toMatch(/\n[ \t]*\n/);
          expect(q.start).toBeGreaterThan(last);
          last = q.end;
        }
      }),
    );
  });
});

describe('classifyQuotation on the article’s five quotations', () => {
  it('1: "a free hand to gain a majority vote" is altered: "the" added, "the" majority changed to "a"', () => {
    const r = classifyQuotation(Q1, letter, LETTER_NAME);
    expect(r.status).toBe('altered');
    expect(r.passage?.text).toBe('to give American government a free hand to gain the majority vote in the Security Council');
    expect(letter.slice(r.passage?.start, r.passage?.end)).toBe(r.passage?.text);
    expect(r.diff?.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'insert', quote: 'the' },
      { op: 'replace', quote: 'a', source: 'the' },
    ]);
    const ins = r.diff?.findIndex((o) => o.op === 'insert') ?? -1;
    expect(r.diff?.[ins + 1]).toEqual({ op: 'equal', quote: 'American', source: 'American' });
    expect(r.message).toBe(
      `Altered: ${LETTER_NAME} says "give American" and "gain the majority", the quote "give the American" and "gain a majority".`,
    );
  });

  it('2: "[aggressive]" is the analyst’s insertion: interpolated', () => {
    const r = classifyQuotation(Q2, letter, LETTER_NAME);
    expect(r.status).toBe('interpolated');
    expect(r.passage?.text).toBe('make more mistakes, and show its true colors to the public');
    expect(r.diff?.filter((o) => o.op !== 'equal')).toEqual([{ op: 'insert', quote: 'aggressive' }]);
    expect(r.message).toContain('[aggressive]');
    expect(r.message.startsWith('Interpolated:')).toBe(true);
  });

  it('3: the "diverted from Europe" passage is verbatim', () => {
    const r = classifyQuotation(Q3, letter, LETTER_NAME);
    expect(r.status).toBe('verbatim');
    expect(r.passage?.start).toBe(letter.indexOf('it is clear that the United States'));
    expect(r.passage?.text).toBe(Q3.slice(0, -1)); // the closing full stop is not compared
    expect(r.diff).toBeUndefined();
  });

  it('4: "pulled into the struggle" is altered from "pull China into the struggle"', () => {
    const r = classifyQuotation(Q4, letter, LETTER_NAME);
    expect(r.status).toBe('altered');
    expect(r.passage?.text).toBe('pull China into the struggle for the liberation of Korea');
    expect(r.diff?.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'replace', quote: 'pulled', source: 'pull' },
      { op: 'delete', source: 'China' },
    ]);
    expect(r.message).toBe(`Altered: ${LETTER_NAME} says "pull China into", the quote "pulled into".`);
  });

  it('5: the "third world war" passage differs only by the letter’s line break: normalized', () => {
    const r = classifyQuotation(Q5, letter, LETTER_NAME);
    expect(r.status).toBe('normalized');
    expect(r.passage?.text).toBe(
      'would not be in a position to partake in a third world war.\n Therefore, the third world war would be postponed for an unspecified period',
    );
    expect(letter.slice(r.passage?.start, r.passage?.end)).toBe(r.passage?.text);
  });
});

describe('classifyQuotation rules', () => {
  it('never calls a quote altered for terminal punctuation or surrounding whitespace alone', () => {
    expect(classifyQuotation('  It surely does!  ', letter).status).toBe('verbatim');
    expect(classifyQuotation('…we cannot say that the ', letter).status).toBe('verbatim');
    expect(classifyQuotation('Whether we leave or stay depends on the circumstances...', letter).status).toBe('verbatim');
  });

  it('calls straight vs curly quotation marks and spacing normalized', () => {
    const r = classifyQuotation('we cannot say that the "camp of democracy has no need to leave', letter);
    expect(r.status).toBe('normalized');
    expect(r.passage?.text).toBe('we cannot say that the \u201Ccamp of democracy\n has no need to leave');
  });

  it('accepts an ellipsis omission when the parts stand in order and close together', () => {
    const r = classifyQuotation('We left the Security Council for four reasons ... to demonstrate solidarity of the Soviet Union', letter);
    expect(r.status).toBe('interpolated');
    expect(r.passage?.text).toBe('We left the Security Council for four reasons: first, to demonstrate solidarity of the Soviet Union');
    expect(r.diff?.filter((o) => o.op !== 'equal')).toEqual([{ op: 'delete', source: 'first' }]);
    expect(r.message).toContain('omission');
    expect(classifyQuotation('We left the Security Council [...] to demonstrate solidarity', letter).status).toBe('interpolated');
  });

  it('rejects an omission whose parts are out of order', () => {
    const r = classifyQuotation('to demonstrate solidarity of the Soviet Union … We left the Security Council for four reasons', letter);
    expect(r.status).not.toBe('interpolated');
  });

  it('requires a bracketed insertion to sit where nothing was left out', () => {
    // "true [aggressive] to the public" drops "colors": not a mere insertion.
    expect(classifyQuotation('show its true [aggressive] to the public', letter).status).toBe('altered');
  });

  it('takes the bracketed text verbatim when the source itself has the brackets', () => {
    expect(classifyQuotation('they [the North Koreans] are ill prepared for assault', cable).status).toBe('verbatim');
  });

  it('calls a case-only change altered with no word edits', () => {
    const r = classifyQuotation('IT SURELY DOES', letter, LETTER_NAME);
    expect(r.status).toBe('altered');
    expect(r.diff?.every((o) => o.op === 'equal')).toBe(true);
    expect(r.message).toContain('capitalisation or punctuation');
  });

  it('describes several changes as separate snippets, merging changes that stand close together', () => {
    const three = classifyQuotation(
      'We left the Security Council for five reasons: first, to show solidarity of the Soviet Union towards the old China.',
      letter,
      LETTER_NAME,
    );
    expect(three.status).toBe('altered');
    expect(three.message).toBe(
      `Altered: ${LETTER_NAME} says "for four reasons", "to demonstrate solidarity" and "the new China", the quote "for five reasons", "to show solidarity" and "the old China".`,
    );
    const four = classifyQuotation(
      'We left the Security Council for five reasons: first, to show solidarity of the Russian Union towards the old China.',
      letter,
      LETTER_NAME,
    );
    expect(four.status).toBe('altered');
    expect(four.message).toContain('(4 differences; the first three shown)');
    const merged = classifyQuotation('to give British government one free hand to gain the majority vote', letter, LETTER_NAME);
    expect(merged.message).toBe(`Altered: ${LETTER_NAME} says "give American government a free", the quote "give British government one free".`);
  });

  it('reports not-found for words the letter does not contain', () => {
    const r = classifyQuotation('China must never be drawn into the Korean conflict under any circumstances', letter, LETTER_NAME);
    expect(r).toEqual({ status: 'not-found', message: `Not found: nothing in ${LETTER_NAME} comes close to this quotation.` });
    expect(classifyQuotation('  ...  ', letter).status).toBe('not-found');
  });

  it('does not stretch "altered" to a loose paraphrase', () => {
    // Half the words are the letter's, but too many edits.
    expect(classifyQuotation('America would break its back in a long war with China', letter).status).toBe('not-found');
  });
});

describe('classifyQuotation on a long source', () => {
  it('classifies the five quotations against a 1 MB source in reasonable time', () => {
    const big = Array.from({ length: 360 }, (_, i) => `Copy ${i}.\n\n${letter}`).join('\n\n');
    expect(big.length).toBeGreaterThan(1_000_000);
    const t0 = performance.now();
    const statuses = [Q1, Q2, Q3, Q4, Q5].map((q) => classifyQuotation(q, big).status);
    expect(statuses).toEqual(['altered', 'interpolated', 'verbatim', 'altered', 'normalized']);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('auditSourceQuotations', () => {
  const map = makeMap([articleSource, letterSource]);
  const findings = auditSourceQuotations(map);

  it('checks the article’s five quotations against the letter', () => {
    expect(findings.map((f) => f.status)).toEqual(['altered', 'interpolated', 'verbatim', 'altered', 'normalized']);
    for (const f of findings) {
      expect(f.kind).toBe('quotation');
      expect(f.source).toBe('letter');
      expect(f.quotedIn?.source).toBe('article');
      expect(article.slice(f.quotedIn?.start, f.quotedIn?.end)).toBe(f.quote);
      expect(letter.slice(f.passage?.start, f.passage?.end)).toBe(f.passage?.text);
      expect(f.message.length).toBeGreaterThan(20);
    }
    expect(findings.map((f) => f.quote)).toEqual([Q1, Q2, Q3, Q4, Q5]);
  });

  it('keeps the best result across several declared sources', () => {
    const withCable = makeMap([
      { ...articleSource, quotes: ['cable', 'letter'] },
      letterSource,
      source('cable', 'Cable to Mao Zedong', cable),
    ]);
    const fs = auditSourceQuotations(withCable);
    expect(fs.map((f) => f.status)).toEqual(['altered', 'interpolated', 'verbatim', 'altered', 'normalized']);
    expect(fs.every((f) => f.source === 'letter')).toBe(true);
    expect(fs.map((f) => f.message)).toEqual(findings.map((f) => f.message));
  });

  it('says so when the declared source is missing from the map', () => {
    const fs = auditSourceQuotations(makeMap([{ ...articleSource, quotes: ['lost-letter'] }]));
    expect(fs).toHaveLength(5);
    expect(fs.every((f) => f.status === 'not-found' && f.source === 'lost-letter')).toBe(true);
    expect(fs[0]?.message).toContain('"lost-letter"');
  });

  it('skips sources that declare no quoted sources', () => {
    expect(auditSourceQuotations(makeMap([{ ...articleSource, quotes: [] }, letterSource]))).toEqual([]);
  });
});

describe('auditEvidence', () => {
  const REPEATED = 'Does it not give us an advantage in the global balance of power? It surely does.';
  const second = letter.indexOf(REPEATED, letter.indexOf(REPEATED) + 1);

  const evidence = (id: string, quote: ArgNode['quote']): ArgNode => ({ id, kind: 'evidence', text: 'shows something', quote });

  it('grades evidence quotes: verbatim, normalized, not-found with the closest passage, missing source', () => {
    const nodes = [
      evidence('e1', describeQuote('letter', letter, second, second + REPEATED.length)),
      evidence('e2', { source: 'letter', exact: 'partake in a third world war. Therefore, the third world war' }),
      evidence('e3', { source: 'letter', exact: 'to give the American government a free hand to gain a majority vote' }),
      evidence('e4', { source: 'nowhere', exact: 'anything' }),
      evidence('e5', { source: 'letter', exact: 'Mao must lead the attack on Seoul at once' }),
      { id: 'c1', kind: 'claim', text: 'no quote here' } satisfies ArgNode,
    ];
    const fs = auditEvidence(makeMap([letterSource], nodes));
    expect(fs.map((f) => [f.node, f.status])).toEqual([
      ['e1', 'verbatim'],
      ['e2', 'normalized'],
      ['e3', 'not-found'],
      ['e4', 'not-found'],
      ['e5', 'not-found'],
    ]);
    const [e1, e2, e3, e4, e5] = fs as [AuditFinding, AuditFinding, AuditFinding, AuditFinding, AuditFinding];
    expect(e1.passage?.start).toBe(second);
    expect(e2.passage?.text).toBe('partake in a third world war.\n Therefore, the third world war');
    // Evidence must anchor, but the near miss is shown so the user can fix it.
    expect(e3.passage?.text).toBe('to give American government a free hand to gain the majority vote');
    expect(e3.diff?.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'insert', quote: 'the' },
      { op: 'replace', quote: 'a', source: 'the' },
    ]);
    expect(e3.message).toContain('"gain the majority"');
    expect(e4.message).toBe('Not found: the quote cites the source "nowhere", which is not in this map.');
    expect(e5.passage).toBeUndefined();
    expect(e5.message).toContain(LETTER_NAME);
  });

  it('keeps U+FFFD when anchoring evidence in the translator’s notes', () => {
    const notes = raw.slice(raw.indexOf('\uFFFD Translator'));
    const start = notes.indexOf('\uFFFD', 5); // the second note
    const q = describeQuote('notes', notes, start, start + 40);
    const [f] = auditEvidence(makeMap([source('notes', 'Translator’s notes', notes)], [evidence('e', q)]));
    expect(f?.status).toBe('verbatim');
    expect(f?.passage?.start).toBe(start);
    expect(f?.passage?.text.charCodeAt(0)).toBe(0xfffd);
  });
});

describe('auditMap', () => {
  it('lists evidence findings first, then quotations', () => {
    const q = describeQuote('letter', letter, letter.indexOf('It surely does.'), letter.indexOf('It surely does.') + 15);
    const map = makeMap([articleSource, letterSource], [{ id: 'e1', kind: 'evidence', text: 'x', quote: q }]);
    const fs = auditMap(map);
    expect(fs.map((f) => f.kind)).toEqual(['evidence', 'quotation', 'quotation', 'quotation', 'quotation', 'quotation']);
    expect(fs[0]?.status).toBe('verbatim');
  });
});
