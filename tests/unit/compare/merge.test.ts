// Three-way merge: merge(base, X, base) = X = merge(base, base, X) exactly, for random edits of
// the shipped map; two sides' random edits always give a map the loader opens, and no change of
// either side is lost: each changed field is in the merged map or named by a conflict.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { mergeMaps } from '../../../arguments/compare/merge';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../arguments/model';
import { applyEdits, editsOf } from './edits';

const SHIPPED = new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url);
const r = loadMap(readFileSync(SHIPPED));
if (!r.ok) throw new Error('the shipped map does not load');
const base = r.map;

/** Random edits, plus a moved card and an evaluation sometimes. */
const side = fc.tuple(editsOf(base), fc.option(fc.constantFrom(...Object.keys(base.nodes)), { nil: undefined }), fc.boolean()).map(([edits, moved, judged]) => {
  let m = applyEdits(base, edits).map;
  m = produce(m, (d) => {
    if (moved && Object.hasOwn(d.view.positions, moved)) d.view.positions[moved] = { x: d.view.positions[moved]!.x + 100, y: 7 };
    if (judged && Object.hasOwn(d.nodes, 'C4')) d.evaluations!.evC4 = { id: 'evC4', target: 'C4', by: 'critic', verdict: 'doubt' };
  });
  return m;
});

const opens = (m: ArgumentMap) => {
  const loaded = loadMap(serializeMap(m));
  return loaded.ok ? null : loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
};

describe('mergeMaps', () => {
  it('merge(base, X, base) = X and merge(base, base, X) = X, exactly; merge(base, X, X) = X', () => {
    fc.assert(
      fc.property(side, (x) => {
        const text = serializeMap(x);
        for (const m of [mergeMaps(base, x, base), mergeMaps(base, base, x), mergeMaps(base, x, x)]) {
          expect(serializeMap(m.map)).toBe(text);
          expect(m.conflicts).toEqual([]);
          expect(m.repairs).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('two sides’ edits always merge into a map that opens, and no changed field of either side is lost', () => {
    fc.assert(
      fc.property(side, side, (ours, theirs) => {
        const m = mergeMaps(base, ours, theirs);
        expect(opens(m.map)).toBeNull();
        for (const [name, s] of [['ours', ours], ['theirs', theirs]] as const)
          for (const id of Object.keys(s.nodes)) {
            const was = Object.hasOwn(base.nodes, id) ? base.nodes[id]! : undefined;
            const now = s.nodes[id]!;
            const versions = [id, ...m.conflicts.filter((c) => c.record === 'node' && c.id === id && c.copy).map((c) => c.copy!)].filter((v) => Object.hasOwn(m.map.nodes, v)).map((v) => m.map.nodes[v]!);
            for (const f of ['text', 'kind', 'title', 'voice'] as const)
              if (was?.[f] !== now[f]) expect(versions.some((v) => v[f] === now[f]), `${name} changed ${id}.${f}`).toBe(true);
          }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('keeps a node both sides reworded twice, flagged, with the copy beside it', () => {
    const ours = produce(base, (d) => {
      d.nodes.C1!.text = 'Ours: Stalin wanted the Americans in Korea.';
    });
    const theirs = produce(base, (d) => {
      d.nodes.C1!.text = 'Theirs: Stalin expected, not wanted, the intervention.';
      d.nodes.C1!.title = 'Claim 1 (revised)';
    });
    const m = mergeMaps(base, ours, theirs);
    expect(m.conflicts).toHaveLength(1);
    const c = m.conflicts[0]!;
    expect(c).toMatchObject({ record: 'node', id: 'C1', kind: 'both-changed', fields: ['text'], kept: 'both', copy: 'C1.theirs' });
    expect(c.message).toMatch(/both versions are kept/);
    // Ours under the id, theirs as the copy; the field only theirs changed is in both.
    expect(m.map.nodes.C1).toMatchObject({ text: 'Ours: Stalin wanted the Americans in Korea.', title: 'Claim 1 (revised)' });
    expect(m.map.nodes['C1.theirs']).toMatchObject({ id: 'C1.theirs', text: 'Theirs: Stalin expected, not wanted, the intervention.', title: 'Claim 1 (revised)' });
    expect(m.map.view.positions['C1.theirs']).toEqual({ x: base.view.positions.C1!.x + 40, y: base.view.positions.C1!.y + 40 });
    expect(opens(m.map)).toBeNull();
  });

  it('keeps what one side deleted and the other changed, and mends relations to what one side deleted', () => {
    const ours = produce(base, (d) => {
      delete d.nodes.O7;
      delete d.relations['r.O7'];
      delete d.view.positions.O7;
    });
    const theirs = produce(base, (d) => {
      d.nodes.O7!.text = 'A sharper objection.';
      d.nodes.N1 = { id: 'N1', kind: 'note', text: 'On the letter.' };
      d.relations['r.N1'] = { id: 'r.N1', kind: 'qualifies', from: ['N1'], to: 'P3a' };
    });
    const ours2 = produce(ours, (d) => {
      delete d.nodes.P3a;
      delete d.relations['r.P3a.C3'];
      delete d.relations['r.E3a.P3a'];
      delete d.relations['r.O4'];
    });
    const m = mergeMaps(base, ours2, theirs);
    expect(m.map.nodes.O7!.text).toBe('A sharper objection.');
    expect(m.conflicts.map((c) => [c.record, c.id, c.kind, c.kept])).toEqual([['node', 'O7', 'changed-and-deleted', 'theirs']]);
    // Theirs' note qualified a premise ours deleted: the relation goes, reported; the note stays.
    expect(Object.hasOwn(m.map.relations, 'r.N1')).toBe(false);
    expect(m.repairs.map((x) => [x.code, x.id])).toEqual([['dangling-reference', 'r.N1']]);
    expect(Object.hasOwn(m.map.nodes, 'N1')).toBe(true);
    expect(opens(m.map)).toBeNull();
  });

  it('flags a position and the title changed both ways, keeping ours and theirs in the conflict; takes the later save time', () => {
    const ours = produce(base, (d) => {
      d.view.positions.T = { x: 1, y: 2 };
      d.meta.title = 'Ours';
      d.meta.modified = '2030-01-01T00:00:00.000Z';
    });
    const theirs = produce(base, (d) => {
      d.view.positions.T = { x: 3, y: 4 };
      d.meta.title = 'Theirs';
      d.meta.modified = '2031-01-01T00:00:00.000Z';
    });
    const m = mergeMaps(base, ours, theirs);
    expect(m.map.view.positions.T).toEqual({ x: 1, y: 2 });
    expect(m.map.meta).toMatchObject({ title: 'Ours', modified: '2031-01-01T00:00:00.000Z' });
    expect(m.conflicts.map((c) => [c.record, c.id, c.kept, c.theirs])).toEqual([
      ['position', 'T', 'ours', { x: 3, y: 4 }],
      ['meta', 'title', 'ours', 'Theirs'],
    ]);
  });

  it('merges a thread’s messages from both sides, and renames a relation whose id the other side gave a node', () => {
    const thread = { id: 'th1', target: 'C2', resolved: false, messages: [{ id: 'm1', author: 'a', at: '2024-01-01T00:00:00.000Z', text: 'First.' }] };
    const b = produce(base, (d) => {
      d.comments!.th1 = thread;
    });
    const ours = produce(b, (d) => {
      d.comments!.th1!.messages.push({ id: 'm2', author: 'b', at: '2024-01-02T00:00:00.000Z', text: 'Ours.' });
      d.nodes.X = { id: 'X', kind: 'note', text: 'A note.' };
    });
    const theirs = produce(b, (d) => {
      d.comments!.th1!.messages.push({ id: 'm3', author: 'c', at: '2024-01-03T00:00:00.000Z', text: 'Theirs.' });
      d.relations.X = { id: 'X', kind: 'supports', from: ['E0a'], to: 'C2' };
    });
    const m = mergeMaps(b, ours, theirs);
    expect(m.map.comments!.th1!.messages.map((x) => x.id)).toEqual(['m1', 'm2', 'm3']);
    expect(m.conflicts).toEqual([]);
    expect(m.map.nodes.X!.kind).toBe('note');
    expect(m.map.relations['X.2']).toMatchObject({ from: ['E0a'], to: 'C2' });
    expect(m.repairs.map((x) => x.code)).toEqual(['duplicate-id']);
    expect(opens(m.map)).toBeNull();
  });
});
