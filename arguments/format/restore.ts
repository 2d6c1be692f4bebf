// File shape (arrays) <-> model shape (records keyed by id), and the reference checks
// that a schema cannot express: unique ids, relations that point at something, quotes
// that name a source.
import type { ArgNode, ArgumentMap, Id, Relation, Source } from '../model';
import { issue, quote, type LoadIssue } from './errors';
import { CURRENT_VERSION, FORMAT_NAME, type MapFile } from './schema';

const MAX_WARNINGS = 20;
const ENVELOPE_KEYS = new Set(['format', 'version', 'meta', 'sources', 'nodes', 'relations', 'view']);

/** Checks references in a schema-valid file. Returns problems; an empty list means it can be restored. */
export function checkReferences(file: MapFile): LoadIssue[] {
  const problems: LoadIssue[] = [];
  const seen = new Map<Id, string>();
  const claim = (id: Id, path: string) => {
    const first = seen.get(id);
    if (first !== undefined)
      problems.push(issue('duplicate-id', path, `The id ${quote(id)} is used twice (also at ${first}); every node, relation and source needs its own id.`));
    else seen.set(id, path);
  };
  file.sources.forEach((s, i) => claim(s.id, `sources[${i}].id`));
  file.nodes.forEach((n, i) => claim(n.id, `nodes[${i}].id`));
  file.relations.forEach((r, i) => claim(r.id, `relations[${i}].id`));

  const nodeIds = new Set(file.nodes.map((n) => n.id));
  const relationIds = new Set(file.relations.map((r) => r.id));
  const sourceIds = new Set(file.sources.map((s) => s.id));

  file.nodes.forEach((n, i) => {
    if (n.quote && !sourceIds.has(n.quote.source))
      problems.push(issue('dangling-reference', `nodes[${i}].quote.source`, `Node ${quote(n.id)} quotes a source ${quote(n.quote.source)} that is not in this map.`));
  });
  file.relations.forEach((r, i) => {
    r.from.forEach((f, j) => {
      if (!nodeIds.has(f))
        problems.push(issue('dangling-reference', `relations[${i}].from[${j}]`, `Relation ${quote(r.id)} starts from ${quote(f)}, which is not a node in this map.`));
    });
    if (new Set(r.from).size !== r.from.length)
      problems.push(issue('invalid', `relations[${i}].from`, `Relation ${quote(r.id)} lists the same premise twice.`));
    if (r.kind === 'undercuts') {
      if (!relationIds.has(r.to))
        problems.push(
          issue('dangling-reference', `relations[${i}].to`, `Relation ${quote(r.id)} undercuts ${quote(r.to)}, but an undercut must attack a relation (an inference) of this map, and there is none with that id.`),
        );
      else if (r.to === r.id) problems.push(issue('invalid', `relations[${i}].to`, `Relation ${quote(r.id)} undercuts itself.`));
    } else if (!nodeIds.has(r.to)) {
      problems.push(issue('dangling-reference', `relations[${i}].to`, `Relation ${quote(r.id)} ${r.kind} ${quote(r.to)}, which is not a node in this map.`));
    } else if (r.from.includes(r.to)) {
      problems.push(issue('invalid', `relations[${i}]`, `Relation ${quote(r.id)} connects node ${quote(r.to)} to itself.`));
    }
  });
  file.sources.forEach((s, i) => {
    for (const p of quotedSourceProblems(s, (id) => sourceIds.has(id))) problems.push(issue(p.code, `sources[${i}].quotes[${p.index}]`, p.message));
  });
  return problems;
}

/**
 * The sources a source says it quotes must be other sources of the same map. One rule for
 * the loader (above) and the source operations.
 */
export function quotedSourceProblems(
  source: { id: Id; quotes?: readonly Id[] },
  isSource: (id: Id) => boolean,
): { index: number; code: 'invalid' | 'dangling-reference'; message: string }[] {
  const out: { index: number; code: 'invalid' | 'dangling-reference'; message: string }[] = [];
  source.quotes?.forEach((q, index) => {
    if (q === source.id) out.push({ index, code: 'invalid', message: `Source ${quote(source.id)} lists itself among the sources it quotes; a source can only quote other sources.` });
    else if (!isSource(q)) out.push({ index, code: 'dangling-reference', message: `Source ${quote(source.id)} says it quotes ${quote(q)}, which is not a source in this map.` });
  });
  return out;
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
export function restore(file: MapFile): { map: ArgumentMap; warnings: LoadIssue[] } {
  const warnings: LoadIssue[] = [];
  const nodes = byId(file.nodes as ArgNode[]);
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

  const map: ArgumentMap = {
    meta: file.meta,
    sources: byId(file.sources as Source[]),
    nodes,
    relations: byId(file.relations as Relation[]),
    view: { ...viewRest, positions, collapsed },
  };
  if (Object.keys(unknown).length > 0) map.unknown = unknown;
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
    view: map.view,
  };
}
