// Maps on disk for the commands: read through the bounded reader and the loader, changed by
// the domain's operations (the app's own rules and refusals), written back atomically.
import { describeIssue, type LoadIssue } from '../format/errors';
import { loadMap } from '../format/load';
import { serializeMap } from '../format/serialize';
import { commit, createHistory, type Operation } from '../history';
import type { ArgumentMap } from '../model';
import { CliError } from './io';
import { quote, shown } from './quote';
import { MAP_FILE, readFileBounded, type FileIdentity } from './read';
import { writeFileAtomic } from './write';

export interface OpenedMap {
  file: string;
  map: ArgumentMap;
  identity: FileIdentity;
}

/** One line per load problem, "map.json: nodes[3].kind: …" (exit 1). */
export function loadProblems(file: string, errors: readonly LoadIssue[]): CliError {
  return new CliError(errors.map((e) => `${shown(file)}: ${describeIssue(e)}`), 1);
}

export function openMap(file: string): OpenedMap {
  const { bytes, identity } = readFileBounded(file, MAP_FILE);
  const result = loadMap(bytes);
  if (!result.ok) throw loadProblems(file, result.errors);
  return { file, map: result.map, identity };
}

export function readMap(file: string): ArgumentMap {
  return openMap(file).map;
}

/** The map after the operations, in order; the first refusal stops it all with its sentence (exit 1). */
export function applyAll(map: ArgumentMap, ops: readonly Operation[], command: string): ArgumentMap {
  let history = createHistory(map);
  for (const op of ops) {
    const r = commit(history, op);
    if (!r.ok) throw new CliError(`argmap ${command}: ${r.reason}`, 1);
    history = r.history;
  }
  return history.present;
}

/** Writes a changed map back over the file it was read from, stamped as modified now; refused if the file changed meanwhile. */
export function saveMap(opened: OpenedMap, next: ArgumentMap, now: string): void {
  writeFileAtomic(opened.file, serializeMap({ ...next, meta: { ...next.meta, modified: now } }), { overwrite: true, unchangedSince: opened.identity });
}

// Digits grouped by hand: the first toLocaleString of a process loads ICU's number data, which
// costs `argmap validate` more than the rest of its own work on a small map.
const grouped = (n: number) => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US'));
const plural = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

/** `"Title" (39 nodes, 40 relations, 4 sources)`. */
export function describeMap(map: ArgumentMap): string {
  const n = (r: object) => Object.keys(r).length;
  return `${quote(map.meta.title)} (${plural(n(map.nodes), 'node')}, ${plural(n(map.relations), 'relation')}, ${plural(n(map.sources), 'source')})`;
}

export { plural };
