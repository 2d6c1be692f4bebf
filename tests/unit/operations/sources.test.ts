import { checkEdtf } from '../../../arguments/dates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { canRedo, canUndo, commit, createHistory, redo, undo, type Operation } from '../../../arguments/history';
import { ID_PATTERN, type ArgumentMap, type Source } from '../../../arguments/model';
import * as ops from '../../../arguments/operations';
import { apply, fixture, refused, roundTrip } from './helpers';

const interview = (extra: Partial<Source> = {}): Source => ({
  id: 'interview',
  title: 'Interview with a former attaché',
  role: 'primary',
  date: '1989-05',
  text: 'We heard nothing of it until September.',
  ...extra,
});

describe('adding a source', () => {
  it('adds it as one undoable step', () => {
    const map = roundTrip(fixture(), ops.addSource(interview()));
    expect(map.sources.interview).toEqual(interview());
  });

  it('keeps no keys set to undefined, so the map equals what reloading it gives', () => {
    const map = apply(fixture(), ops.addSource(interview({ author: undefined })));
    expect(Object.keys(map.sources.interview!)).not.toContain('author');
    const reloaded = loadMap(serializeMap(map));
    expect(reloaded.ok && reloaded.map).toEqual(map);
  });

  it('refuses what the loader would refuse, in words', () => {
    const map = fixture();
    expect(refused(map, ops.addSource(interview({ id: 'letter' })))).toBe('The id "letter" is already in use.');
    expect(refused(map, ops.addSource(interview({ id: 'e' })))).toBe('The id "e" is already in use.');
    expect(refused(map, ops.addSource(interview({ id: 'r1' })))).toBe('The id "r1" is already in use.');
    expect(refused(map, ops.addSource(interview({ id: '1950-letter' })))).toBe(
      'The text "1950-letter" is not a usable id: ids start with a letter and use only letters, digits and _ . : - (at most 128 characters).',
    );
    expect(refused(map, ops.addSource(interview({ date: '1950-13-45' })))).toBe(checkEdtf('1950-13-45'));
    expect(refused(map, ops.addSource(interview({ role: 'boss' as Source['role'] })))).toBe(
      'The text "boss" is not a valid value for "role"; use one of: primary, secondary.',
    );
    expect(refused(map, ops.addSource(interview({ quotes: ['letter', 'memoirs'] })))).toBe('Source "interview" says it quotes "memoirs", which is not a source in this map.');
    expect(refused(map, ops.addSource(interview({ quotes: ['interview'] })))).toBe(
      'Source "interview" lists itself among the sources it quotes; a source can only quote other sources.',
    );
    const { title: _t, ...untitled } = interview();
    expect(refused(map, ops.addSource(untitled as Source))).toBe('"title" is missing.');
  });

  it('refuses a text longer than a source can hold, and one that would make the saved map larger than the loader opens', () => {
    const tooLong = 'Протокол заседания. '.repeat(1_000_000); // 20 M characters
    expect(refused(fixture(), ops.addSource(interview({ text: tooLong })))).toBe(
      "A source's text can be at most 8,388,608 characters long, and this one has 20,000,000. Shorten it, or split it.",
    );
    expect(refused(fixture(), ops.replaceSourceText('letter', tooLong))).toMatch(/^A source's text can be at most 8,388,608 characters long/);
    // Within the length, but three bytes a character in UTF-8: one such source fits in a file, two do not.
    const wide = '会議の記録。'.repeat(1_398_000); // 8,388,000 characters, 25,164,000 bytes
    const withOne = apply(fixture(), ops.addSource(interview({ text: wide })));
    expect(refused(withOne, ops.addSource(interview({ id: 'interview2', text: wide })))).toBe(
      'With this change the map would be 48.0 MB when saved, and Argument Atlas opens maps of up to 32.0 MB. Add the source in parts, or only the parts you quote.',
    );
    expect(refused(withOne, ops.replaceSourceText('letter', wide))).toMatch(/^With this change the map would be 48\.0 MB when saved/);
  });

  it('takes the sources it quotes from the map', () => {
    const map = roundTrip(fixture(), ops.addSource(interview({ role: 'secondary', quotes: ['letter', 'article'] })));
    expect(map.sources.interview?.quotes).toEqual(['letter', 'article']);
  });
});

describe('editing a source', () => {
  it('each field is one step named after it', () => {
    const map = fixture();
    expect(ops.editSource('letter', { title: 'Stalin to Gottwald' }).label).toBe('Edit source title');
    expect(ops.editSource('letter', { date: '1950-08' }).label).toBe('Edit source date');
    expect(ops.editSource('article', { quotes: [] }).label).toBe('Edit source quoted sources');
    expect(ops.editSource('letter', { title: 'x', date: '1950' }).label).toBe('Edit source');
    expect(roundTrip(map, ops.editSource('letter', { title: 'Stalin to Gottwald' })).sources.letter?.title).toBe('Stalin to Gottwald');
    expect(roundTrip(map, ops.editSource('letter', { date: undefined })).sources.letter).not.toHaveProperty('date');
    const cited = roundTrip(map, ops.editSource('letter', { citation: { asGiven: 'RGASPI f. 558', archive: 'RGASPI', fond: '558' } }));
    expect(cited.sources.letter?.citation).toEqual({ asGiven: 'RGASPI f. 558', archive: 'RGASPI', fond: '558' });
    // Fields this version does not know stay.
    expect(cited.sources.letter).toHaveProperty('futureSourceField', true);
  });

  it('refuses what the loader would refuse, and never edits the id or the text', () => {
    const map = fixture();
    expect(refused(map, ops.editSource('memoirs', { title: 'x' }))).toBe('There is no source "memoirs".');
    expect(refused(map, ops.editSource('letter', { date: '1950-13-45' }))).toBe(checkEdtf('1950-13-45'));
    expect(refused(map, ops.editSource('letter', { role: 'boss' as Source['role'] }))).toMatch(/^The text "boss" is not a valid value for "role"/);
    expect(refused(map, ops.editSource('letter', { title: undefined }))).toBe('"title" is missing.');
    expect(refused(map, ops.editSource('article', { quotes: ['letter', 'ghost'] }))).toBe('Source "article" says it quotes "ghost", which is not a source in this map.');
    expect(refused(map, ops.editSource('article', { quotes: ['article'] }))).toMatch(/lists itself among the sources it quotes/);
    expect(refused(map, ops.editSource('article', { quotes: ['e'] }))).toBe('Source "article" says it quotes "e", which is not a source in this map.');
    expect(refused(map, ops.editSource('letter', { id: 'letter2' } as ops.SourceChanges))).toBe(
      'A source\'s id cannot be changed: evidence and other sources refer to it as "letter".',
    );
    expect(refused(map, ops.editSource('letter', { text: 'Corrected.' } as ops.SourceChanges))).toMatch(/^A source's text is kept exactly as it was given and is not edited; to correct the transcription, replace the text/);
  });
});

describe('deleting a source', () => {
  it('is refused while evidence quotes it, naming the evidence', () => {
    expect(refused(fixture(), ops.deleteSource('letter'))).toBe('"A letter" cannot be deleted: it is quoted by evidence "e". Delete or re-anchor that evidence first.');
  });

  it('is refused while nodes quote it, naming them in id order', () => {
    let map = fixture();
    for (const id of ['z9', 'a1', 'm5', 'b2']) map = apply(map, ops.addNode({ id, kind: 'evidence', text: '', quote: { source: 'letter', exact: 'We left' } }));
    expect(ops.quotingNodes(map, 'letter')).toEqual(['a1', 'b2', 'e', 'm5', 'z9']);
    expect(ops.quotingNodes(map, 'article')).toEqual([]);
    expect(refused(map, ops.deleteSource('letter'))).toBe(
      '"A letter" cannot be deleted: 5 nodes are quoted by evidence "a1", evidence "b2", evidence "e" and 2 more. Delete or re-anchor that evidence first.',
    );
    expect(refused(map, ops.deleteSource('memoirs'))).toBe('There is no source "memoirs".');
  });

  it('drops the source from the lists of sources that quote it, undoably', () => {
    const map = roundTrip(apply(fixture(), ops.anchorQuote('e', undefined)), ops.deleteSource('letter'));
    expect(map.sources).not.toHaveProperty('letter');
    expect(map.sources.article?.quotes).toEqual([]);
  });
});

describe('ids that are also names of object properties', () => {
  it('a source or node called "constructor" or "toString" is an ordinary id', () => {
    let map = roundTrip(fixture(), ops.addSource(interview({ id: 'constructor' })));
    map = roundTrip(map, ops.editSource('constructor', { title: 'Renamed' }));
    expect(map.sources.constructor).toMatchObject({ id: 'constructor', title: 'Renamed' });
    map = roundTrip(map, ops.addNode({ id: 'toString', kind: 'evidence', text: '' }));
    map = roundTrip(map, ops.attachQuote('toString', 'constructor', 'nothing of it'));
    expect(ops.quotingNodes(map, 'constructor')).toEqual(['toString']);
    expect(refused(map, ops.deleteSource('constructor'))).toMatch(/quoted by evidence "toString"/);
  });

  it('is not found where it does not exist', () => {
    const map = fixture();
    expect(refused(map, ops.editSource('toString', { title: 'x' }))).toBe('There is no source "toString".');
    expect(refused(map, ops.deleteSource('constructor'))).toBe('There is no source "constructor".');
    expect(refused(map, ops.editNode('constructor', { text: 'x' }))).toBe('There is no node "constructor".');
    expect(refused(map, ops.deleteNodes(['toString']))).toBe('There is no node "toString".');
    expect(refused(map, ops.moveNodes({ constructor: { x: 1, y: 1 } }))).toBe('There is no node "constructor".');
    expect(refused(map, ops.setCollapsed('hasOwnProperty', true))).toBe('There is no node "hasOwnProperty".');
    expect(refused(map, ops.anchorQuote('constructor', undefined))).toBe('There is no node "constructor".');
    expect(refused(map, ops.anchorQuote('e', { source: 'toString', exact: 'x' }))).toBe('Node "e" quotes "toString", which is not a source in this map.');
    expect(refused(map, ops.attachQuote('constructor', 'letter', 'We left'))).toBe('There is no node "constructor".');
    expect(refused(map, ops.attachQuote('e', 'valueOf', 'We left'))).toBe('There is no source "valueOf".');
    expect(refused(map, ops.replaceSourceText('constructor', 'x'))).toBe('There is no source "constructor".');
    expect(refused(map, ops.connect({ id: 'rx', kind: 'supports', from: ['constructor'], to: 't' }))).toBe('Relation "rx" starts from "constructor", which is not a node in this map.');
    expect(refused(map, ops.connect({ id: 'rx', kind: 'supports', from: ['c'], to: 'toString' }))).toBe('Relation "rx" supports "toString", which is not a node in this map.');
    expect(refused(map, ops.connect({ id: 'rx', kind: 'undercuts', from: ['c'], to: 'toString' }))).toMatch(/connect it to an arrow/);
    expect(refused(map, ops.setRelationKind('constructor', 'opposes'))).toBe('There is no relation "constructor".');
    expect(refused(map, ops.disconnect(['toString']))).toBe('There is no relation "toString".');
    expect(refused(map, ops.ungroupPremises('valueOf'))).toBe('There is no relation "valueOf".');
    expect(refused(map, ops.groupPremises(['r2', 'constructor']))).toBe('One of the chosen relations no longer exists.');
  });
});

describe('freshSourceId', () => {
  const map = fixture();

  it('makes a readable id from the title', () => {
    expect(ops.freshSourceId(map, 'Stalin to Klement Gottwald, 27 August 1950')).toBe('stalin-to-klement-gottwald-27-august-1950');
    expect(ops.freshSourceId(map, 'Письмо Сталина Готвальду, 27 августа 1950 г.')).toBe('pismo-stalina-gotvaldu-27-avgusta-1950-g');
    expect(ops.freshSourceId(map, 'Dvořák’s “Słowo” über Straße')).toBe('dvoraks-slowo-uber-strasse');
    expect(ops.freshSourceId(map, '1950 report')).toBe('source-1950-report');
  });

  it('is "source1" when nothing usable is left, and numbers taken ids', () => {
    expect(ops.freshSourceId(map, '毛泽东致斯大林')).toBe('source1');
    expect(ops.freshSourceId(map, '   —   ')).toBe('source1');
    expect(ops.freshSourceId(map, 'Letter')).toBe('letter-2');
    const more = apply(map, ops.addSource(interview({ id: 'letter-2' })));
    expect(ops.freshSourceId(more, 'A letter!'.slice(2))).toBe('letter-3');
    expect(ops.freshSourceId(apply(map, ops.addSource(interview({ id: 'source1' }))), '')).toBe('source2');
  });

  it('trims long titles at a word', () => {
    const id = ops.freshSourceId(map, 'Record of a conversation between comrade Stalin and the delegation of the Czechoslovak Communist Party, Moscow');
    expect(id).toBe('record-of-a-conversation-between-comrade-stalin');
    expect(id.length).toBeLessThanOrEqual(48);
  });

  it('always gives an unused id the loader accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (title) => {
        const id = ops.freshSourceId(map, title);
        expect(id).toMatch(ID_PATTERN);
        expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(map.sources[id] ?? map.nodes[id] ?? map.relations[id]).toBeUndefined();
        expect(commit(createHistory(map), ops.addSource({ id, title, role: 'primary', text: '' })).ok).toBe(true);
      }),
    );
  });
});

// ----- every state reached by the source operations is a map the loader accepts ------------

const word = fc.constantFrom('letter', 'cable', 'Stalin', 'Gottwald', 'withdrawal', 'form', 'from', 'Council', '“camp”', '1950', '', ' ', '\n');
const textArb = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(' '));
const dateArb = fc.constantFrom(undefined, '1950', '1950-08', '1950-08-27', '1950-13-45', 'August 1950', '');
const stepArb = fc.oneof(
  fc.record({ t: fc.constant('add' as const), title: textArb, text: textArb, date: dateArb, role: fc.constantFrom('primary', 'secondary', 'boss'), quotes: fc.array(fc.nat(), { maxLength: 2 }), reuse: fc.boolean() }),
  fc.record({ t: fc.constant('edit' as const), s: fc.nat(), title: fc.option(textArb, { nil: undefined }), date: dateArb, quotes: fc.option(fc.array(fc.nat(), { maxLength: 2 }), { nil: undefined }) }),
  fc.record({ t: fc.constant('delete' as const), s: fc.nat() }),
  fc.record({ t: fc.constant('replace' as const), s: fc.nat(), text: textArb }),
  fc.record({ t: fc.constant('attach' as const), n: fc.nat(), s: fc.nat(), from: fc.nat(), length: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ t: fc.constant('detach' as const), n: fc.nat() }),
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

function toOperation(map: ArgumentMap, step: Step): Operation | null {
  const sources = Object.keys(map.sources);
  const nodes = Object.keys(map.nodes);
  const pick = <T>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
  const quoted = (is: number[]) => is.map((i) => pick([...sources, 'ghost'], i)!);
  switch (step.t) {
    case 'add': {
      const id = step.reuse && sources.length ? sources[0]! : ops.freshSourceId(map, step.title);
      return ops.addSource({ id, title: step.title, role: step.role as Source['role'], text: step.text, ...(step.date !== undefined ? { date: step.date } : {}), ...(step.quotes.length ? { quotes: quoted(step.quotes) } : {}) });
    }
    case 'edit': {
      const id = pick(sources, step.s);
      if (!id) return null;
      return ops.editSource(id, { ...(step.title !== undefined ? { title: step.title } : {}), date: step.date, ...(step.quotes ? { quotes: quoted(step.quotes) } : {}) });
    }
    case 'delete': {
      const id = pick(sources, step.s);
      return id ? ops.deleteSource(id) : null;
    }
    case 'replace': {
      const id = pick(sources, step.s);
      return id ? ops.replaceSourceText(id, step.text) : null;
    }
    case 'attach': {
      const [n, s] = [pick(nodes, step.n), pick(sources, step.s)];
      if (!n || !s) return null;
      const text = map.sources[s]!.text;
      const from = text.length ? step.from % text.length : 0;
      return ops.attachQuote(n, s, text.slice(from, from + step.length));
    }
    case 'detach': {
      const n = pick(nodes, step.n);
      return n ? ops.anchorQuote(n, undefined) : null;
    }
  }
}

describe('random sequences of source operations', () => {
  it('every state saves to a file the loader accepts and reads back the same; undo all gives back the start', () => {
    const start = fixture();
    const done = new Map<Step['t'], number>();
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), (steps) => {
        let h = createHistory(start);
        for (const step of steps) {
          const op = toOperation(h.present, step);
          if (!op) continue;
          const r = commit(h, op);
          if (r.ok) {
            h = r.history;
            done.set(step.t, (done.get(step.t) ?? 0) + 1);
          }
          const reloaded = loadMap(serializeMap(h.present));
          if (!reloaded.ok) throw new Error(`after ${step.t}: ${JSON.stringify(reloaded.errors)}`);
          expect(reloaded.map).toEqual(h.present);
        }
        const end = serializeMap(h.present);
        while (canUndo(h)) h = undo(h);
        expect(serializeMap(h.present)).toBe(serializeMap(start));
        while (canRedo(h)) h = redo(h);
        expect(serializeMap(h.present)).toBe(end);
      }),
      { numRuns: Math.min(300, Number(process.env.FC_RUNS ?? 300)) },
    );
    // The sequences did exercise every operation, not only its refusals.
    expect([...done.keys()].sort()).toEqual(['add', 'attach', 'delete', 'detach', 'edit', 'replace']);
  });
});
