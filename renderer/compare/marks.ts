// What the comparison overlay says of each of the model's nodes, and of each of the student's in
// the side-by-side view: one mark per node, from the comparison (arguments/compare/compare.ts)
// or a merge's conflicts. Each mark has its words (shown on the card, read by screen readers) and
// its own outline style in compare.css: never colour alone. No DOM here: unit tests run it.
import type { Comparison } from '../../arguments/compare/compare';
import type { MergeConflict } from '../../arguments/compare/merge';
import type { ArgumentMap, Id } from '../../arguments/model';

/** Worst first: a node gets the first mark that applies to it. */
export const MODEL_MARKS = ['missing', 'misplaced', 'wrongRelation', 'kindChanged', 'reworded', 'matched'] as const;
export type ModelMark = (typeof MODEL_MARKS)[number];
export const STUDENT_MARKS = ['extra', 'shared'] as const;
export type StudentMark = (typeof STUDENT_MARKS)[number];
export type CompareMark = ModelMark | StudentMark | 'conflict';

export const MARK_LABELS = {
  missing: 'Missing from the student’s map',
  misplaced: 'Placed under another point',
  wrongRelation: 'Connected by another relation',
  kindChanged: 'Matched as another kind',
  reworded: 'Matched, in other words',
  matched: 'Matched',
  extra: 'Not in the model',
  shared: 'In the model',
  conflict: 'Merge conflict',
} as const satisfies Record<CompareMark, string>;

/** The model's nodes (the open map) marked by the comparison. */
export function modelMarks(c: Comparison, instructor: ArgumentMap): Map<Id, ModelMark> {
  const found: Record<ModelMark, Set<Id>> = {
    missing: new Set(c.missing),
    misplaced: new Set(c.misplaced.map((m) => m.id)),
    // The premise whose arrow the student draws otherwise.
    wrongRelation: new Set(c.wrongRelation.map((w) => w.from)),
    kindChanged: new Set(c.kindChanged.map((k) => k.id)),
    reworded: new Set(c.reworded.map((r) => r.id)),
    matched: new Set(c.matches.map((m) => m.id)),
  };
  const marks = new Map<Id, ModelMark>();
  for (const id of Object.keys(instructor.nodes)) {
    const mark = MODEL_MARKS.find((k) => found[k].has(id));
    if (mark) marks.set(id, mark);
  }
  return marks;
}

/** The student's nodes: the model's (matched) or their own. */
export function studentMarks(c: Comparison, student: ArgumentMap): Map<Id, StudentMark> {
  const matched = new Set(c.matches.map((m) => m.studentId));
  return new Map(Object.keys(student.nodes).map((id) => [id, matched.has(id) ? 'shared' : 'extra'] as const));
}

/** The nodes a merge's conflicts are about (ours and theirs kept as a copy), to find them on the canvas. */
export function conflictNodes(conflicts: readonly MergeConflict[], merged: ArgumentMap): Set<Id> {
  const out = new Set<Id>();
  for (const c of conflicts) {
    for (const id of [c.id, c.copy]) {
      if (id === undefined) continue;
      if ((c.record === 'node' || c.record === 'position') && Object.hasOwn(merged.nodes, id)) out.add(id);
      if (c.record === 'relation' && Object.hasOwn(merged.relations, id)) for (const end of [...merged.relations[id]!.from, merged.relations[id]!.to]) if (Object.hasOwn(merged.nodes, end)) out.add(end);
    }
  }
  return out;
}

/** What a conflict selects: its records (ours and the copy) that are in the map. */
export function conflictSelection(conflict: MergeConflict, map: ArgumentMap): { nodes: Id[]; relations: Id[] } {
  // A field's conflict (the map's title) names the field, not a record.
  const ids = conflict.record === 'node' || conflict.record === 'position' || conflict.record === 'relation' ? [conflict.id, conflict.copy].filter((id): id is Id => id !== undefined) : [];
  return { nodes: ids.filter((id) => Object.hasOwn(map.nodes, id)), relations: ids.filter((id) => Object.hasOwn(map.relations, id)) };
}
