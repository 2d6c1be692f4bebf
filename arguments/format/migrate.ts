// Migrations of the file format, in the manner of tldraw's tlschema: one step per version, each
// a pure function `up` from a plain-JSON file of version n to one of version n + 1 (it never
// changes its input), registered under the version it leaves. Loading runs every step from the
// file's version to the current one, then validates the result as the current version: a file
// of any older version opens, and the file on disk is untouched until the user saves.
//
// No `down` steps: Argument Atlas never writes an older version (a file from a newer version is
// refused, never downgraded), so a down step would be code no user ever runs.
import { quote } from './errors';
import { CURRENT_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  /** "argmap/2": the format and the version the step produces. */
  id: string;
  /** What the step changes, in words. */
  title: string;
  /** Pure. `note` tells the user what the step did beyond the routine (shown on opening). */
  up: (file: Readonly<JsonObject>, note: (message: string) => void) => JsonObject;
}

/** MIGRATIONS[n] turns a version-n file into a version-(n + 1) file. */
export type MigrationRegistry = Readonly<Record<number, Migration>>;

/** Top-level names version 2 takes for its layers; a version 1 file kept fields of its own under them. */
const LAYERS_OF_V2 = ['evaluations', 'comments'] as const;

/**
 * Version 2 adds the evaluation layer and the comment threads, both empty for a version 1 file.
 * Version 1 kept any top-level field it did not know for the round trip; one already named
 * `evaluations` or `comments` (written by another tool) is not in version 2's form, so it moves,
 * unchanged, under `keptFromVersion1`: nothing is lost, and the file still opens.
 */
const v1ToV2: Migration = {
  id: 'argmap/2',
  title: 'evaluations and comment threads',
  up(file, note) {
    const out: JsonObject = {};
    const kept: JsonObject = {};
    for (const [key, value] of Object.entries(file)) {
      if ((LAYERS_OF_V2 as readonly string[]).includes(key)) kept[key] = value;
      else out[key] = value;
    }
    out.evaluations = [];
    out.comments = [];
    const names = Object.keys(kept);
    if (names.length > 0) {
      let at = 'keptFromVersion1';
      for (let n = 2; Object.hasOwn(out, at); n++) at = `keptFromVersion1-${n}`;
      out[at] = kept;
      note(
        `This version 1 file had ${names.length === 1 ? 'a field' : 'fields'} ${names.map((k) => quote(k)).join(' and ')}, a name version 2 uses for its own layers; ` +
          `${names.length === 1 ? 'it is' : 'they are'} kept, unchanged, under ${quote(at)}.`,
      );
    }
    return out;
  },
};

export const MIGRATIONS: MigrationRegistry = { 1: v1ToV2 };

export type MigrationResult = { ok: true; file: JsonObject; notes: string[] } | { ok: false; failedAt: number; reason: string };

export function migrate(file: JsonObject, from: number, to: number = CURRENT_VERSION, registry: MigrationRegistry = MIGRATIONS): MigrationResult {
  let current = file;
  const notes: string[] = [];
  for (let v = from; v < to; v++) {
    const step = Object.hasOwn(registry, v) ? registry[v] : undefined;
    if (!step) return { ok: false, failedAt: v, reason: `no migration from version ${v} to ${v + 1}` };
    try {
      current = { ...step.up(current, (m) => notes.push(m)), version: v + 1 };
    } catch (err) {
      return { ok: false, failedAt: v, reason: err instanceof Error ? err.message : String(err) };
    }
  }
  return { ok: true, file: current, notes };
}
