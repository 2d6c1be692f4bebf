// The migration registry: MIGRATIONS[n] turns a version-n file into a version-(n+1) file.
// Migrations are pure functions on plain JSON; version 1 is the first format, so the
// registry is empty, but loading always runs through here so the next version only adds an entry.
import { CURRENT_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;
export type Migration = (file: JsonObject) => JsonObject;
export type MigrationRegistry = Readonly<Record<number, Migration>>;

export const MIGRATIONS: MigrationRegistry = {};

export type MigrationResult = { ok: true; file: JsonObject } | { ok: false; failedAt: number; reason: string };

export function migrate(
  file: JsonObject,
  from: number,
  to: number = CURRENT_VERSION,
  registry: MigrationRegistry = MIGRATIONS,
): MigrationResult {
  let current = file;
  for (let v = from; v < to; v++) {
    const step = registry[v];
    if (!step) return { ok: false, failedAt: v, reason: `no migration from version ${v} to ${v + 1}` };
    try {
      current = { ...step(current), version: v + 1 };
    } catch (err) {
      return { ok: false, failedAt: v, reason: err instanceof Error ? err.message : String(err) };
    }
  }
  return { ok: true, file: current };
}
