// The evaluation layer's operations: a judge (a voice) gives a node or a relation a verdict, or
// takes it back. One evaluation per node or relation and judge: setting again replaces it.
// Kept apart from the argument (ArgumentMap.evaluations), like the view; each change one undo step.
import { original, type Draft } from 'immer';
import type { SavedEvaluation, Verdict } from '../analysis/evaluation';
import { quote } from '../format/errors';
import { evaluationProblem, judgementKey } from '../format/references';
import { AT, recordProblem } from '../format/rules';
import { schemas } from '../format/schema';
import { savedSizeProblem } from '../format/size';
import type { Operation } from '../history';
import { countProblem } from '../limits';
import type { ArgumentMap, Id } from '../model';
import { describeNode } from './common';

const layer = (map: ArgumentMap): Record<Id, SavedEvaluation> => map.evaluations ?? {};

/** Every evaluation of the map, in id order. */
export function evaluationList(map: ArgumentMap): SavedEvaluation[] {
  const all = layer(map);
  return Object.keys(all).sort().map((id) => all[id]!);
}

/** The evaluations of one node or relation, in id order. */
export function evaluationsOf(map: ArgumentMap, target: Id): SavedEvaluation[] {
  return evaluationList(map).filter((e) => e.target === target);
}

/** The evaluation `by` gave `target`, if any (the first, should a hand-edited file hold two). */
export function evaluationBy(map: ArgumentMap, target: Id, by: string): SavedEvaluation | undefined {
  return evaluationList(map).find((e) => e.target === target && e.by === by);
}

/** An evaluation id not yet used: "ev" and the smallest free number. */
export function freshEvaluationId(map: ArgumentMap): Id {
  const all = layer(map);
  for (let n = 1; ; n++) if (!Object.hasOwn(all, `ev${n}`)) return `ev${n}`;
}

/** A node or relation as a refusal names it. */
function describeTarget(map: ArgumentMap, id: Id): string {
  if (Object.hasOwn(map.relations, id)) return `the relation ${quote(id)}`;
  return describeNode(map, id);
}

/**
 * `by` judges `target`: a statement accept / doubt / reject, evidence (its basis) solid / shaky /
 * none, an inference strong / weak / none. Replaces what `by` said of it before (keeping that
 * evaluation's id). `reason`: why, in the judge's words (empty or absent: none); `at`: when (ISO 8601).
 * Refused in words when the verdict does not fit the target's kind or the target is not in the map.
 */
export function setEvaluation(target: Id, by: string, verdict: Verdict, reason?: string, at?: string): Operation {
  const build = (map: ArgumentMap): { evaluation: SavedEvaluation; replaced: SavedEvaluation[] } => {
    const replaced = evaluationList(map).filter((e) => judgementKey(e) === judgementKey({ target, by }));
    const evaluation: SavedEvaluation = { ...(replaced[0] ?? {}), id: replaced[0]?.id ?? freshEvaluationId(map), target, by, verdict };
    delete evaluation.reason;
    delete evaluation.at;
    if (reason !== undefined && reason !== '') evaluation.reason = reason;
    if (at !== undefined) evaluation.at = at;
    return { evaluation, replaced };
  };
  return {
    label: `Evaluate: ${verdict}`,
    check: (map) => {
      if (typeof by !== 'string' || by.trim() === '') return 'An evaluation needs the voice of who judges (analyst, critic, student, …).';
      const fits = evaluationProblem(map, { target, by, verdict });
      if (fits) return fits;
      const { evaluation, replaced } = build(map);
      const record = recordProblem(schemas().evaluation, evaluation, AT.evaluation);
      if (record) return record;
      if (replaced.length === 0) {
        const tooMany = countProblem('evaluations', Object.keys(layer(map)).length + 1);
        if (tooMany) return tooMany;
      }
      return savedSizeProblem({ ...map, evaluations: { ...layer(map), [evaluation.id]: evaluation } }, 'Shorten the reason.');
    },
    apply: (d) => {
      // Read from the original: walking drafts would create a proxy for every evaluation.
      const { evaluation, replaced } = build(original(d) as ArgumentMap);
      d.evaluations ??= {};
      // A hand-edited file may hold two by the same judge: the new verdict replaces both.
      for (const old of replaced) if (old.id !== evaluation.id) delete d.evaluations[old.id];
      d.evaluations[evaluation.id] = evaluation as Draft<SavedEvaluation>;
    },
  };
}

/** `by` takes back what they said of `target`. */
export function clearEvaluation(target: Id, by: string): Operation {
  return {
    label: 'Clear evaluation',
    check: (map) => {
      const e = evaluationBy(map, target, by);
      if (e) return null;
      const what = Object.hasOwn(map.nodes, target) || Object.hasOwn(map.relations, target) ? describeTarget(map, target) : quote(target);
      return `${quote(by)} has not judged ${what}; there is no evaluation to clear.`;
    },
    apply: (d) => {
      for (const e of evaluationList(original(d) as ArgumentMap)) if (e.target === target && e.by === by) delete d.evaluations![e.id];
    },
  };
}
