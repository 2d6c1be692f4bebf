// An imported map is checked by the loader itself before it is handed back: serialised and
// loaded again, so an import can only produce a map that opens (one rule, the loader's), and a
// file that would not make one is refused with the loader's words.
import { describeIssue } from '../format/errors';
import { loadMap } from '../format/load';
import { serializeMap } from '../format/serialize';
import type { ArgumentMap } from '../model';
import type { ExchangeProblem } from './problems';

const MAX_PROBLEMS = 20;

/** A map file (the saved shape: collections as arrays) loaded as the editor would open it. */
export function checkedFile(file: Record<string, unknown>): { ok: true; map: ArgumentMap } | { ok: false; problems: ExchangeProblem[] } {
  return result(loadMap(JSON.stringify(file)));
}

function result(loaded: ReturnType<typeof loadMap>): { ok: true; map: ArgumentMap } | { ok: false; problems: ExchangeProblem[] } {
  if (loaded.ok) return { ok: true, map: loaded.map };
  return {
    ok: false,
    problems: loaded.errors.slice(0, MAX_PROBLEMS).map((e) => ({ code: 'invalid-map' as const, message: `The imported map would not open: ${describeIssue(e)}` })),
  };
}

export function checkedMap(map: ArgumentMap): { ok: true; map: ArgumentMap } | { ok: false; problems: ExchangeProblem[] } {
  return result(loadMap(serializeMap(map)));
}
