// The dialectical status of the open map under the counted voices, computed once per change of
// what it depends on (nodes, relations, evaluations, the counted voices), never per drag frame or
// per card. Entries that did not change keep their object, so a card's selector of its own
// status re-renders that card only when its label, reason or caveats changed.
import { createStore, useStore } from 'zustand';
import { computeStatus, type DialecticalStatus, type ElementStatus } from '../../arguments/analysis/status';
import { voicesInMap, type VoiceCount } from '../../arguments/analysis/voices';
import type { ArgumentMap, Id } from '../../arguments/model';
import { evaluationList } from '../../arguments/operations';
import { editor } from '../store/store';
import { countedVoices, layers } from './layersState';

export interface StatusState {
  status: DialecticalStatus;
  /** The map's voices with their counts, in name order. */
  voices: readonly VoiceCount[];
}

const EMPTY: StatusState = { status: { nodes: new Map(), inferences: new Map(), problems: [] }, voices: [] };
export const statusStore = createStore<StatusState>(() => EMPTY);

const same = (a: ElementStatus, b: ElementStatus) =>
  a.label === b.label &&
  a.reason === b.reason &&
  a.because.length === b.because.length &&
  a.because.every((x, i) => x === b.because[i]) &&
  (a.caveats ?? []).join('\u0000') === (b.caveats ?? []).join('\u0000');

/** The new entries, each replaced by the old object where it is the same. */
function intern(next: Map<Id, ElementStatus>, prev: ReadonlyMap<Id, ElementStatus>): Map<Id, ElementStatus> {
  for (const [id, s] of next) {
    const old = prev.get(id);
    if (old && old !== s && same(old, s)) next.set(id, old);
  }
  return next;
}

let key: { nodes: ArgumentMap['nodes']; relations: ArgumentMap['relations']; evaluations: ArgumentMap['evaluations']; uncounted: readonly string[] } | null = null;
let voiceKey: { nodes: ArgumentMap['nodes']; relations: ArgumentMap['relations'] } | null = null;

/** Recomputes when, and only when, something the status depends on has changed. */
export function refreshStatus(): void {
  const map = editor.getState().history.present;
  const { uncounted } = layers.getState();
  if (key && key.nodes === map.nodes && key.relations === map.relations && key.evaluations === map.evaluations && key.uncounted === uncounted) return;
  const prev = statusStore.getState();
  let voices = prev.voices;
  if (!voiceKey || voiceKey.nodes !== map.nodes || voiceKey.relations !== map.relations) {
    voices = voicesInMap(map);
    voiceKey = { nodes: map.nodes, relations: map.relations };
  }
  key = { nodes: map.nodes, relations: map.relations, evaluations: map.evaluations, uncounted };
  const counted = countedVoices(voices.map((v) => v.voice), uncounted);
  const next = computeStatus(map, evaluationList(map), { voices: counted });
  statusStore.setState({
    status: { nodes: intern(next.nodes, prev.status.nodes), inferences: intern(next.inferences, prev.status.inferences), problems: next.problems },
    voices,
  });
}

refreshStatus();
editor.subscribe(refreshStatus);
layers.subscribe(refreshStatus);

export const useStatus = <T,>(sel: (s: StatusState) => T): T => useStore(statusStore, sel);
/** One node's or inference's status; undefined when it does not count (its voice is left out). */
export const useElementStatus = (id: Id): ElementStatus | undefined => useStore(statusStore, (s) => s.status.nodes.get(id) ?? s.status.inferences.get(id));
