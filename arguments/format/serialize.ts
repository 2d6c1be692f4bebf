// Deterministic JSON: the same map always gives the same bytes, whatever order its
// records were built or edited in. Known keys come in a fixed, readable order; any
// other keys (fields from a newer version, view entries keyed by id) follow sorted.
import type { ArgumentMap } from '../model';
import { toFile } from './restore';

const KEY_ORDER = [
  'format', 'version', 'meta', 'sources', 'nodes', 'relations', 'evaluations', 'comments', 'view',
  'id', 'kind', 'title', 'role', 'date', 'author', 'recipient', 'place', 'language', 'authors', 'created', 'modified', 'description',
  'voice', 'text', 'quote', 'source', 'exact', 'prefix', 'suffix', 'start',
  'from', 'to', 'citation', 'asGiven', 'archive', 'archiveName', 'fond', 'opis', 'delo', 'listy', 'page', 'fields',
  'bib', 'transcription', 'method', 'file', 'checked', 'quotes', 'positions', 'collapsed', 'x', 'y',
  // evaluations and comment threads
  'target', 'by', 'verdict', 'reason', 'resolved', 'detached', 'name', 'messages', 'at', 'edited',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a);
  const rb = RANK.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Objects with their keys ordered by KEY_ORDER; keyed records (positions) sorted. */
function canonical(value: unknown, keyed: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, false));
  if (value === null || typeof value !== 'object') return Object.is(value, -0) ? 0 : value;
  // A null prototype keeps a "__proto__" key from a file as plain data.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  keys.sort(keyed ? (a, b) => (a < b ? -1 : a > b ? 1 : 0) : compareKeys);
  for (const k of keys) out[k] = canonical((value as Record<string, unknown>)[k], k === 'positions' || k === 'fields');
  return out;
}

export function stringifyCanonical(value: unknown): string {
  return JSON.stringify(canonical(value, false), null, 2) + '\n';
}

/** The bytes of a saved map (as a string; UTF-8 on disk). */
export function serializeMap(map: ArgumentMap): string {
  return stringifyCanonical(toFile(map));
}
