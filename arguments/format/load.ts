// The one load pipeline: bytes/text -> parse -> envelope guard -> migrate -> validate ->
// check references -> restore. It never throws: it returns a map or typed, worded errors.
import type { ArgumentMap } from '../model';
import { MAX_FILE_BYTES, valueProblem } from '../limits';
import { formatBytes, issue, quote, type LoadIssue } from './errors';
import { duplicateKeys, keepsEveryKey } from './json-keys';
import { jsonErrorOffset } from './json-position';
import { explainIssue } from './explain';
import { MIGRATIONS, migrate, type JsonObject, type MigrationRegistry } from './migrate';
import { checkReferences, recordsOf, restore } from './restore';
import { passesSchema } from './fast-check';
import { CURRENT_VERSION, FORMAT_NAME, schemas, type MapFile } from './schema';

// Larger files are refused before parsing (arguments/limits.ts).
export { MAX_FILE_BYTES } from '../limits';
const MAX_REPORTED = 50;
/** From this size on, zod's compiled fast path pays for its compilation within the one parse. */
const JIT_FROM_CHARS = 1_000_000;

export type LoadResult =
  /** `fromVersion`: the version of the file as read (older ones were migrated in memory: saving writes CURRENT_VERSION). */
  | { ok: true; map: ArgumentMap; fromVersion: number; warnings: LoadIssue[] }
  | { ok: false; errors: LoadIssue[] };

export interface LoadOptions {
  /** Another registry of migrations (tests); its steps must still end at CURRENT_VERSION. */
  migrations?: MigrationRegistry;
}

const fail = (...errors: LoadIssue[]): LoadResult => ({ ok: false, errors });

/** Bytes as read from disk or a browser File: size guard, binary check, strict UTF-8. */
export function decodeFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; errors: LoadIssue[] } {
  if (bytes.byteLength > MAX_FILE_BYTES)
    return { ok: false, errors: [issue('too-large', '', `This file is ${formatBytes(bytes.byteLength)}; Argument Atlas opens maps of up to ${formatBytes(MAX_FILE_BYTES)}.`)] };
  if (bytes.subarray(0, 8192).includes(0))
    return { ok: false, errors: [issue('binary', '', 'This is not a text file (it contains binary data), so it cannot be an argument map.')] };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, errors: [issue('binary', '', 'This file is not valid UTF-8 text, so it cannot be an argument map (was it saved by another program?).')] };
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; errors: LoadIssue[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [issue('empty', '', 'The file is empty.')] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const at = jsonErrorOffset(body);
    if (at >= body.trimEnd().length)
      return { ok: false, errors: [issue('truncated', '', 'The file ends in the middle of the map: it looks cut off (an interrupted save or copy?).')] };
    const where = at >= 0 ? ` at ${lineAndColumn(body, at)}` : '';
    return { ok: false, errors: [issue('not-json', '', `The file is not valid JSON${where}, so it cannot be read as an argument map.`)] };
  }
  // JSON.parse keeps the last of two equal keys: which one the author meant cannot be told.
  const twice = keepsEveryKey(body, value) ? [] : duplicateKeys(body, MAX_REPORTED);
  if (twice.length > 0)
    return {
      ok: false,
      errors: twice.map((d) => issue('duplicate-key', d.path, `The key ${quote(d.key)} appears twice in this object, and only one can be kept; remove the one that is wrong.`)),
    };
  return { ok: true, value };
}

/** Accepts raw bytes (preferred: the size and encoding are checked) or already decoded text. */
export function loadMap(input: string | Uint8Array, options: LoadOptions = {}): LoadResult {
  try {
    return loadUnsafe(input, options);
  } catch (err) {
    // The pipeline is written not to throw; this is the last guard of the boundary.
    return fail(issue('invalid', '', `The file could not be read (${err instanceof Error ? err.message : String(err)}).`));
  }
}

function loadUnsafe(input: string | Uint8Array, options: LoadOptions): LoadResult {
  const current = CURRENT_VERSION;
  let text: string;
  if (typeof input === 'string') {
    if (input.length > MAX_FILE_BYTES) return fail(issue('too-large', '', `This file is larger than ${formatBytes(MAX_FILE_BYTES)}, the most Argument Atlas opens.`));
    text = input;
  } else {
    const decoded = decodeFile(input);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;

  const raw = parsed.value;
  // Limits every value keeps, whatever its field (arguments/limits.ts).
  const bad = valueProblem(raw);
  if (bad) return fail(issue(bad.kind, bad.path, bad.message));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail(issue('not-a-map', '', 'This JSON file does not hold an argument map (it should be an object with "format": "' + FORMAT_NAME + '").'));
  const obj = raw as JsonObject;
  if (obj.format !== FORMAT_NAME)
    return fail(
      issue('wrong-format', 'format', obj.format === undefined
        ? `This is a JSON file, but not an Argument Atlas map: it has no "format": "${FORMAT_NAME}".`
        : `This file is in the format ${typeof obj.format === 'string' ? quote(obj.format, 60) : 'given by a value that is not text'}, not an Argument Atlas map ("${FORMAT_NAME}").`),
    );
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return fail(issue('invalid', 'version', 'The file does not say which version of the format it uses (a whole number is needed).'));
  if (version > current)
    return fail(issue('newer-version', 'version', `This map was saved by a newer version of Argument Atlas (file format ${version}); this version reads format ${current} and older. Update Argument Atlas to open it; the file has not been changed.`));
  if (version < 1) return fail(issue('unsupported-version', 'version', `File format ${version} does not exist; the first format is version 1.`));

  const migrated = migrate(obj, version, current, options.migrations ?? MIGRATIONS);
  if (!migrated.ok)
    return fail(issue('migration-failed', '', `The map could not be brought from format ${migrated.failedAt} to ${migrated.failedAt + 1}: ${migrated.reason}.`));

  // A refused file goes to zod for its worded problems. zod compiles a fast path for each object
  // schema (new Function) on its first parse: ~30 ms that a small map never wins back.
  let file: MapFile;
  if (passesSchema(migrated.file)) file = migrated.file;
  else {
    const checked = schemas().file.safeParse(migrated.file, { reportInput: true, jitless: text.length < JIT_FROM_CHARS });
    if (!checked.success) return fail(...cap(checked.error.issues.map(explainIssue)));
    file = checked.data;
  }
  const records = recordsOf(file);
  const refErrors = checkReferences(file, records);
  if (refErrors.length > 0) return fail(...cap(refErrors));
  const { map, warnings } = restore(file, records);
  const notes = migrated.notes.map((m) => issue('migrated', '', m));
  return { ok: true, map, fromVersion: version, warnings: [...notes, ...warnings] };
}

function cap(errors: LoadIssue[]): LoadIssue[] {
  if (errors.length <= MAX_REPORTED) return errors;
  return [...errors.slice(0, MAX_REPORTED), issue('invalid', '', `…and ${errors.length - MAX_REPORTED} more problems.`)];
}
