// Evaluations: a judge's verdict on one statement, one piece of evidence or one inference.
// The engine's input, and what the map's evaluation layer keeps (format v2: `evaluations`).
// One table says which verdicts fit which kind of element and what each does to the status;
// the loader, the operations and the status all ask `checkEvaluation` / `evaluationMisfit`.
import type { ArgumentMap, Id } from '../model';

export type StatementVerdict = 'accept' | 'doubt' | 'reject';
/** For evidence: how solid its basis (the quoted passage, read as the node reads it) is. */
export type BasisVerdict = 'solid' | 'shaky' | 'none';
export type InferenceVerdict = 'strong' | 'weak' | 'none';
export type Verdict = StatementVerdict | BasisVerdict | InferenceVerdict;

export interface Evaluation {
  /** A node or a supports / opposes / undercuts relation. */
  target: Id;
  verdict: Verdict;
  /** Who judged: a voice ("analyst", "critic", "student", …). */
  by: string;
  reason?: string;
  /** Its id in the map's evaluation layer; the engine needs none. */
  id?: Id;
  /** When it was given (ISO 8601). */
  at?: string;
}

/** An evaluation as a map keeps it (model.ts: ArgumentMap.evaluations): with its id. */
export type SavedEvaluation = Evaluation & { id: Id };

/** What can be judged: a statement, a piece of evidence, an inference. */
export type JudgedKind = 'statement' | 'evidence' | 'inference';

export const VERDICTS = {
  statement: ['accept', 'doubt', 'reject'],
  evidence: ['solid', 'shaky', 'none'],
  inference: ['strong', 'weak', 'none'],
} as const satisfies Record<JudgedKind, readonly Verdict[]>;

/**
 * grant: the element has a basis by judgement (a statement need not rest on its supports);
 * cap: it can at best be open; remove: a statement falls, an inference is out of play.
 */
export type Effect = 'grant' | 'cap' | 'remove';

export const VERDICT_EFFECTS = {
  accept: 'grant',
  solid: 'grant',
  strong: 'grant',
  doubt: 'cap',
  shaky: 'cap',
  weak: 'cap',
  reject: 'remove',
  none: 'remove',
} as const satisfies Record<Verdict, Effect>;

/** Every verdict word, each once (what the file format accepts). */
export const ALL_VERDICTS = [...new Set(Object.values(VERDICTS).flat())] as [Verdict, ...Verdict[]];

/**
 * The verdict of `kind` with the same effect as `verdict` (accept ↔ solid, doubt ↔ shaky,
 * reject ↔ none): what a judgement becomes when a statement is made evidence or back.
 */
export function sameEffectVerdict(kind: JudgedKind, verdict: Verdict): Verdict {
  return VERDICTS[kind].find((v) => VERDICT_EFFECTS[v] === VERDICT_EFFECTS[verdict])!;
}

/** The most sceptical judgement counts: remove over cap over grant. */
export const EFFECT_WEIGHT = { grant: 0, cap: 1, remove: 2 } as const satisfies Record<Effect, number>;

/** The phrase a reason uses for a verdict, before "by JUDGE". */
export const VERDICT_PHRASES = {
  statement: { accept: 'accepted', doubt: 'doubted', reject: 'rejected' },
  evidence: { solid: 'its basis judged solid', shaky: 'its basis judged shaky', none: 'judged to have no basis' },
  inference: { strong: 'judged strong', weak: 'judged weak', none: 'judged to have no force' },
} as const satisfies { [K in JudgedKind]: Record<(typeof VERDICTS)[K][number], string> };

const KIND_WORDS = { statement: 'a statement', evidence: 'evidence', inference: 'an inference' } as const satisfies Record<JudgedKind, string>;

const orList = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** What kind of judged element an id is in this map, or a sentence saying why it cannot be judged. */
export function judgedKind(map: ArgumentMap, id: Id): JudgedKind | { problem: string } {
  if (Object.hasOwn(map.nodes, id)) return map.nodes[id]!.kind === 'evidence' ? 'evidence' : 'statement';
  if (Object.hasOwn(map.relations, id))
    return map.relations[id]!.kind === 'qualifies'
      ? { problem: `"${id}", which qualifies another statement: a qualification never changes a label, so it cannot be judged` }
      : 'inference';
  if (Object.hasOwn(map.sources, id)) return { problem: `"${id}", which is a source; only nodes and relations can be judged` };
  return { problem: `"${id}", which is neither a node nor a relation of this map` };
}

/**
 * Why an evaluation cannot count in this map, as a sentence without its consequence (the
 * status says "it was ignored", the loader "it is kept", an operation refuses); null when it fits.
 */
export function evaluationMisfit(map: ArgumentMap, e: Evaluation): { kind: JudgedKind; problem: null } | { kind: null; problem: string } {
  const raw = e as Partial<Record<keyof Evaluation, unknown>>;
  const who = typeof raw.by === 'string' && raw.by !== '' ? raw.by : undefined;
  const target = typeof raw.target === 'string' ? raw.target : undefined;
  if (target === undefined) return { kind: null, problem: `An evaluation${who ? ` by ${who}` : ''} names no node or relation` };
  if (who === undefined) return { kind: null, problem: `An evaluation of "${target}" does not say who judged it` };
  const kind = judgedKind(map, target);
  if (typeof kind !== 'string') return { kind: null, problem: `An evaluation by ${who} judges ${kind.problem}` };
  const fits = VERDICTS[kind] as readonly string[];
  if (!fits.includes(raw.verdict as string))
    return {
      kind: null,
      problem: `An evaluation by ${who} says ${JSON.stringify(String(raw.verdict))} of "${target}", which is ${KIND_WORDS[kind]}: ${kind === 'evidence' ? 'evidence is' : kind === 'inference' ? 'an inference is' : 'a statement is'} judged ${orList(fits)}`,
    };
  return { kind, problem: null };
}

/**
 * Checks one evaluation against the map. Returns the kind it judges, or a worded problem
 * (the evaluation is then ignored: it never throws, never changes the map).
 */
export function checkEvaluation(map: ArgumentMap, e: Evaluation): { ok: true; kind: JudgedKind } | { ok: false; problem: string } {
  const m = evaluationMisfit(map, e);
  return m.problem === null ? { ok: true, kind: m.kind } : { ok: false, problem: `${m.problem}; it was ignored.` };
}
