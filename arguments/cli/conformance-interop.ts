// `npm run conformance:interop -- [DIR]`: every Argdown (.argdown) and AIF (.json) file under DIR
// imported as a map, and each map written as Argdown and read back as the same map; a JSON file
// that Argdown's own CLI exported (`argdown json`, in a folder cli-json-out/) is compared with
// this project's reading of the .argdown file of the same name. The corpus is read where it lies,
// never copied into the project; without it the run says so in one line and passes.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { naturalCompare } from '../analysis/order';
import { serializeMap } from '../format/serialize';
import { compareDocuments } from '../interop/argdown/compare';
import { documentFromJson } from '../interop/argdown/document';
import { exportArgdown } from '../interop/argdown/export';
import { importArgdown } from '../interop/argdown/import';
import { argdownSyntaxRefuses, parseArgdown } from '../interop/argdown/parse';
import { describeProblem } from '../interop/problems';
import type { Io } from './argmap';
import { importExchange } from './exchange';
import { CORPUS_FILE, ReadError, readBytes } from './read';

export const DEFAULT_INTEROP_CORPUS = '../shared/corpora/interop';
const CLI_JSON_FOLDER = 'cli-json-out';
const MAX_FILES = 10_000;

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** Files under dir, in natural order, skipping hidden ones; symbolic links are not followed. */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort(naturalCompare)) {
    if (name.startsWith('.') || out.length >= MAX_FILES) continue;
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isDirectory()) walk(path, out);
    else if (st?.isFile() && /\.(argdown|json)$/i.test(name)) out.push(path);
  }
  return out;
}

/**
 * One imported file; undefined when it passes, else the failure in one line. A file that Argdown's
 * own parser refuses (the corpus holds lexer fixtures of bad syntax) passes when it is refused here
 * too, with the line and column of the error, and nothing is imported.
 */
function runFile(path: string, shown: string, io: Io): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path, CORPUS_FILE);
  } catch (err) {
    return `FAIL ${shown}: cannot be read (${err instanceof ReadError ? err.message : 'unknown error'}).`;
  }
  const imported = importExchange(path, bytes, '2000-01-01T00:00:00.000Z');
  if (imported === null) return `FAIL ${shown}: neither Argdown nor AIF.`;
  if (!imported.result.ok && /\.argdown$/i.test(path) && argdownSyntaxRefuses(decode(bytes))) {
    const p = imported.result.problems[0]!;
    if (p.line === undefined) return `FAIL ${shown}: Argdown refuses it, and so does this import, but without saying where (${describeProblem(p)}).`;
    io.out(`refused, as Argdown's parser refuses it: ${shown}: ${describeProblem(p)}`);
    return undefined;
  }
  if (!imported.result.ok) return `FAIL ${shown}: ${describeProblem(imported.result.problems[0]!)}${imported.result.problems.length > 1 ? ` (and ${imported.result.problems.length - 1} more)` : ''}`;
  const map = imported.result.map;
  const back = importArgdown(exportArgdown(map).text, { now: map.meta.created, name: basename(path) });
  if (!back.ok) return `FAIL ${shown}: imported, but its Argdown export is not read back (${describeProblem(back.problems[0]!)}).`;
  if (serializeMap(back.map) !== serializeMap(map)) return `FAIL ${shown}: imported, but its Argdown export reads back as another map.`;
  return undefined;
}

/** A JSON of Argdown's CLI against this project's reading of the .argdown files of the same name: passes when one of them agrees. */
function runCliJson(path: string, shown: string, argdownFiles: readonly string[]): string | undefined {
  const name = basename(path).replace(/\.json$/i, '.argdown');
  const candidates = argdownFiles.filter((f) => basename(f) === name);
  if (candidates.length === 0) return `FAIL ${shown}: no ${name} to compare it with.`;
  let expected;
  try {
    expected = documentFromJson(JSON.parse(decode(readBytes(path, CORPUS_FILE))));
  } catch (err) {
    return `FAIL ${shown}: ${err instanceof ReadError ? err.message : 'not valid JSON'}.`;
  }
  let first: string | undefined;
  for (const f of candidates) {
    const parsed = parseArgdown(decode(readBytes(f, CORPUS_FILE)));
    if (!parsed.ok) {
      first ??= `${basename(f)}: ${describeProblem(parsed.problems[0]!)}`;
      continue;
    }
    const diff = compareDocuments(parsed.document, expected, ['this reading', 'Argdown’s JSON']);
    if (diff.length === 0) return undefined;
    first ??= `${diff[0]}${diff.length > 1 ? ` (and ${diff.length - 1} more differences)` : ''}`;
  }
  return `FAIL ${shown}: differs from this project’s reading of ${name}: ${first}`;
}

export function interopConformanceCommand(args: string[], io: Io): number {
  if (args.length > 1) {
    io.err('conformance:interop: give at most one folder (the interop corpus, with Argdown and AIF files).');
    return 2;
  }
  const dir = resolve(args[0] ?? DEFAULT_INTEROP_CORPUS);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.out(`conformance:interop: skipped, no corpus folder at ${dir}.`);
    return 0;
  }
  const files = walk(dir);
  const argdownFiles = files.filter((f) => /\.argdown$/i.test(f));
  let passed = 0;
  let failed = 0;
  for (const path of files) {
    const shown = relative(dir, path);
    const isCliJson = basename(join(path, '..')) === CLI_JSON_FOLDER;
    const failure = isCliJson ? runCliJson(path, shown, argdownFiles) : runFile(path, shown, io);
    if (failure === undefined) passed++;
    else {
      failed++;
      io.out(failure);
    }
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
