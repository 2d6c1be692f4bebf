// `npm run conformance -- DIR`: the status engine against the field's grounded-semantics
// instances. DIR holds `cases.json` (id, file, format; optionally the framework typed out as
// args/attacks) and `manifest.json` (id, grounded). The corpus is read where it lies, never
// copied into the project; without it the run says so in one line and passes.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { groundedExtension, parseFramework, type Framework } from '../analysis/frameworks';
import { naturalCompare } from '../analysis/order';
import type { Io } from './argmap';
import { CORPUS_FILE, readBytes, ReadError } from './read';

/** Through the bounded reader: a FIFO or a device in a corpus folder is refused, never waited on. */
const readText = (path: string) => new TextDecoder('utf-8').decode(readBytes(path, CORPUS_FILE));

export const DEFAULT_CORPUS = '../shared/corpora/grounded';

interface Case {
  id: string;
  file: string;
  format: 'apx' | 'tgf';
  args?: string[];
  attacks?: [string, string][];
}

const braces = (xs: readonly string[]) => `{${[...xs].sort(naturalCompare).join(', ')}}`;

function readJsonList(dir: string, name: string): unknown[] {
  const path = join(dir, name);
  if (!existsSync(path)) throw new Error(`${path} is missing; a corpus folder holds cases.json and manifest.json.`);
  let value: unknown;
  try {
    value = JSON.parse(readText(path));
  } catch (err) {
    if (err instanceof ReadError) throw new Error(err.message);
    throw new Error(`${path} is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (!Array.isArray(value)) throw new Error(`${path} should hold a list of cases.`);
  return value;
}

function asCase(x: unknown): Case | undefined {
  if (x === null || typeof x !== 'object') return undefined;
  const c = x as Record<string, unknown>;
  if (typeof c.id !== 'string' || typeof c.file !== 'string' || (c.format !== 'apx' && c.format !== 'tgf')) return undefined;
  return c as unknown as Case;
}

function sameFramework(a: Framework, args: readonly string[], attacks: readonly (readonly [string, string])[]): boolean {
  const key = (xs: readonly (readonly string[])[]) => JSON.stringify(xs.map((x) => JSON.stringify(x)).sort());
  return key(a.args.map((x) => [x])) === key(args.map((x) => [x])) && key(a.attacks) === key(attacks);
}

/** Runs one case; undefined when it passes, else the failure in one line. */
function runCase(dir: string, c: Case, expected: Map<string, unknown>): string | undefined {
  const answer = expected.get(c.id);
  if (!Array.isArray(answer) || !answer.every((a) => typeof a === 'string')) return `FAIL ${c.id}: manifest.json gives no grounded answer for it.`;
  const path = join(dir, c.file);
  let text: string;
  try {
    text = readText(path);
  } catch (err) {
    return `FAIL ${c.id}: ${c.file} cannot be read (${err instanceof ReadError ? (err.errno ?? err.message) : 'unknown error'}).`;
  }
  const parsed = parseFramework(text, c.format);
  if (!parsed.ok) return `FAIL ${c.id}: ${c.file}: ${parsed.errors[0]!.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}`;
  if (Array.isArray(c.args) && Array.isArray(c.attacks) && !sameFramework(parsed.framework, c.args, c.attacks))
    return `FAIL ${c.id}: ${c.file} is not the framework cases.json types out for it.`;
  const got = groundedExtension(parsed.framework);
  const want = new Set(answer as string[]);
  const missing = [...want].filter((a) => !got.includes(a));
  const extra = got.filter((a) => !want.has(a));
  if (missing.length === 0 && extra.length === 0 && got.length === want.size) return undefined;
  return `FAIL ${c.id}: grounded ${braces(got)}, expected ${braces([...want])}${missing.length ? `; missing ${braces(missing)}` : ''}${extra.length ? `; not expected ${braces(extra)}` : ''}`;
}

export function conformanceCommand(args: string[], io: Io): number {
  if (args.length > 1) {
    io.err('conformance: give at most one folder (the grounded corpus, with cases.json and manifest.json).');
    return 2;
  }
  const dir = resolve(args[0] ?? DEFAULT_CORPUS);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.out(`conformance: skipped, no corpus folder at ${dir}.`);
    return 0;
  }
  let cases: unknown[];
  let manifest: unknown[];
  try {
    cases = readJsonList(dir, 'cases.json');
    manifest = readJsonList(dir, 'manifest.json');
  } catch (err) {
    io.err(`conformance: ${(err as Error).message}`);
    return 2;
  }
  const expected = new Map<string, unknown>();
  for (const m of manifest) if (m !== null && typeof m === 'object' && typeof (m as { id?: unknown }).id === 'string') expected.set((m as { id: string }).id, (m as { grounded?: unknown }).grounded);
  let passed = 0;
  let failed = 0;
  cases.forEach((raw, k) => {
    const c = asCase(raw);
    const failure = c ? runCase(dir, c, expected) : `FAIL cases.json[${k}]: a case needs an id, a file and a format (apx or tgf).`;
    if (failure === undefined) passed++;
    else {
      failed++;
      io.out(failure);
    }
  });
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
