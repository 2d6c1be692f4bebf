// The reference rules of a map: what a relation, a quote, a source's list of quoted sources, an
// evaluation and a comment thread may point at. One module, called by the loader
// (restore.ts: checkReferences and restore) and by the operations, so the editor can never make
// a map the loader refuses, and the loader never refuses what the editor made. Every lookup is by
// own property (ids such as "constructor" and "toString" are legal; "__proto__" is not an id).
import { evaluationMisfit, type Evaluation } from '../analysis/evaluation';
import type { ArgumentMap, ArgNode, CommentThread, Id, Relation } from '../model';
import { quote, type PathSegment } from './errors';

/** What the rules look ids up in: a map's records (the loader builds them from the file's lists). */
export type Records = Pick<ArgumentMap, 'nodes' | 'relations' | 'sources'>;

export interface RuleProblem {
  code: 'invalid' | 'dangling-reference' | 'duplicate-relation';
  /** Where in the record: ["to"], ["from", 1], [] for the whole record. */
  at: PathSegment[];
  message: string;
}

const has = (record: object, id: Id): boolean => Object.hasOwn(record, id);

// ----- relations ------------------------------------------------------------------------------

type RelationShape = Pick<Relation, 'id' | 'kind' | 'from' | 'to'>;

const nameOf = (r: RelationShape): string => quote(r.id);

/**
 * What is wrong with where a relation starts and ends, in the order the record reads: premises
 * that are not nodes or are listed twice, a target of the wrong sort (an undercut attacks a
 * relation, every other kind a node), a relation onto itself. Duplicates: `repeatedRelation`.
 */
export function relationProblems(records: Records, r: RelationShape): RuleProblem[] {
  const out: RuleProblem[] = [];
  // Ids are quoted only in a problem: most relations have none, and quoting every id is measurable at 10,000.
  if (r.from.length === 0) out.push({ code: 'invalid', at: ['from'], message: `Relation ${nameOf(r)} has no premise; a relation needs at least one.` });
  // Most relations have one premise: no set of them is needed to find one listed twice.
  const seen = r.from.length > 1 ? new Set<Id>() : null;
  for (let j = 0; j < r.from.length; j++) {
    const f = r.from[j]!;
    if (!has(records.nodes, f)) out.push({ code: 'dangling-reference', at: ['from', j], message: `Relation ${nameOf(r)} starts from ${quote(f)}, which is not a node in this map.` });
    else if (seen?.has(f)) out.push({ code: 'invalid', at: ['from', j], message: `Relation ${nameOf(r)} lists the same premise ${quote(f)} twice.` });
    seen?.add(f);
  }
  if (r.kind === 'undercuts') {
    if (r.to === r.id) out.push({ code: 'invalid', at: ['to'], message: `Relation ${nameOf(r)} undercuts itself.` });
    else if (!has(records.relations, r.to))
      out.push({
        code: 'dangling-reference',
        at: ['to'],
        message: has(records.nodes, r.to)
          ? `Relation ${nameOf(r)} undercuts ${quote(r.to)}, which is a node: an undercut attacks an inference, so connect it to an arrow (a relation), not to a node.`
          : `Relation ${nameOf(r)} undercuts ${quote(r.to)}, but there is no relation with that id in this map: an undercut attacks an inference, so connect it to an arrow.`,
      });
  } else if (!has(records.nodes, r.to)) {
    out.push({
      code: 'dangling-reference',
      at: ['to'],
      message: has(records.relations, r.to)
        ? `Relation ${nameOf(r)} ${r.kind} ${quote(r.to)}, which is an arrow: only an undercut can target an arrow; ${r.kind} needs a node.`
        : `Relation ${nameOf(r)} ${r.kind} ${quote(r.to)}, which is not a node in this map.`,
    });
  } else if (r.from.includes(r.to)) {
    out.push({ code: 'invalid', at: [], message: `Relation ${nameOf(r)} connects node ${quote(r.to)} to itself: a node cannot support or attack itself.` });
  }
  return out;
}

/** Two relations are the same when they have the same kind, the same target and the same set of premises. */
export function relationKey(r: Pick<Relation, 'kind' | 'from' | 'to'>): string {
  // Ids hold no line breaks (model.ts: ID_PATTERN).
  const premises = r.from.length === 1 ? r.from[0]! : [...new Set(r.from)].sort().join('\n');
  return `${r.kind}\n${r.to}\n${premises}`;
}

export function repeatedRelationProblem(r: RelationShape, same: Id): RuleProblem {
  return {
    code: 'duplicate-relation',
    at: [],
    message: `Relation ${quote(r.id)} repeats relation ${quote(same)}: both ${r.kind} ${quote(r.to)} from the same premises. Remove one of them.`,
  };
}

/** The relation of `relations` (other than `r` itself and those in `ignore`) that `r` would repeat. */
export function repeatedRelation(relations: Readonly<Record<Id, Relation>>, r: RelationShape, ignore: ReadonlySet<Id> = new Set()): Relation | undefined {
  const key = relationKey(r);
  for (const id of Object.keys(relations)) {
    if (id === r.id || ignore.has(id)) continue;
    const o = relations[id]!;
    if (o.kind === r.kind && o.to === r.to && relationKey(o) === key) return o;
  }
  return undefined;
}

/** The first reason `r` cannot stand in `records` (its references, then whether it repeats another), or null. */
export function relationProblem(records: Records, r: RelationShape, ignore?: ReadonlySet<Id>): string | null {
  const first = relationProblems(records, r)[0];
  if (first) return first.message;
  const same = repeatedRelation(records.relations, r, ignore);
  return same ? repeatedRelationProblem(r, same.id).message : null;
}

// ----- quotes ---------------------------------------------------------------------------------

/** A node's quote must name a source of the map. */
export function quoteProblem(records: Records, node: Pick<ArgNode, 'id' | 'quote'>): RuleProblem | null {
  if (!node.quote || has(records.sources, node.quote.source)) return null;
  return { code: 'dangling-reference', at: ['quote', 'source'], message: `Node ${quote(node.id)} quotes ${quote(node.quote.source)}, which is not a source in this map.` };
}

/** The sources a source says it quotes must be other sources of the same map. */
export function quotedSourceProblems(records: Records, source: { id: Id; quotes?: readonly Id[] }): RuleProblem[] {
  const out: RuleProblem[] = [];
  source.quotes?.forEach((q, index) => {
    if (q === source.id) out.push({ code: 'invalid', at: ['quotes', index], message: `Source ${quote(source.id)} lists itself among the sources it quotes; a source can only quote other sources.` });
    else if (!has(records.sources, q)) out.push({ code: 'dangling-reference', at: ['quotes', index], message: `Source ${quote(source.id)} says it quotes ${quote(q)}, which is not a source in this map.` });
  });
  return out;
}

// ----- evaluations and comment threads (format v2) -------------------------------------------
// A hand-edited file may judge or discuss what is not in the map, or give a verdict that does
// not fit: the loader keeps such records (nothing is lost) and warns; the status ignores the
// evaluation and says so; the operations refuse to make one.

/** Why this evaluation does not fit its target (analysis/evaluation.ts decides), or null. */
export function evaluationProblem(map: ArgumentMap, e: Evaluation): string | null {
  const misfit = evaluationMisfit(map, e);
  return misfit.problem === null ? null : `${misfit.problem}.`;
}

/** The one evaluation rule of identity: a judge gives one verdict on a node or relation. */
export const judgementKey = (e: Pick<Evaluation, 'target' | 'by'>): string => `${e.target}\n${e.by}`;

/** A thread must be on a node or a relation of the map, unless it is marked as detached from a deleted one. */
export function threadTargetProblem(records: Records, thread: Pick<CommentThread, 'id' | 'target' | 'detached'>): string | null {
  if (thread.detached || has(records.nodes, thread.target) || has(records.relations, thread.target)) return null;
  return `Comment thread ${quote(thread.id)} is on ${quote(thread.target)}, which is not a node or relation in this map.`;
}

/** Warnings of the layers of a loaded map: evaluations and threads that do not fit, each kept. */
export function layerWarnings(map: ArgumentMap, evaluations: readonly Evaluation[], threads: readonly CommentThread[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  const judged = new Map<string, number>();
  const isElement = (id: Id) => has(map.nodes, id) || has(map.relations, id);
  evaluations.forEach((e, i) => {
    const problem = evaluationProblem(map, e);
    if (problem)
      out.push({ code: isElement(e.target) ? 'invalid' : 'dangling-reference', at: ['evaluations', i], message: `${problem} It is kept in the file, but does not count in the status.` });
    const key = judgementKey(e);
    const first = judged.get(key);
    if (first === undefined) judged.set(key, i);
    else
      out.push({
        code: 'invalid',
        at: ['evaluations', i],
        message: `${quote(e.by)} judges ${quote(e.target)} a second time (also at evaluations[${first}]); both are kept, the more sceptical counts, and the next verdict set replaces both.`,
      });
  });
  threads.forEach((t, i) => {
    const problem = threadTargetProblem(map, t);
    if (problem) out.push({ code: 'dangling-reference', at: ['comments', i, 'target'], message: `${problem} The thread is kept and listed with the comments on deleted items.` });
  });
  return out;
}
