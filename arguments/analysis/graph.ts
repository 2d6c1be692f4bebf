// The status's working form of a map: the statements and inferences that count (under the
// chosen voices), numbered in id order, with their links as compact adjacency arrays and the
// judgement that counts on each. Built once per computation in linear time (plus one sort of ids).
import type { ArgumentMap, Id, NodeKind, Relation, RelationKind } from '../model';
import { checkEvaluation, EFFECT_WEIGHT, VERDICT_EFFECTS, type Effect, type Evaluation, type JudgedKind, type Verdict } from './evaluation';
import { naturalCompare, naturalSort } from './order';
import { voiceCounts, voiceOf, type VoiceFilter } from './voices';

export type InferenceKind = Exclude<RelationKind, 'qualifies'>;

/** Labels while computing: open (undecided) until the propagation decides. */
export const OPEN = 0;
export const IN = 1;
export const OUT = 2;

/** Lists per element, packed: the items of element k are list[start[k]] … list[start[k + 1] - 1]. */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

/** The judgement that counts on one element: the most sceptical, with every evaluation at that level. */
export interface Judgement {
  effect: Effect;
  kind: JudgedKind;
  verdict: Verdict;
  evaluations: Evaluation[];
}

export interface Graph {
  stmtIds: Id[];
  stmtKinds: NodeKind[];
  stmtIndex: Map<Id, number>;
  infIds: Id[];
  infKinds: InferenceKind[];
  infIndex: Map<Id, number>;
  /** inference -> its premises (statements), in id order, without repeats. */
  premises: Adjacency;
  /** statement -> the inferences it is a premise of. */
  uses: Adjacency;
  /** statement -> the supports inferences to it. */
  supports: Adjacency;
  /** statement -> the opposes inferences against it. */
  objections: Adjacency;
  /** inference -> the undercuts inferences against it. */
  undercuts: Adjacency;
  /** inference -> its target: a statement (supports, opposes) or an inference (undercuts); -1 for an undercut of a qualification. */
  target: Int32Array;
  /** statement -> the nodes that qualify it (caveats), in id order. */
  caveats: (Id[] | undefined)[];
  stmtJudgement: (Judgement | undefined)[];
  infJudgement: (Judgement | undefined)[];
  problems: string[];
}

/** Packs (owner, item) pairs, given in the order the lists should keep. */
function pack(owners: number, pairs: number[]): Adjacency {
  const start = new Int32Array(owners + 1);
  for (let k = 0; k < pairs.length; k += 2) start[pairs[k]! + 1]!++;
  for (let k = 0; k < owners; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, owners);
  const list = new Int32Array(pairs.length / 2);
  for (let k = 0; k < pairs.length; k += 2) list[fill[pairs[k]!]!++] = pairs[k + 1]!;
  return { start, list };
}

function structuralProblem(map: ArgumentMap, id: Id): string | undefined {
  const r = map.relations[id]!;
  if (!Array.isArray(r.from) || r.from.length === 0) return `Relation "${id}" has no premises; it was left out of the status.`;
  for (const f of r.from)
    if (!Object.hasOwn(map.nodes, f)) return `Relation "${id}" starts from "${f}", which is not a node of this map; it was left out of the status.`;
  if (r.kind === 'undercuts') {
    if (!Object.hasOwn(map.relations, r.to))
      return `Relation "${id}" undercuts "${r.to}", which is not a relation of this map (was the inference deleted?); it was left out of the status.`;
  } else if (!Object.hasOwn(map.nodes, r.to)) {
    return Object.hasOwn(map.relations, r.to)
      ? `Relation "${id}" ${r.kind} the relation "${r.to}"; only an undercut can bear on a relation; it was left out of the status.`
      : `Relation "${id}" ${r.kind} "${r.to}", which is not a node of this map; it was left out of the status.`;
  }
  return undefined;
}

function allCounted(from: readonly Id[], stmtIndex: Map<Id, number>): boolean {
  for (const f of from) if (!stmtIndex.has(f)) return false;
  return true;
}

export function buildGraph(map: ArgumentMap, evaluations: readonly Evaluation[], voices: VoiceFilter): Graph {
  const problems: string[] = [];
  const stmtIds: Id[] = [];
  for (const id of Object.keys(map.nodes)) if (voiceCounts(voiceOf(map.nodes[id]!), voices)) stmtIds.push(id);
  naturalSort(stmtIds);
  const stmtIndex = new Map<Id, number>();
  for (let k = 0; k < stmtIds.length; k++) stmtIndex.set(stmtIds[k]!, k);

  // Which relations count: sound, in a counted voice, between counted elements. An undercut of
  // a relation that does not count does not count either (it vanishes with what it attacks).
  const relIds = naturalSort(Object.keys(map.relations));
  const rels: Relation[] = new Array(relIds.length);
  const counted = new Uint8Array(relIds.length);
  const undercutsOf = new Map<Id, number[]>();
  const absent: number[] = [];
  for (let k = 0; k < relIds.length; k++) {
    const id = relIds[k]!;
    const r = (rels[k] = map.relations[id]!);
    // Premises and target counted: then they are nodes (or, for an undercut, a relation) of the
    // map, so the relation is sound without the look-ups structuralProblem makes.
    const sound = Array.isArray(r.from) && r.from.length > 0 && allCounted(r.from, stmtIndex) && (r.kind === 'undercuts' ? Object.hasOwn(map.relations, r.to) : stmtIndex.has(r.to));
    const problem = sound ? undefined : structuralProblem(map, id);
    if (problem) problems.push(problem);
    const here = sound && voiceCounts(voiceOf(r), voices);
    if (here) counted[k] = 1;
    else absent.push(k);
    if (!problem && r.kind === 'undercuts') {
      const list = undercutsOf.get(r.to);
      if (list) list.push(k);
      else undercutsOf.set(r.to, [k]);
    }
  }
  for (let a = 0; a < absent.length; a++) {
    const list = undercutsOf.get(relIds[absent[a]!]!);
    if (list) for (const u of list) if (counted[u]) (counted[u] = 0), absent.push(u);
  }

  const infIds: Id[] = [];
  const infRels: Relation[] = [];
  const infKinds: InferenceKind[] = [];
  const infIndex = new Map<Id, number>();
  const caveatLists = new Map<number, Set<Id>>();
  for (let k = 0; k < relIds.length; k++) {
    if (!counted[k]) continue;
    const r = rels[k]!;
    if (r.kind === 'qualifies') {
      const t = stmtIndex.get(r.to)!;
      let set = caveatLists.get(t);
      if (!set) caveatLists.set(t, (set = new Set()));
      for (const f of r.from) set.add(f);
      continue;
    }
    infIndex.set(relIds[k]!, infIds.length);
    infIds.push(relIds[k]!);
    infRels.push(r);
    infKinds.push(r.kind);
  }

  const target = new Int32Array(infIds.length);
  const premisePairs: number[] = [];
  const usePairs: number[] = [];
  const supportPairs: number[] = [];
  const objectionPairs: number[] = [];
  const undercutPairs: number[] = [];
  const prem: number[] = [];
  for (let i = 0; i < infIds.length; i++) {
    const r = infRels[i]!;
    prem.length = 0;
    for (const f of r.from) {
      const p = stmtIndex.get(f)!;
      if (!prem.includes(p)) prem.push(p);
    }
    if (prem.length > 1) prem.sort((a, b) => a - b);
    for (const p of prem) premisePairs.push(i, p);
    if (r.kind === 'undercuts') target[i] = infIndex.get(r.to) ?? -1;
    else {
      const t = stmtIndex.get(r.to)!;
      target[i] = t;
      (r.kind === 'supports' ? supportPairs : objectionPairs).push(t, i);
    }
    if (r.kind === 'undercuts' && target[i]! >= 0) undercutPairs.push(target[i]!, i);
  }
  const premises = pack(infIds.length, premisePairs);
  // Statement -> inferences using it, in inference order: walk inferences in order.
  for (let i = 0; i < infIds.length; i++)
    for (let k = premises.start[i]!; k < premises.start[i + 1]!; k++) usePairs.push(premises.list[k]!, i);

  const stmtKinds: NodeKind[] = new Array(stmtIds.length);
  for (let k = 0; k < stmtIds.length; k++) stmtKinds[k] = map.nodes[stmtIds[k]!]!.kind;
  const caveats: (Id[] | undefined)[] = new Array(stmtIds.length);
  for (const [t, set] of caveatLists) caveats[t] = [...set].sort(naturalCompare);

  const stmtJudgement: (Judgement | undefined)[] = new Array(stmtIds.length);
  const infJudgement: (Judgement | undefined)[] = new Array(infIds.length);
  for (const e of evaluations) {
    const checked = checkEvaluation(map, e);
    if (!checked.ok) {
      problems.push(checked.problem);
      continue;
    }
    if (!voiceCounts(e.by, voices)) continue;
    const isStatement = checked.kind !== 'inference';
    const k = isStatement ? stmtIndex.get(e.target) : infIndex.get(e.target);
    if (k === undefined) continue; // judged element not counted under these voices
    const slot = isStatement ? stmtJudgement : infJudgement;
    const effect = VERDICT_EFFECTS[e.verdict];
    const current = slot[k];
    if (!current || EFFECT_WEIGHT[effect] > EFFECT_WEIGHT[current.effect]) slot[k] = { effect, kind: checked.kind, verdict: e.verdict, evaluations: [e] };
    else if (current.effect === effect) current.evaluations.push(e);
  }

  return {
    stmtIds,
    stmtKinds,
    stmtIndex,
    infIds,
    infKinds,
    infIndex,
    premises,
    uses: pack(stmtIds.length, usePairs),
    supports: pack(stmtIds.length, supportPairs),
    objections: pack(stmtIds.length, objectionPairs),
    undercuts: pack(infIds.length, undercutPairs),
    target,
    caveats,
    stmtJudgement,
    infJudgement,
    problems,
  };
}
