import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory } from '../../../arguments/history';
import { emptyMap, type ArgumentMap } from '../../../arguments/model';
import * as ops from '../../../arguments/operations';
import { anchorQuote, describeQuote } from '../../../arguments/text/anchor';
import { apply, refused, roundTrip, shipped } from './helpers';

const byNode = (report: ops.ReanchorReport) => Object.fromEntries(report.quotes.map((q) => [q.node, q]));

describe('a corrected transcription of the letter', () => {
  const map = shipped();
  const text = map.sources.letter!.text;
  // Three corrections: a typo inside a quote (E1c), a heading, and a sentence dropped from E3b's passage.
  const corrected = text
    .replace('withdrawal form the Security Council', 'withdrawal from the Security Council')
    .replace('Document\n', 'Document (copy)\n')
    .replace('It turns out that America would break its neck in this struggle. ', '');

  it('reports each quote found, moved or lost, and changes nothing', () => {
    const before = serializeMap(map);
    const report = ops.reanchorReport(map, 'letter', corrected);
    expect(serializeMap(map)).toBe(before);
    expect(report.quotes.map((q) => q.node)).toEqual(ops.quotingNodes(map, 'letter'));
    expect(report.counts).toEqual({ found: 12, moved: 0, lost: 2 });
    const q = byNode(report);
    expect(q.E1c).toMatchObject({ status: 'lost', quote: map.nodes.E1c!.quote });
    expect(q.E1c!.status === 'lost' && q.E1c!.closest?.text).toMatch(/^Following our withdrawal from the Security Council/);
    expect(q.E1c!.message).toBe('Lost: the new text does not have the quoted words; the closest passage says "withdrawal from the" where the quote has "withdrawal form the".');
    expect(q.E3b).toMatchObject({ status: 'lost' });
    // The heading moved everything after it by 7 characters: still found, at the same place.
    const e1a = q.E1a!;
    expect(e1a).toMatchObject({ status: 'found', match: 'verbatim', message: 'Still found at the same place.' });
    if (e1a.status !== 'lost') {
      expect(e1a.after.start).toBe(e1a.before!.start + ' (copy)'.length);
      expect(corrected.slice(e1a.after.start, e1a.after.end)).toBe(map.nodes.E1a!.quote!.exact);
    }
  });

  it('replaces the text as one undoable step, re-anchoring what is found and leaving what is lost', () => {
    const report = ops.reanchorReport(map, 'letter', corrected);
    const after = roundTrip(map, ops.replaceSourceText('letter', corrected, report));
    expect(after.sources.letter!.text).toBe(corrected);
    expect(after.nodes.E1c!.quote).toEqual(map.nodes.E1c!.quote);
    for (const entry of report.quotes) {
      if (entry.status === 'lost') continue;
      const quote = after.nodes[entry.node]!.quote!;
      expect(quote.exact).toBe(map.nodes[entry.node]!.quote!.exact);
      expect(anchorQuote(corrected, quote)).toMatchObject({ start: entry.after.start, end: entry.after.end });
      expect(quote).toEqual(entry.quote);
    }
    expect(ops.replaceSourceText('letter', corrected).label).toBe('Replace source text');
  });

  it('computes the report itself when none is given, or when the one given no longer fits', () => {
    const fresh = apply(map, ops.replaceSourceText('letter', corrected));
    expect(serializeMap(apply(map, ops.replaceSourceText('letter', corrected, ops.reanchorReport(map, 'letter', corrected))))).toBe(serializeMap(fresh));
    // A report for another text, or made before a quote changed, is not trusted.
    const stale = ops.reanchorReport(map, 'letter', text.replace('Document\n', 'Doc\n'));
    expect(serializeMap(apply(map, ops.replaceSourceText('letter', corrected, stale)))).toBe(serializeMap(fresh));
    const moved = apply(map, ops.attachQuote('E1a', 'letter', 'Please pass on to Gottwald verbally'));
    const early = ops.reanchorReport(map, 'letter', corrected);
    expect(apply(moved, ops.replaceSourceText('letter', corrected, early)).nodes.E1a!.quote!.exact).toBe('Please pass on to Gottwald verbally');
  });

  it('a paragraph moved elsewhere: its quotes are moved, with their new place', () => {
    const para = 'I believe that we have achieved all of these goals.\n\n';
    const swapped = text.replace(para, '').replace('FILIPPOV.', `${para}FILIPPOV.`);
    const report = ops.reanchorReport(map, 'letter', swapped);
    const e1b = byNode(report).E1b!;
    expect(e1b).toMatchObject({ status: 'moved', match: 'verbatim', message: 'Found at another place in the new text.' });
    const after = apply(map, ops.replaceSourceText('letter', swapped, report));
    expect(anchorQuote(swapped, after.nodes.E1b!.quote!)?.start).toBe(swapped.indexOf(para));
    expect(report.counts.lost).toBe(0);
  });

  it('the same text changes nothing and adds no step', () => {
    const report = ops.reanchorReport(map, 'letter', text);
    expect(report.counts).toEqual({ found: 14, moved: 0, lost: 0 });
    expect(report.quotations).toEqual([]);
    const r = commit(createHistory(map), ops.replaceSourceText('letter', text, report));
    expect(r.ok && r.history.past).toHaveLength(0);
  });

  it('reports the quotations of the article whose audit changes', () => {
    // The article quotes "to give the American government a free hand to gain a majority vote"; the letter says "give American … gain the majority".
    const fixed = text.replace('to give American government a free hand to gain the majority vote', 'to give the American government a free hand to gain a majority vote');
    const report = ops.reanchorReport(map, 'letter', fixed);
    expect(report.quotations).toEqual([
      expect.objectContaining({ source: 'article', before: 'altered', after: 'verbatim', message: 'Verbatim: the quotation matches Stalin to Klement Gottwald, 27 August 1950 word for word.' }),
    ]);
    expect(report.quotations![0]!.quotation.text).toMatch(/^to give the American government a free hand/);
    // E1a quoted the old words: lost now.
    expect(byNode(report).E1a!.status).toBe('lost');
  });

  it('a text that has nothing to do with the old one: every quote lost, the quotations left to the audit', () => {
    const report = ops.reanchorReport(map, 'letter', map.sources.cable1949!.text);
    expect(report.counts).toEqual({ found: 0, moved: 0, lost: 14 });
    expect(report.quotations).toBeNull();
  });

  it('refuses an unknown source, leaving everything as it was', () => {
    expect(refused(map, ops.replaceSourceText('diary', 'x'))).toBe('There is no source "diary".');
    expect(ops.reanchorReport(map, 'diary', 'x')).toMatchObject({ quotes: [], counts: { found: 0, moved: 0, lost: 0 } });
  });
});

// ----- random texts, random quotes, random corrections ---------------------------------------

// Few distinct words, so passages repeat and the re-anchoring has to tell them apart.
const textArb = fc.oneof(
  fc.array(fc.constantFrom('the ', 'Council ', 'we left ', 'Korea', '. ', '\n', '“', '” ', 'aa', 'a'), { minLength: 1, maxLength: 80 }).map((ws) => ws.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
);
const insertArb = fc.oneof(fc.constantFrom('the ', 'Council', ' ', '\n', 'x', 'a', '. we left '), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }));

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function quotedMap(text: string, ranges: [number, number][]): ArgumentMap {
  let map = apply(emptyMap('2026-11-26T00:00:00Z'), ops.addSource({ id: 's', title: 'A source', role: 'primary', text }));
  ranges.forEach(([start, end], i) => {
    map = apply(map, ops.addNode({ id: `e${i}`, kind: 'evidence', text: '', quote: describeQuote('s', text, start, end) }));
  });
  return map;
}

const applyEdits = (text: string, edits: Edit[]) => edits.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.at + e.remove), text);

/** After the replacement, every quote found or moved is found exactly where the report says; the map opens again. */
function checkReplacement(map: ArgumentMap, newText: string, report: ops.ReanchorReport): void {
  const r = commit(createHistory(map), ops.replaceSourceText('s', newText, report));
  if (!r.ok) throw new Error(r.reason);
  const after = r.history.present;
  for (const entry of report.quotes) {
    const quote = after.nodes[entry.node]!.quote!;
    if (entry.status === 'lost') {
      expect(quote).toBe(map.nodes[entry.node]!.quote);
      expect(anchorQuote(newText, quote)).toBeNull();
    } else {
      expect(anchorQuote(newText, quote)).toEqual({ start: entry.after.start, end: entry.after.end, match: entry.match === 'verbatim' ? 'exact' : 'normalized' });
      if (entry.match === 'verbatim') expect(newText.slice(entry.after.start, entry.after.end)).toBe(quote.exact);
    }
  }
  const reopened = loadMap(serializeMap(after));
  expect(reopened.ok).toBe(true);
}

const scenario = textArb.chain((text) =>
  fc.record({
    text: fc.constant(text),
    ranges: fc.array(fc.tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 40 })).map(([s, n]): [number, number] => [s, Math.min(text.length, s + n)]), { minLength: 1, maxLength: 6 }),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 12 }), insert: fc.oneof(fc.constant(''), insertArb) }), { minLength: 1, maxLength: 3 }),
  }),
);

describe('re-anchoring properties', () => {
  it('edits outside the quoted passages leave every quote found or moved, and each is then found where reported', () => {
    fc.assert(
      fc.property(scenario, ({ text, ranges, edits }) => {
        // Place each edit in a stretch no quote covers (insertions may touch a quote's edge), right to left so offsets stay valid.
        const free = (at: number, remove: number) => ranges.every(([s, e]) => (remove === 0 ? at <= s || at >= e : at + remove <= s || at >= e));
        const placed: Edit[] = [];
        let limit = text.length;
        for (const e of edits) {
          const at = limit === 0 ? 0 : e.at % (limit + 1);
          const remove = Math.min(e.remove, limit - at);
          if (remove === 0 && e.insert === '') continue;
          if (!free(at, remove)) continue;
          placed.push({ at, remove, insert: e.insert });
          limit = at;
        }
        fc.pre(placed.length > 0);
        const map = quotedMap(text, ranges);
        const newText = applyEdits(text, placed);
        const report = ops.reanchorReport(map, 's', newText);
        for (const entry of report.quotes) expect(entry.status).not.toBe('lost');
        checkReplacement(map, newText, report);
      }),
    );
  });

  it('an edit inside a quoted passage makes it lost or moved, never found with other words', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ text, ranges, edits }, pick) => {
        const [s, e] = ranges[pick % ranges.length]!;
        fc.pre(e - s >= 2);
        const first = edits[0]!;
        // Strictly inside [s, e): an insertion between two of its characters, or a deletion of some of them.
        const at = s + 1 + (first.at % (e - s - 1));
        const edit: Edit = first.remove > 0 ? { at, remove: Math.min(first.remove, e - at), insert: first.insert } : { at, remove: 0, insert: first.insert || 'x' };
        const newText = applyEdits(text, [edit]);
        const map = quotedMap(text, ranges);
        const report = ops.reanchorReport(map, 's', newText);
        for (const entry of report.quotes) {
          if (entry.status === 'found') {
            // Found means the same words at the same place, whatever the edit did around them.
            expect(newText.slice(entry.after.start, entry.after.end)).toBe(map.nodes[entry.node]!.quote!.exact);
            expect(text.slice(entry.before!.start, entry.before!.end)).toBe(map.nodes[entry.node]!.quote!.exact);
          }
        }
        const edited = report.quotes.find((q) => q.node === `e${pick % ranges.length}`)!;
        if (edited.status === 'found') {
          // Only when the edit left the same characters there (deleting one "a" of "aa"…).
          expect(newText.slice(edited.after.start, edited.after.end)).toBe(text.slice(s, e));
        }
        checkReplacement(map, newText, report);
      }),
    );
  });
});
