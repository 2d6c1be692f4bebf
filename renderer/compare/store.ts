// The comparison's and the merge's state, apart from the code that computes them (compareState.ts)
// so that the cards' marks (CompareMark.tsx) cost the first frame nothing but this store.
import { createStore, useStore } from 'zustand';
import type { Comparison } from '../../arguments/compare/compare';
import type { Feedback } from '../../arguments/compare/feedback';
import type { MergeConflict, MergeRepair } from '../../arguments/compare/merge';
import type { ArgumentMap, Id } from '../../arguments/model';
import type { ModelMark, StudentMark } from './marks';

export interface CompareSession {
  studentName: string;
  student: ArgumentMap;
  comparison: Comparison;
  feedback: Feedback;
  model: ReadonlyMap<Id, ModelMark>;
  studentMarks: ReadonlyMap<Id, StudentMark>;
  /** The instructor's node → the student's, and back. */
  toStudent: ReadonlyMap<Id, Id>;
  toModel: ReadonlyMap<Id, Id>;
  /** The parts of the open map compared: a change of them (not a move) compares again. */
  basis: Pick<ArgumentMap, 'nodes' | 'relations' | 'sources'>;
}

export interface MergeOutcome {
  /** The other edited file's name. */
  theirsName: string;
  conflicts: MergeConflict[];
  repairs: MergeRepair[];
  /** The open map's nodes the conflicts are about (ours and theirs' copy). */
  nodes: ReadonlySet<Id>;
}

interface CompareState {
  session: CompareSession | null;
  sideBySide: boolean;
  /** The student's nodes selected in the side-by-side view (to bring). */
  studentSelection: readonly Id[];
  merge: MergeOutcome | null;
  /** File > Merge Edits from…'s dialog. */
  mergeDialog: boolean;
}

export const compareStore = createStore<CompareState>(() => ({ session: null, sideBySide: false, studentSelection: [], merge: null, mergeDialog: false }));
export const useCompare = <T,>(selector: (s: CompareState) => T): T => useStore(compareStore, selector);

