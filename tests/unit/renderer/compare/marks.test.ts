// The overlay's marks: for a student's map made from the shipped map by deleting, rewording,
// moving and re-linking nodes, exactly those nodes are marked, each with its own words.
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../../arguments/compare/compare';
import { mergeMaps } from '../../../../arguments/compare/merge';
import { loadMap } from '../../../../arguments/format/load';
import { conflictNodes, conflictSelection, MARK_LABELS, modelMarks, studentMarks } from '../../../../renderer/compare/marks';
import { applyEdits, reword } from '../../compare/edits';

const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!r.ok) throw new Error('the shipped map does not load');
const model = r.map;

describe('modelMarks', () => {
  it('marks the deleted, reworded, moved and re-linked nodes, and every other node matched', () => {
    const { map: student, edits } = applyEdits(model, [
      { type: 'delete', node: 'E1d' },
      { type: 'reword', node: 'O3' },
      { type: 'move', relation: 'r.E2a.C2', to: 'C3' },
      { type: 'relink', relation: 'r.E3b.C3a', kind: 'opposes' },
    ]);
    expect(edits).toHaveLength(4);
    expect(student.nodes.O3!.text).toBe(reword(model.nodes.O3!.text));
    const marks = modelMarks(compare(student, model), model);
    const notMatched = Object.fromEntries([...marks].filter(([, m]) => m !== 'matched'));
    expect(notMatched).toEqual({ E1d: 'missing', O3: 'reworded', E2a: 'misplaced', E3b: 'wrongRelation' });
    expect(marks.size).toBe(Object.keys(model.nodes).length);
  });

  it('gives the same map no mark but matched', () => {
    expect(new Set(modelMarks(compare(model, model), model).values())).toEqual(new Set(['matched']));
  });

  it('has words for every mark', () => {
    for (const label of Object.values(MARK_LABELS)) expect(label.length).toBeGreaterThan(3);
  });
});

describe('studentMarks', () => {
  it('marks the student’s own point as not in the model', () => {
    const student = produce(model, (d) => {
      d.nodes.S1 = { id: 'S1', kind: 'counter', text: 'The letter was meant to be read in Prague too.' };
    });
    const marks = studentMarks(compare(student, model), student);
    expect(marks.get('S1')).toBe('extra');
    expect([...marks].filter(([, m]) => m === 'extra')).toHaveLength(1);
  });
});

describe('conflicts on the canvas', () => {
  const ours = produce(model, (d) => void (d.nodes.T!.text = 'Ours.'));
  const theirs = produce(model, (d) => {
    d.nodes.T!.text = 'Theirs.';
    d.meta.title = 'Their title';
  });
  const ours2 = produce(ours, (d) => void (d.meta.title = 'Our title'));

  it('finds the node and its copy of a both-changed node, and nothing for a field of the map', () => {
    const result = mergeMaps(model, ours2, theirs);
    const node = result.conflicts.find((c) => c.record === 'node')!;
    const meta = result.conflicts.find((c) => c.record === 'meta')!;
    expect(node.copy).toBeDefined();
    expect(conflictNodes(result.conflicts, result.map)).toEqual(new Set(['T', node.copy!]));
    expect(conflictSelection(node, result.map)).toEqual({ nodes: ['T', node.copy!], relations: [] });
    expect(conflictSelection(meta, result.map)).toEqual({ nodes: [], relations: [] });
  });

  it('does not take a field’s name for a node of that id', () => {
    const withTitleNode = produce(ours2, (d) => void (d.nodes.title = { id: 'title', kind: 'note', text: 'A node called title.' }));
    const result = mergeMaps(model, withTitleNode, theirs);
    const meta = result.conflicts.find((c) => c.record === 'meta')!;
    expect(meta.id).toBe('title');
    expect(conflictSelection(meta, result.map).nodes).toEqual([]);
    expect(conflictNodes([meta], result.map).size).toBe(0);
  });
});
