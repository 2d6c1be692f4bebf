// What Argdown has no place for travels in the front matter, under the key "argument-atlas":
// the map file without its nodes and relations (meta, sources with their texts, the view, and
// any layer a later format version adds), each node's fields the statement line does not carry
// (its quote, its exact text when Argdown would fold it, fields this version does not know), and
// every relation's record (id, kind, voice). Argdown keeps the front matter and does nothing with
// it; Argument Atlas reads it back, checking every part, so a file edited by hand or by another
// tool still imports: what no longer fits is left out and named in the report.
import { FORMAT_NAME } from '../../format/schema';
import { toFile } from '../../format/restore';
import { RELATION_KINDS, type ArgumentMap, type Id, type RelationKind } from '../../model';
import type { ReportBuilder } from '../report';

export const ATLAS_KEY = 'argument-atlas';
export const CARRY_VERSION = 1;

export interface RelationRecord extends Record<string, unknown> {
  id: Id;
  kind: RelationKind;
  from: Id[];
  to: Id;
  voice?: string;
}

export interface Carried {
  /** The map file without nodes and relations. */
  base?: Record<string, unknown>;
  /** Per node: the fields its statement line does not carry. */
  nodes: Map<Id, Record<string, unknown>>;
  relations: RelationRecord[];
}

/** The fields of a node its statement line carries (in the text and the {data} block). */
export const LINE_FIELDS = new Set(['id', 'kind', 'text', 'title', 'voice']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What the front matter carries for `map`; `exactTexts` are the nodes whose text Argdown would not keep. */
export function carryOf(map: ArgumentMap, exactTexts: ReadonlySet<Id>): Record<string, unknown> {
  const { nodes: _nodes, relations: _relations, ...base } = toFile(map);
  void _nodes;
  void _relations;
  const nodes: Record<string, Record<string, unknown>> = {};
  for (const node of Object.values(map.nodes)) {
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (!LINE_FIELDS.has(k) && v !== undefined) extra[k] = v;
    if (exactTexts.has(node.id)) extra.text = node.text;
    if (Object.keys(extra).length > 0) nodes[node.id] = extra;
  }
  const relations = Object.values(map.relations).map((r) => ({ ...r }));
  return { version: CARRY_VERSION, base, nodes, relations };
}

const isRelationRecord = (r: unknown): r is RelationRecord =>
  isObject(r) &&
  typeof r.id === 'string' &&
  (RELATION_KINDS as readonly unknown[]).includes(r.kind) &&
  Array.isArray(r.from) &&
  r.from.length > 0 &&
  r.from.every((f) => typeof f === 'string') &&
  typeof r.to === 'string' &&
  (r.voice === undefined || typeof r.voice === 'string');

/** The carried parts of a front matter, each checked; what does not fit is named in the report. */
export function readCarried(frontMatter: Record<string, unknown> | undefined, report: ReportBuilder): Carried | undefined {
  if (!frontMatter || !Object.hasOwn(frontMatter, ATLAS_KEY)) return undefined;
  const raw = frontMatter[ATLAS_KEY];
  const skip = (what: string) => report.add('front-matter', 'Parts of the front matter’s "argument-atlas" data do not fit and were left out', what);
  if (!isObject(raw) || raw.version !== CARRY_VERSION) {
    skip(isObject(raw) ? `version ${JSON.stringify(raw.version)} (this version reads ${CARRY_VERSION})` : 'all of it (not an object)');
    return undefined;
  }
  const carried: Carried = { nodes: new Map(), relations: [] };
  if (isObject(raw.base) && raw.base.format === FORMAT_NAME) carried.base = raw.base;
  else if (raw.base !== undefined) skip('the map’s details, sources and view');
  if (isObject(raw.nodes)) {
    for (const [id, extra] of Object.entries(raw.nodes)) {
      if (isObject(extra)) carried.nodes.set(id, extra);
      else skip(`the details of ${id}`);
    }
  } else if (raw.nodes !== undefined) skip('the nodes’ details');
  if (Array.isArray(raw.relations)) {
    raw.relations.forEach((r, k) => {
      if (isRelationRecord(r)) carried.relations.push(r);
      else skip(`relation record ${k + 1}`);
    });
  } else if (raw.relations !== undefined) skip('the relations’ records');
  return carried;
}

/** The Argdown relation a record is written as: support, attack (opposes and qualifies) or undercut. */
export function argdownClass(kind: RelationKind): 'support' | 'attack' | 'undercut' {
  return kind === 'supports' ? 'support' : kind === 'undercuts' ? 'undercut' : 'attack';
}

/** A key for matching a relation read from the Argdown body with its record: its class, premises and target. */
export function relationKey(cls: 'support' | 'attack' | 'undercut', from: readonly Id[], to: Id): string {
  return `${cls}\n${[...from].sort().join('\n')}\n\n${to}`;
}
