// A merge applied as one operation: the open map becomes the merged one, one undo step brings
// back ours exactly, and a result the loader would refuse changes nothing.
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyMerge } from '../../../arguments/compare/apply';
import { mergeMaps } from '../../../arguments/compare/merge';
import { loadMap } from '../../../arguments/format/load';
import { commit, createHistory, undo } from '../../../arguments/history';

const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!r.ok) throw new Error('the shipped map does not load');
const base = r.map;

describe('applyMerge', () => {
  const ours = produce(base, (d) => {
    d.nodes.T!.text = 'Ours.';
    delete d.evaluations;
  });
  const theirs = produce(base, (d) => {
    d.nodes.T!.text = 'Theirs.';
    d.nodes.X1 = { id: 'X1', kind: 'note', text: 'Their note.' };
    d.view.positions.X1 = { x: 0, y: 0 };
  });

  it('makes the map the merged one in one undo step, and undo gives ours back exactly', () => {
    const result = mergeMaps(base, ours, theirs);
    expect(result.conflicts.map((c) => [c.record, c.id, c.kind])).toEqual([['node', 'T', 'both-changed']]);
    const h = createHistory(ours);
    const done = commit(h, applyMerge(result, 'Merge edits from “theirs”'));
    if (!done.ok) throw new Error(done.reason);
    expect(done.history.present).toEqual(result.map);
    expect(done.history.present.nodes.X1?.text).toBe('Their note.');
    expect(done.history.past).toHaveLength(1);
    expect(done.history.past[0]!.label).toBe('Merge edits from “theirs”');
    expect(undo(done.history).present).toEqual(ours);
  });

  it('takes out the parts the merged map does not have', () => {
    const result = mergeMaps(base, ours, ours);
    const withExtra = produce(ours, (d) => {
      d.unknown = { 'x-extension': 1 };
    });
    const done = commit(createHistory(withExtra), applyMerge(result));
    if (!done.ok) throw new Error(done.reason);
    expect(Object.hasOwn(done.history.present, 'unknown')).toBe(false);
  });

  it('refuses, in the loader’s words, a result the file could not hold, and changes nothing', () => {
    const result = mergeMaps(base, ours, theirs);
    const broken = { ...result, map: produce(result.map, (d) => void (d.relations['r.C1.T']!.to = 'nowhere')) };
    const h = createHistory(ours);
    const done = commit(h, applyMerge(broken));
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.reason).toMatch(/^The merged map would not load: .*nowhere/);
  });
});
