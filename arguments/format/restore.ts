// File shape (arrays) <-> model shape (records keyed by id), and the checks a schema cannot
// express: unique ids, and the reference rules of references.ts (the operations' rules too).
import type { SavedEvaluation } from '../analysis/evaluation';
import type { ArgNode, ArgumentMap, CommentThread, Id, Relation, Source } from '../model';
import { issue, quote, type LoadIssue, type PathSegment } from './errors';
import { layerWarnings, quoteProblem, quotedSourceProblems, relationKey, relationProblems, repeatedRelationProblem, type Records, type RuleProblem } from './references';
import { CURRENT_VERSION, FORMAT_NAME, type MapFile } from './schema';

const MAX_WARNINGS = 20;
const ENVELOPE_KEYS = new Set(['format', 'version', 'meta', 'sources', 'nodes', 'relations', 'evaluations', 'comments', 'view']);

/** The file's nodes, relations and sources keyed by id: built once, for the checks and for the map. */
export function recordsOf(file: MapFile): Records {
  return { nodes: byId(file.nodes as ArgNode[]), relations: byId(file.relations as Relation[]), sources: byId(file.sources as Source[]) };
}

type Collection = 'sources' | 'nodes' | 'relations';

/** Checks ids and references in a schema-valid file. Returns problems; an empty list means it can be restored. */
export function checkReferences(file: MapFile, records: Records = recordsOf(file)): LoadIssue[] {
  const problems: LoadIssue[] = [];
  if (!idsUnique(file, records)) problems.push(...duplicateIds(file));
  // Evaluations, threads and the messages of a thread have ids of their own, apart from the argument's.
  const unique = (ids: readonly Id[], what: string, path: (i: number) => string) => {
    const first = new Map<Id, number>();
    ids.forEach((id, i) => {
      const at = first.get(id);
      if (at !== undefined) problems.push(issue('duplicate-id', path(i), `The id ${quote(id)} is used twice (also at ${path(at)}); every ${what} needs its own id.`));
      else first.set(id, i);
    });
  };
  unique(file.evaluations.map((e) => e.id), 'evaluation', (i) => `evaluations[${i}].id`);
  unique(file.comments.map((t) => t.id), 'comment thread', (i) => `comments[${i}].id`);
  file.comments.forEach((t, k) => unique(t.messages.map((m) => m.id), 'message of a thread', (i) => `comments[${k}].messages[${i}].id`));

  const report = (base: PathSegment[], ps: readonly RuleProblem[]) => {
    for (const p of ps) problems.push(issue(p.code, [...base, ...p.at], p.message));
  };
  file.nodes.forEach((n, i) => {
    const p = quoteProblem(records, n);
    if (p) report(['nodes', i], [p]);
  });
  const keys = new Map<string, Id>();
  file.relations.forEach((r, i) => {
    const ps = relationProblems(records, r);
    report(['relations', i], ps);
    if (ps.length > 0) return;
    const key = relationKey(r);
    const same = keys.get(key);
    if (same !== undefined) report(['relations', i], [repeatedRelationProblem(r, same)]);
    else keys.set(key, r.id);
  });
  file.sources.forEach((s, i) => report(['sources', i], quotedSourceProblems(records, s)));
  return problems;
}

/**
 * Whether no two sources, nodes or relations share an id, from the records alone: each record
 * kept every item of its list, and no id is in two records. A few lookups an item, where naming
 * the duplicates (duplicateIds) costs a map of every id; it runs only when this says no.
 */
function idsUnique(file: MapFile, records: Records): boolean {
  if (Object.keys(records.nodes).length !== file.nodes.length) return false;
  if (Object.keys(records.relations).length !== file.relations.length) return false;
  if (Object.keys(records.sources).length !== file.sources.length) return false;
  for (const r of file.relations) if (Object.hasOwn(records.nodes, r.id)) return false;
  for (const s of file.sources) if (Object.hasOwn(records.nodes, s.id) || Object.hasOwn(records.relations, s.id)) return false;
  return true;
}

/** Every id used a second time, with where it was first seen. */
function duplicateIds(file: MapFile): LoadIssue[] {
  const problems: LoadIssue[] = [];
  const seen = new Map<Id, { what: Collection; index: number }>();
  const claim = (what: Collection) => (item: { id: Id }, index: number) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      problems.push(issue('duplicate-id', `${what}[${index}].id`, `The id ${quote(item.id)} is used twice (also at ${first.what}[${first.index}].id); every node, relation and source needs its own id.`));
    else seen.set(item.id, { what, index });
  };
  file.sources.forEach(claim('sources'));
  file.nodes.forEach(claim('nodes'));
  file.relations.forEach(claim('relations'));
  return problems;
}

function byId<T extends { id: Id }>(items: readonly T[]): Record<Id, T> {
  const out: Record<Id, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

/**
 * A checked file becomes a map. Presentation entries for things that no longer exist
 * (a position of a deleted node) are dropped and reported as warnings.
 */
export function restore(file: MapFile, records: Records = recordsOf(file)): { map: ArgumentMap; warnings: LoadIssue[] } {
  const warnings: LoadIssue[] = [];
  const { nodes } = records;
  const { positions: rawPositions, collapsed: rawCollapsed, ...viewRest } = file.view;
  const positions: ArgumentMap['view']['positions'] = {};
  let dropped = 0;
  for (const [id, p] of Object.entries(rawPositions)) {
    if (Object.hasOwn(nodes, id)) positions[id] = p;
    else if (++dropped <= MAX_WARNINGS) warnings.push(issue('dangling-reference', ['view', 'positions', id], `A position was stored for ${quote(id)}, which is not a node; it was dropped.`));
  }
  if (dropped > MAX_WARNINGS) warnings.push(issue('dangling-reference', 'view.positions', `…and ${dropped - MAX_WARNINGS} more positions of nodes that do not exist were dropped.`));
  const collapsed = rawCollapsed.filter((id) => Object.hasOwn(nodes, id));
  if (collapsed.length !== rawCollapsed.length)
    warnings.push(issue('dangling-reference', 'view.collapsed', 'The collapsed list named nodes that do not exist; they were dropped.'));

  const unknown: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(file)) if (!ENVELOPE_KEYS.has(k)) unknown[k] = v;

  const evaluations = file.evaluations as SavedEvaluation[];
  const threads = file.comments as CommentThread[];
  const map: ArgumentMap = {
    meta: file.meta,
    sources: records.sources,
    nodes,
    relations: records.relations,
    evaluations: byId(evaluations),
    comments: byId(threads),
    view: { ...viewRest, positions, collapsed },
  };
  if (Object.keys(unknown).length > 0) map.unknown = unknown;
  // Evaluations and threads that do not fit are kept (a hand-edited file loses nothing) and named.
  const layers = layerWarnings(map, evaluations, threads);
  for (const w of layers.slice(0, MAX_WARNINGS)) warnings.push(issue(w.code, w.at, w.message));
  if (layers.length > MAX_WARNINGS) warnings.push(issue('invalid', '', `…and ${layers.length - MAX_WARNINGS} more evaluations or comment threads that do not fit.`));
  return { map, warnings };
}

const byIdOrder = (a: { id: Id }, b: { id: Id }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The file shape of a map: collections as arrays in id order, so saving is deterministic. */
export function toFile(map: ArgumentMap): Record<string, unknown> {
  return {
    ...map.unknown,
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    meta: map.meta,
    sources: Object.values(map.sources).sort(byIdOrder),
    nodes: Object.values(map.nodes).sort(byIdOrder),
    relations: Object.values(map.relations).sort(byIdOrder),
    evaluations: Object.values(map.evaluations ?? {}).sort(byIdOrder),
    comments: Object.values(map.comments ?? {}).sort(byIdOrder),
    view: map.view,
  };
}
