import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory } from '../../../arguments/history';
import { emptyMap, type ArgumentMap, type Source } from '../../../arguments/model';
import * as ops from '../../../arguments/operations';
import { anchorQuote, describeQuote } from '../../../arguments/text/anchor';
import { apply, fixture, refused, roundTrip, shipped } from './helpers';

const REPEATED = 'Does it not give us an advantage in the global balance of power? It surely does.';

describe('anchorQuote', () => {
  it('anchors a quote on a node, or detaches it, undoably', () => {
    const quote = { source: 'article', exact: 'We left', start: 14 };
    expect(roundTrip(fixture(), ops.anchorQuote('c', quote)).nodes.c?.quote).toEqual(quote);
    expect(roundTrip(fixture(), ops.anchorQuote('e', undefined)).nodes.e).not.toHaveProperty('quote');
    expect(refused(fixture(), ops.anchorQuote('c', { source: 'nope', exact: 'x' }))).toBe('Node "c" quotes "nope", which is not a source in this map.');
    expect(refused(fixture(), ops.anchorQuote('c', { source: 'article', exact: '' }))).toBe('A quote cannot be empty.');
  });
});

describe('locatePassage on the letter to Gottwald', () => {
  const letter = shipped().sources.letter!;
  const first = letter.text.indexOf(REPEATED);
  const second = letter.text.indexOf(REPEATED, first + 1);

  it('anchors a verbatim passage where it stands', () => {
    const passage = 'I believe that we have achieved all of these goals.';
    const r = ops.locatePassage(letter, passage);
    expect(r).toMatchObject({ ok: true, match: 'verbatim', occurrences: 1 });
    if (!r.ok) return;
    expect(r.quote).toEqual(describeQuote('letter', letter.text, letter.text.indexOf(passage), letter.text.indexOf(passage) + passage.length));
  });

  it('anchors a passage pasted with other whitespace and straight quotation marks on the letter’s own text', () => {
    // The letter breaks the line after “camp of democracy and uses curly marks.
    const r = ops.locatePassage(letter, '\n  we cannot say that the "camp of democracy has no need to leave the Security Council."   ');
    expect(r).toMatchObject({ ok: true, match: 'normalized', occurrences: 1 });
    if (!r.ok) return;
    expect(r.quote.exact).toBe('we cannot say that the “camp of democracy\n has no need to leave the Security Council.”');
    expect(letter.text.slice(r.quote.start, r.quote.start! + r.quote.exact.length)).toBe(r.quote.exact);
    expect(anchorQuote(letter.text, r.quote)).toMatchObject({ start: r.quote.start, match: 'exact' });
  });

  it('takes the first of two identical sentences and says there are two, or the one nearest a position', () => {
    expect(second).toBeGreaterThan(first);
    const r = ops.locatePassage(letter, REPEATED);
    expect(r).toMatchObject({ ok: true, match: 'verbatim', occurrences: 2, quote: { start: first } });
    // The context it records tells the two apart afterwards, without the position.
    if (r.ok) expect(anchorQuote(letter.text, { ...r.quote, start: undefined })?.start).toBe(first);
    const near = ops.locatePassage(letter, REPEATED, second - 100);
    expect(near).toMatchObject({ ok: true, occurrences: 2, quote: { start: second } });
    if (near.ok) expect(anchorQuote(letter.text, { ...near.quote, start: undefined })?.start).toBe(second);
  });

  it('refuses a misquote with the closest passage and what differs', () => {
    const r = ops.locatePassage(letter, 'to give the American government a free hand to gain a majority vote');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.closest).toMatchObject({ text: 'to give American government a free hand to gain the majority vote' });
    expect(r.closest!.similarity).toBeGreaterThan(0.7);
    expect(r.closest!.similarity).toBeLessThan(1);
    expect(r.closest!.diff.some((o) => o.op !== 'equal')).toBe(true);
    expect(r.reason).toBe(
      'The passage is not in "Stalin to Klement Gottwald, 27 August 1950" as written. The closest passage begins "to give American government a free hand to…" and says "give American" and "gain the majority" where the passage has "give the American" and "gain a majority".',
    );
  });

  it('refuses words the letter does not have, and an empty paste', () => {
    expect(ops.locatePassage(letter, 'Stalin ordered the invasion of Japan in great secrecy')).toEqual({
      ok: false,
      reason: 'The passage is not in "Stalin to Klement Gottwald, 27 August 1950", and nothing there comes close. Check that it is from this source.',
    });
    expect(ops.locatePassage(letter, ' \n\t ')).toEqual({ ok: false, reason: 'There is no passage to look for: paste or type the words to quote.' });
  });

  it('names a source by its id when it has no title', () => {
    const untitled: Source = { ...letter, title: ' ' };
    expect(ops.locatePassage(untitled, 'nothing of the kind was ever said here').ok).toBe(false);
    expect((ops.locatePassage(untitled, 'to give the American government a free hand to gain a majority vote') as { reason: string }).reason).toMatch(/^The passage is not in "letter" as written/);
  });
});

describe('attachQuote', () => {
  it('attaches a pasted passage to existing evidence as one undoable step', () => {
    const map = shipped();
    const passage = 'I believe that we have achieved all of these goals.';
    const after = roundTrip(apply(map, ops.anchorQuote('E1b', undefined)), ops.attachQuote('E1b', 'letter', passage));
    expect(after.nodes.E1b?.quote).toMatchObject({ source: 'letter', exact: passage, start: map.sources.letter!.text.indexOf(passage) });
    expect(ops.attachQuote('E1b', 'letter', passage).label).toBe('Attach quote');
  });

  it('keeps the occurrence nearest the node’s old quote when the passage is repeated', () => {
    const map = shipped();
    const text = map.sources.letter!.text;
    const second = text.lastIndexOf(REPEATED);
    // E3c quotes the second occurrence; re-attaching the same words keeps it there.
    expect(map.nodes.E3c?.quote?.start).toBe(second);
    const after = apply(map, ops.attachQuote('E3c', 'letter', REPEATED));
    expect(after.nodes.E3c?.quote?.start).toBe(second);
    // A node with no quote of this source gets the first.
    expect(apply(map, ops.attachQuote('C1', 'letter', REPEATED)).nodes.C1?.quote?.start).toBe(text.indexOf(REPEATED));
  });

  it('refuses a misquote, naming the first words of the closest passage; nothing changes', () => {
    const reason = refused(shipped(), ops.attachQuote('E1a', 'letter', 'to give the American government a free hand to gain a majority vote'));
    expect(reason).toMatch(/The closest passage begins "to give American government a free hand to…"/);
    expect(refused(shipped(), ops.attachQuote('E1a', 'letter', ''))).toBe('There is no passage to look for: paste or type the words to quote.');
    expect(refused(shipped(), ops.attachQuote('nobody', 'letter', 'We left'))).toBe('There is no node "nobody".');
    expect(refused(shipped(), ops.attachQuote('E1a', 'diary', 'We left'))).toBe('There is no source "diary".');
  });
});

// ----- add a source, make evidence of a selection, save, reopen: the quote is where it was ----

const sourceText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }),
  fc.array(fc.constantFrom('We left', 'the Security Council', '.', ' ', '\n', '“', '”', '\u00A0', 'Korea', 'withdrawal form', '\uFFFD', '𝔖'), { minLength: 1, maxLength: 60 }).map((ws) => ws.join('')),
);

describe('evidence made from a selection survives saving and reopening', () => {
  it('add source → make evidence → save → load: the quote is found at the same start and end', () => {
    fc.assert(
      fc.property(sourceText, fc.nat(), fc.nat(), fc.string({ maxLength: 30 }), (text, a, b, title) => {
        let map: ArgumentMap = emptyMap('2026-11-26T00:00:00Z');
        const id = ops.freshSourceId(map, title);
        map = apply(map, ops.addSource({ id, title, role: 'primary', text }));
        // Any range, even one splitting a surrogate pair: the text is kept as UTF-16 code units.
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        // As renderer/commands.ts: makeEvidence does it.
        const quote = describeQuote(id, text, start, end);
        // A fresh node id, as makeEvidence takes: a title such as "N1" gives the source the id "n1".
        const nodeId = ops.freshId(map, 'n');
        const made = commit(createHistory(map), ops.insertFragment({ nodes: [{ id: nodeId, kind: 'evidence', text: '', quote }], relations: [], positions: { [nodeId]: { x: 0, y: 0 } } }, 'Make evidence'));
        if (!made.ok) throw new Error(made.reason);
        const reopened = loadMap(serializeMap(made.history.present));
        if (!reopened.ok) throw new Error(JSON.stringify(reopened.errors));
        const saved = reopened.map.nodes[nodeId]!.quote!;
        expect(reopened.map.sources[id]!.text).toBe(text);
        expect(anchorQuote(reopened.map.sources[id]!.text, saved)).toEqual({ start, end, match: 'exact' });
      }),
    );
  });
});
