import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../../../arguments/format/load';
import { commit, createHistory, undo } from '../../../../../arguments/history';
import type { ArgNode, ArgumentMap, Source } from '../../../../../arguments/model';
import { anchorQuote } from '../../../../../arguments/text/anchor';
import {
  attachClosest,
  defaultSourceId,
  keepsKey,
  nearOf,
  planAttach,
  QUOTE_OFFER,
  quoteAttribution,
  similarityLabel,
  sourceLabel,
} from '../../../../../renderer/panels/inspector/attach';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

/** The seed map with a fresh evidence node "e" without a quote. */
function withBareEvidence(): ArgumentMap {
  const map = seed();
  return { ...map, nodes: { ...map.nodes, e: { id: 'e', kind: 'evidence', text: 'New evidence.' } } };
}

function apply(map: ArgumentMap, op: Parameters<typeof commit>[1]): ArgumentMap {
  const r = commit(createHistory(map), op);
  if (!r.ok) throw new Error(r.reason);
  return r.history.present;
}

const letterText = () => seed().sources.letter!.text;

describe('the attribution under a quote', () => {
  it('gives the letter’s short citation with its folios', () => {
    const map = seed();
    expect(quoteAttribution(map.sources, map.nodes.E1c!.quote!)).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, ll. 71–72');
    expect(quoteAttribution(map.sources, map.nodes.E5!.quote!)).toBe('Stalin, 26 Oct 1949, APRF 45/1/332, ll. 47–48');
  });

  it('gives the page of a quote in a paginated text (form feeds), and null for a source not in the map', () => {
    const book: Source = { id: 'book', title: 'The Historian’s Craft', role: 'secondary', author: 'Marc Bloch', text: 'Page one.\fPage two has the passage.\fPage three.' };
    const sources = { book, constructor: book };
    expect(quoteAttribution(sources, { source: 'book', exact: 'has the passage', start: 19 })).toMatch(/, p\. 2$/);
    // An id such as "toString" is legal and must not be taken from Object.prototype.
    expect(quoteAttribution(sources, { source: 'toString', exact: 'x' })).toBeNull();
  });
});

describe('planning an attach', () => {
  it('anchors a verbatim passage as one undo step that undo takes back', () => {
    const map = withBareEvidence();
    const passage = 'I believe that we have achieved all of these goals.';
    const plan = planAttach(map.sources, map.nodes.e!, 'letter', passage);
    expect(plan).toMatchObject({ ok: true, message: 'Found word for word.' });
    if (!plan.ok) return;
    const r = commit(createHistory(map), plan.op);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const quote = r.history.present.nodes.e!.quote!;
    expect(quote).toMatchObject({ source: 'letter', exact: passage, start: letterText().indexOf(passage) });
    expect(r.history.past).toHaveLength(1);
    expect(undo(r.history).present.nodes.e!.quote).toBeUndefined();
  });

  it('accepts different spacing and straight quotation marks as normalized, keeping the source’s spelling', () => {
    const map = withBareEvidence();
    const plan = planAttach(map.sources, map.nodes.e!, 'letter', '  we cannot say that the "camp of democracy   has no need to leave the Security Council."\n');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.message).toBe('Found apart from spacing or quotation marks. The quote keeps the source’s own spelling.');
    expect(apply(map, plan.op).nodes.e!.quote!.exact).toBe('we cannot say that the “camp of democracy\n has no need to leave the Security Council.”');
  });

  it('says which occurrence of a repeated passage it took: the first, or the one nearest the old quote', () => {
    const map = withBareEvidence();
    const text = letterText();
    const passage = 'Does it not give us an advantage in the global balance of power?';
    const first = text.indexOf(passage);
    const second = text.indexOf(passage, first + 1);
    expect(second).toBeGreaterThan(first);

    const fresh = planAttach(map.sources, map.nodes.e!, 'letter', passage);
    expect(fresh.ok && fresh.message).toBe('Found word for word. The source has it 2 times: the first was taken. Paste a longer passage to quote another.');
    if (fresh.ok) expect(apply(map, fresh.op).nodes.e!.quote!.start).toBe(first);

    // A node quoting near the second occurrence keeps that one when its quote is changed.
    const quoting: ArgNode = { ...map.nodes.e!, quote: { source: 'letter', exact: 'It surely does.', start: second + passage.length + 1 } };
    const changed = { ...map, nodes: { ...map.nodes, e: quoting } };
    expect(nearOf(quoting, 'letter')).toBe(second + passage.length + 1);
    expect(nearOf(quoting, 'article')).toBeUndefined();
    const change = planAttach(changed.sources, quoting, 'letter', passage);
    expect(change.ok && change.message).toBe('Found word for word. The source has it 2 times: the one nearest the old quote was taken.');
    if (change.ok) expect(apply(changed, change.op).nodes.e!.quote!.start).toBe(second);
  });

  it('refuses a misquote in words, offering the closest passage as the source has it', () => {
    const map = withBareEvidence();
    const plan = planAttach(map.sources, map.nodes.e!, 'letter', 'I believe that we have achieved most of these goals.');
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.reason).toContain('says "achieved all of" where the passage has "achieved most of"');
    expect(plan.closest).toMatchObject({ sourceId: 'letter', text: 'I believe that we have achieved all of these goals', similarity: '90 % of the words the same' });
    const { start, end } = plan.closest!;
    expect(letterText().slice(start, end)).toBe(plan.closest!.text);

    const next = apply(map, attachClosest('e', plan.closest!));
    expect(next.nodes.e!.quote).toMatchObject({ source: 'letter', exact: 'I believe that we have achieved all of these goals', start });
  });

  it('the closest passage is attached where it was found, even where the source repeats it', () => {
    const map = withBareEvidence();
    const text = letterText();
    const repeated = 'It surely does.';
    const second = text.indexOf(repeated, text.indexOf(repeated) + 1);
    const next = apply(map, attachClosest('e', { sourceId: 'letter', start: second, end: second + repeated.length, text: repeated, similarity: '' }));
    expect(next.nodes.e!.quote!.start).toBe(second);
    expect(anchorQuote(text, next.nodes.e!.quote!)).toMatchObject({ start: second });
  });

  it('refuses the closest passage once the source’s text has changed, and changes nothing', () => {
    const map = withBareEvidence();
    const offer = { sourceId: 'letter', start: 879, end: 929, text: 'I believe that we have achieved all of these goals', similarity: '' };
    const letter = map.sources.letter!;
    const edited = { ...map, sources: { ...map.sources, letter: { ...letter, text: `Preface. ${letter.text}` } } };
    const r = commit(createHistory(edited), attachClosest('e', offer));
    expect(r).toEqual({ ok: false, reason: 'The source has changed since the closest passage was found: attach the passage again.' });
  });

  it('refuses hostile text as text, an empty passage, no source and a source the map does not have', () => {
    const map = withBareEvidence();
    const node = map.nodes.e!;
    const hostile = planAttach(map.sources, node, 'letter', '<img src=x onerror=alert(1)>');
    expect(hostile).toEqual({ ok: false, reason: 'The passage is not in "Stalin to Klement Gottwald, 27 August 1950", and nothing there comes close. Check that it is from this source.', closest: null });
    expect(planAttach(map.sources, node, 'letter', ' \n ')).toMatchObject({ ok: false, reason: 'There is no passage to look for: paste or type the words to quote.' });
    expect(planAttach(map.sources, node, '', 'words')).toMatchObject({ ok: false, reason: 'Choose the source the passage is from.' });
    expect(planAttach(map.sources, node, 'constructor', 'words')).toMatchObject({ ok: false, reason: 'There is no source "constructor" in this map: choose another.' });
  });
});

describe('the form’s choices', () => {
  it('starts on the quoted source, else the one the reader is looking at, else the first primary source', () => {
    const map = seed();
    const bare: ArgNode = { id: 'x', kind: 'evidence', text: '' };
    expect(Object.keys(map.sources)[0]).toBe('article');
    expect(defaultSourceId(map.sources, map.nodes.E5!, ['letter'])).toBe('cable1949');
    expect(defaultSourceId(map.sources, bare, [null, 'translator-notes', 'letter'])).toBe('translator-notes');
    expect(defaultSourceId(map.sources, bare, ['gone', undefined, 'toString'])).toBe('cable1949');
    expect(defaultSourceId(map.sources, { ...bare, quote: { source: 'gone', exact: 'x' } })).toBe('cable1949');
    expect(defaultSourceId({ article: map.sources.article! }, bare)).toBe('article');
    expect(defaultSourceId({}, bare, ['letter'])).toBe('');
  });

  it('names a source by its title, else its id', () => {
    const map = seed();
    expect(sourceLabel({ ...map.sources.letter!, title: '  ' })).toBe('letter');
    expect(sourceLabel(map.sources.letter!)).toBe('Stalin to Klement Gottwald, 27 August 1950');
  });

  it('opens the form for evidence and offers it on request for every other kind', () => {
    expect(Object.entries(QUOTE_OFFER).filter(([, v]) => v === 'open').map(([k]) => k)).toEqual(['evidence']);
  });

  it('says similarity in percent, never 100 % for a passage that differs', () => {
    expect(similarityLabel(0.9)).toBe('90 % of the words the same');
    expect(similarityLabel(0.999)).toBe('99 % of the words the same');
    expect(similarityLabel(1)).toBe('100 % of the words the same');
  });

  it('keeps plain keys from the map’s shortcuts, not Ctrl/Cmd/Alt ones', () => {
    expect(keepsKey({ ctrlKey: false, metaKey: false, altKey: false })).toBe(true);
    expect(keepsKey({ ctrlKey: true, metaKey: false, altKey: false })).toBe(false);
    expect(keepsKey({ ctrlKey: false, metaKey: true, altKey: false })).toBe(false);
    expect(keepsKey({ ctrlKey: false, metaKey: false, altKey: true })).toBe(false);
  });
});
