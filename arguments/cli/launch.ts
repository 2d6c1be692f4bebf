// The launcher bundled into dist/argmap.cjs: it runs the CLI's one CommonJS bundle
// (dist/argmap-chunks/argmap.cjs) through vm.Script with V8's code cache, which Node 20 does not
// keep for us (module.enableCompileCache is Node 22). Compiling the bundle and the functions a
// command runs is most of what `argmap validate` costs above a bare `node -e 0`; from the cache,
// V8 deserialises the compiled code instead. The cache is made on a command's first successful
// run, per command and Node version, beside the bundle (whoever may change the code may change
// its cache; no shared temp folder); a cache V8 rejects, or a folder that cannot be written, only
// costs the compile, never the command.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Set on globalThis by the launcher: the CLI calls it before it changes V8's flags (avoid.ts), since V8 refuses a cache made under other flags. */
export const BEFORE_FLAGS_CHANGE = Symbol.for('argument-atlas.cli.before-v8-flags-change');

/**
 * The wrapper Node itself puts around a CommonJS module, and `__load`: the bundle's import() of
 * libavoid, resvg, PDFKit, … (scripts/build-cli.mjs), done by the launcher, since Node 20 forgets
 * a vm.Script's import() callback when the script is read from a cache. It has a line of its own,
 * so lines and columns in stack traces are the bundle's (and its source map's).
 */
const HEAD = '(function (exports, require, module, __filename, __dirname, __load) {\n';
const TAIL = '\n})';

/** FNV-1a of the wrapper: a cache of the bundle in another wrapper is other code. */
function wrapperTag(): string {
  let h = 0x811c9dc5;
  for (const c of HEAD + TAIL) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16);
}

/**
 * The cache file of one command (argv[2] when it looks like a command's name) for one bundle and
 * one Node build. V8 checks a cache against the source's length only, not its content, so the
 * name carries the build's content hash and the bundle's size and time of change: a cache of
 * other code is never offered.
 */
export function cacheFile(dir: string, command: string | undefined, bundle: { build: string; size: number; mtimeMs: number }, version = process.version, arch = process.arch): string {
  const name = command !== undefined && /^[a-z][a-z-]{0,31}$/.test(command) ? command : 'usage';
  return join(dir, `${name}-${bundle.build}-${bundle.size}-${Math.trunc(bundle.mtimeMs)}-${wrapperTag()}-${version}-${arch}.v8cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (a temporary file renamed), so a run meanwhile never reads half a cache. */
function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // A read-only install runs without a cache.
  }
}

export interface Launch {
  /** The CommonJS bundle to run. */
  bundle: string;
  /** The content hash of the bundle, written into the launcher by scripts/build-cli.mjs. */
  build: string;
  /** 'latin1' when the build made the bundle ASCII (read as one-byte text, the same characters), else 'utf8'. */
  encoding: 'latin1' | 'utf8';
  /** The folder of its caches. */
  cacheDir: string;
  command: string | undefined;
}

/** Compiles and runs the bundle as a CommonJS module of its own path, with the command's code cache when V8 accepts it. */
export function launch({ bundle, build, encoding, cacheDir, command }: Launch): void {
  let source: string;
  try {
    source = readFileSync(bundle, encoding);
  } catch {
    // A build cut short is said in one line, not a stack trace.
    process.stderr.write(`argmap: the CLI build is incomplete (${bundle} cannot be read); run \`npm run build:cli\` again.\n`);
    process.exit(2);
  }
  const file = cacheFile(cacheDir, command, { build, ...statSync(bundle) });
  const cached = readCache(file);
  const script = new Script(HEAD + source + TAIL, {
    filename: bundle,
    lineOffset: -1,
    ...(cached ? { cachedData: cached } : {}),
  });
  let written = cached !== undefined && !script.cachedDataRejected;
  const save = () => {
    if (written) return;
    written = true;
    writeCache(file, script.createCachedData());
  };
  // After a successful run, the cache holds every function the command compiled.
  process.once('exit', (code) => {
    if (code === 0) save();
  });
  (globalThis as Record<symbol, unknown>)[BEFORE_FLAGS_CHANGE] = save;
  const module = { exports: {} as unknown, filename: bundle };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string, load: (specifier: string) => Promise<unknown>) => void;
  // The packages resolve alike from here: the launcher lies in the same tree as the bundle.
  run(module.exports, createRequire(bundle), module, bundle, dirname(bundle), (specifier) => import(specifier));
}
