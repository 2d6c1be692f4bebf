// Small maps for the status tests, written as lists: nodes "E1" or ["E1", "evidence", "critic"],
// relations [id, kind, from, to, voice?]. Built in memory (no loader), so cases the loader would
// refuse (a self-attack, a self-undercut) can be checked too.
import type { ArgNode, ArgumentMap, NodeKind, Relation, RelationKind } from '../../../arguments/model';
import type { DialecticalStatus, StatusLabel } from '../../../arguments/analysis/status';

export type NodeSpec = string | [id: string, kind?: NodeKind, voice?: string];
export type RelationSpec = [id: string, kind: RelationKind, from: string | string[], to: string, voice?: string];

export function mapOf(nodes: NodeSpec[], relations: RelationSpec[] = []): ArgumentMap {
  const n: [string, ArgNode][] = nodes.map((spec) => {
    const [id, kind = 'claim', voice] = typeof spec === 'string' ? [spec] : spec;
    return [id, { id, kind, text: `Statement ${id}`, ...(voice ? { voice } : {}) }];
  });
  const r: [string, Relation][] = relations.map(([id, kind, from, to, voice]) => [id, { id, kind, from: typeof from === 'string' ? [from] : from, to, ...(voice ? { voice } : {}) }]);
  const now = '2024-01-01T00:00:00.000Z';
  return {
    meta: { title: 'Test map', authors: [], created: now, modified: now },
    sources: { letter: { id: 'letter', title: 'A letter', role: 'primary', text: 'Dear comrade' } },
    nodes: Object.fromEntries(n),
    relations: Object.fromEntries(r),
    view: { positions: {}, collapsed: [] },
  };
}

/** Every node's label, as a plain record (for toEqual). */
export function labels(status: DialecticalStatus): Record<string, StatusLabel> {
  return Object.fromEntries([...status.nodes].map(([id, s]) => [id, s.label]));
}

export function inferenceLabels(status: DialecticalStatus): Record<string, StatusLabel> {
  return Object.fromEntries([...status.inferences].map(([id, s]) => [id, s.label]));
}

export function reason(status: DialecticalStatus, id: string): string | undefined {
  return (status.nodes.get(id) ?? status.inferences.get(id))?.reason;
}
