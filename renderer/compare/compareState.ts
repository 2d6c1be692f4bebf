// The comparison of the open map (the instructor's model) with a student's map, and a merge's
// conflicts: what the overlay, the feedback panel and the side-by-side view show. The student's
// map is held here, never made the document: opening it, comparing and closing change nothing
// of the open map (not even its dirty state). Bringing nodes and merging are the only writes,
// each one undo step through the store's one write path (so a read-only window refuses them).
// No DOM here: the platform is the file layer's (fileCommands.host), so Node tests run it.
import { applyMerge } from '../../arguments/compare/apply';
import { bringNodes, matchingOf, planBring } from '../../arguments/compare/bring';
import { compare } from '../../arguments/compare/compare';
import { feedback, nodeName } from '../../arguments/compare/feedback';
import { mergeMaps } from '../../arguments/compare/merge';
import { describeIssue } from '../../arguments/format/errors';
import { loadMap } from '../../arguments/format/load';
import type { ArgumentMap, Id } from '../../arguments/model';
import { documentKindOf, host } from '../files/fileCommands';
import type { OpenedFile } from '../platform/types';
import { editor, getMap, isReadOnly, notify, READ_ONLY_REASON, run, select } from '../store/store';
import { conflictNodes, modelMarks, studentMarks } from './marks';
import { compareStore, type CompareSession, type MergeOutcome } from './store';

export { compareStore, useCompare, type CompareSession, type MergeOutcome } from './store';

/** A file read to be compared or merged: a map, or the loader's (or the document check's) words why not. */
export type ReadMap = { ok: true; name: string; map: ArgumentMap } | { ok: false; title: string; lines: string[] };

export function readMapFile(file: OpenedFile): ReadMap {
  const result = loadMap(file.bytes);
  if (result.ok) return { ok: true, name: file.name, map: result.map };
  const kind = documentKindOf(file.name, file.bytes);
  if (kind !== null) return { ok: false, title: `“${file.name}” is not a map`, lines: ['Choose an argument map (.argmap.json) to compare or merge; a document can be added as a source instead.'] };
  return { ok: false, title: `Could not read “${file.name}”; nothing was changed`, lines: result.errors.map(describeIssue) };
}

/** Asks the platform for a map file; null when cancelled or refused (the refusal is shown). */
export async function chooseMapFile(): Promise<ReadMap | null> {
  let file: OpenedFile | null;
  try {
    file = await host().openFile();
  } catch (err) {
    return { ok: false, title: 'Could not open the file', lines: [err instanceof Error && err.message ? err.message : 'The file could not be read.'] };
  }
  return file ? readMapFile(file) : null;
}

function session(studentName: string, student: ArgumentMap, model: ArgumentMap): CompareSession {
  const comparison = compare(student, model);
  return {
    studentName,
    student,
    comparison,
    feedback: feedback(comparison, student, model, 'instructor'),
    model: modelMarks(comparison, model),
    studentMarks: studentMarks(comparison, student),
    toStudent: new Map(comparison.matches.map((m) => [m.id, m.studentId])),
    toModel: new Map(comparison.matches.map((m) => [m.studentId, m.id])),
    basis: { nodes: model.nodes, relations: model.relations, sources: model.sources },
  };
}

/** Compares `student` with the open map and shows the overlay (the open document is untouched). */
export function showComparison(studentName: string, student: ArgumentMap): void {
  compareStore.setState({ session: session(studentName, student, getMap()), studentSelection: [] });
}

/** File > Compare with a Student's Map…: the student's file through the platform, never opened as the document. */
export async function compareWithStudentMap(): Promise<boolean> {
  const read = await chooseMapFile();
  if (!read) return false;
  if (!read.ok) {
    notify({ kind: 'error', title: read.title, lines: read.lines });
    return false;
  }
  showComparison(read.name, read.map);
  return true;
}

export function closeComparison(): void {
  compareStore.setState({ session: null, sideBySide: false, studentSelection: [] });
}

export function setSideBySide(on: boolean): void {
  compareStore.setState({ sideBySide: on });
}

/** Selecting in the student's map selects the model's counterparts on the canvas. */
export function selectStudentNodes(ids: readonly Id[]): void {
  const s = compareStore.getState().session;
  if (!s) return;
  compareStore.setState({ studentSelection: ids.filter((id) => Object.hasOwn(s.student.nodes, id)) });
  const partners = ids.flatMap((id) => (s.toModel.has(id) ? [s.toModel.get(id)!] : []));
  if (partners.length > 0) showNodes(partners);
}

/** The student's nodes matched with the open map's selection (highlighted in the side-by-side view). */
export function partnersOfSelection(s: CompareSession, selected: readonly Id[]): Set<Id> {
  return new Set(selected.flatMap((id) => (s.toStudent.has(id) ? [s.toStudent.get(id)!] : [])));
}

/** Frames nodes on the canvas (as a presentation's step does) and selects them. */
export function showNodes(nodes: readonly Id[], relations: readonly Id[] = []): void {
  const map = getMap();
  const here = nodes.filter((id) => Object.hasOwn(map.nodes, id));
  select({ nodes: here, relations: relations.filter((id) => Object.hasOwn(map.relations, id)) });
  if (here.length > 0) editor.setState((s) => ({ fitRequest: s.fitRequest + 1, fitMode: 'all', fitNodes: here }));
}

/** "Bring into this map": the student's chosen nodes with their relations, one undo step. */
export function bringIntoMap(ids: readonly Id[] = compareStore.getState().studentSelection): boolean {
  const s = compareStore.getState().session;
  if (!s || ids.length === 0) return false;
  if (isReadOnly()) {
    notify({ kind: 'info', title: 'Read-only', lines: [READ_ONLY_REASON] });
    return false;
  }
  const plan = planBring(getMap(), s.student, ids, matchingOf(s.comparison));
  if (!run(bringNodes(plan))) return false;
  const brought = plan.fragment.nodes.map((n) => n.id);
  refreshComparison();
  showNodes(brought, plan.fragment.relations.map((r) => r.id));
  if (plan.left.length > 0)
    notify({ kind: 'info', title: `Brought ${brought.length === 1 ? 'one node' : `${brought.length} nodes`}; some connections stay behind`, lines: plan.left.map((l) => `${nodeNameOfRelation(s.student, l.id)}: ${l.reason}`) });
  return true;
}

function nodeNameOfRelation(map: ArgumentMap, id: Id): string {
  if (!Object.hasOwn(map.relations, id)) return id;
  const r = map.relations[id]!;
  return `“${nodeName(map, r.from[0]!)}” ${r.kind} “${nodeName(map, r.to)}”`;
}

/**
 * File > Merge Edits from…: `base` (the version both started from) and `theirs` (the other
 * edited file) merged with the open map (ours) as one undo step; conflicts kept and listed.
 */
export function mergeIntoMap(base: ArgumentMap, theirs: ArgumentMap, theirsName: string): MergeOutcome | null {
  if (isReadOnly()) {
    notify({ kind: 'info', title: 'Read-only', lines: [READ_ONLY_REASON] });
    return null;
  }
  const result = mergeMaps(base, getMap(), theirs);
  if (!run(applyMerge(result, `Merge edits from “${theirsName}”`))) return null;
  const outcome: MergeOutcome = { theirsName, conflicts: result.conflicts, repairs: result.repairs, nodes: conflictNodes(result.conflicts, getMap()) };
  compareStore.setState({ merge: outcome });
  refreshComparison();
  return outcome;
}

/** File > Merge Edits from…: refused at once in a read-only window (nothing to choose files for). */
export function openMergeDialog(): boolean {
  if (isReadOnly()) {
    notify({ kind: 'info', title: 'Read-only', lines: [READ_ONLY_REASON] });
    return false;
  }
  compareStore.setState({ mergeDialog: true });
  return true;
}

export function closeMergeDialog(): void {
  compareStore.setState({ mergeDialog: false });
}

export function closeMergeConflicts(): void {
  compareStore.setState({ merge: null });
}

/** Compares again when the open map's argument changed (an edit, a bring, an undo; a move does not). */
export function refreshComparison(): void {
  const s = compareStore.getState().session;
  const map = getMap();
  if (!s || editor.getState().presentation !== null) return;
  if (s.basis.nodes === map.nodes && s.basis.relations === map.relations && s.basis.sources === map.sources) return;
  compareStore.setState({ session: session(s.studentName, s.student, map) });
}

// Edits compare again once they pause: a comparison of 1,000-node maps takes ~0.5 s, so it must
// not run per edit (a run of undos, a paste of many nodes) while the instructor works.
const REFRESH_DELAY_MS = 200;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
editor.subscribe((now, before) => {
  if (now.history.present === before.history.present || !compareStore.getState().session) return;
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refreshComparison();
  }, REFRESH_DELAY_MS);
});
