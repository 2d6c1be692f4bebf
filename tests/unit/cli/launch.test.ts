// The launcher: runs a CommonJS bundle with V8's code cache, made on a command's first good run
// and offered only to the same bundle; a cache V8 refuses, or one that cannot be written, only
// costs the compile.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFile } from '../../../arguments/cli/launch';

const root = new URL('../../../', import.meta.url).pathname;
let dir: string;
let launcher: string;

/** A bundle that says what it was given; exits 3 for `fail`. */
const BUNDLE = `
const [command] = process.argv.slice(2);
process.stdout.write(JSON.stringify({ command, file: __filename === module.filename, dir: __dirname, url: typeof require('node:path').join }) + '\\n');
if (command === 'fail') process.exitCode = 3;
`;

function launch(cacheDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', env: { ...process.env, CACHE_DIR: cacheDir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argmap-launch-'));
  writeFileSync(join(dir, 'bundle.cjs'), BUNDLE);
  // The launcher bundled by esbuild, as scripts/build-cli.mjs does, pointed at the test's bundle.
  launcher = join(root, 'dist', 'test', `launch-${process.pid}.cjs`);
  mkdirSync(join(root, 'dist', 'test'), { recursive: true });
  const entry = join(root, 'dist', 'test', `launch-entry-${process.pid}.ts`);
  writeFileSync(
    entry,
    `import { launch } from '../../arguments/cli/launch';\nlaunch({ bundle: ${JSON.stringify(join(dir, 'bundle.cjs'))}, build: 'test', encoding: 'utf8', cacheDir: process.env.CACHE_DIR!, command: process.argv[2] });\n`,
  );
  const built = buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: launcher, logLevel: 'silent' });
  rmSync(entry, { force: true });
  expect(built.errors).toEqual([]);
});

afterAll(() => {
  rmSync(launcher, { force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('cacheFile', () => {
  const bundle = { build: 'abc123', size: 845_823, mtimeMs: 1_796_163_254_334.5 };
  it('names one file per command, bundle and Node build', () => {
    expect(cacheFile('/c', 'validate', bundle, 'v20.20.2', 'x64')).toMatch(/^\/c\/validate-abc123-845823-1796163254334-[0-9a-f]+-v20\.20\.2-x64\.v8cache$/);
    expect(cacheFile('/c', 'export', bundle, 'v20.20.2', 'x64')).not.toBe(cacheFile('/c', 'validate', bundle, 'v20.20.2', 'x64'));
    expect(cacheFile('/c', 'validate', bundle, 'v22.1.0', 'x64')).not.toBe(cacheFile('/c', 'validate', bundle, 'v20.20.2', 'x64'));
  });
  it('never offers one bundle’s cache to another (V8 checks only the length of the source)', () => {
    expect(cacheFile('/c', 'validate', { ...bundle, build: 'def456' })).not.toBe(cacheFile('/c', 'validate', bundle));
    expect(cacheFile('/c', 'validate', { ...bundle, mtimeMs: bundle.mtimeMs + 1000 })).not.toBe(cacheFile('/c', 'validate', bundle));
  });
  it('keeps what is not a command’s name out of the file name', () => {
    expect(cacheFile('/c', '../../etc/passwd', bundle)).toMatch(/^\/c\/usage-/);
    expect(cacheFile('/c', undefined, bundle)).toMatch(/^\/c\/usage-/);
    expect(cacheFile('/c', '--help', bundle)).toMatch(/^\/c\/usage-/);
  });
});

describe('launch', () => {
  it('runs the bundle as a CommonJS module of its own path, and caches a good run', () => {
    const cache = join(dir, 'cache');
    const first = launch(cache, 'validate');
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ command: 'validate', file: true, dir, url: 'function' });
    const made = readdirSync(cache);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^validate-test-.*\.v8cache$/);
    // The second run reads it, with the same output.
    const second = launch(cache, 'validate');
    expect(second).toEqual(first);
    expect(readdirSync(cache)).toEqual(made);
  });

  it('says in one line that a build is incomplete when the bundle is missing', () => {
    const bundle = join(dir, 'bundle.cjs');
    rmSync(bundle);
    try {
      const r = launch(join(dir, 'cache-missing'), 'validate');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^argmap: the CLI build is incomplete \(.*bundle\.cjs cannot be read\); run `npm run build:cli` again\.\n$/);
    } finally {
      writeFileSync(bundle, BUNDLE);
    }
  });

  it('makes no cache of a failed run', () => {
    const cache = join(dir, 'cache-fail');
    expect(launch(cache, 'fail').code).toBe(3);
    expect(() => readdirSync(cache)).toThrow();
  });

  it('runs as before with a damaged cache, and replaces it', () => {
    const cache = join(dir, 'cache-damaged');
    expect(launch(cache, 'validate').code).toBe(0);
    const [file] = readdirSync(cache);
    writeFileSync(join(cache, file!), 'not a cache');
    const r = launch(cache, 'validate');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).command).toBe('validate');
    expect(readFileSync(join(cache, file!)).toString()).not.toBe('not a cache');
  });

  it('runs without a cache where it cannot write one', () => {
    // A folder under a file cannot be made, even by root.
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const r = launch(join(blocker, 'cache'), 'validate');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).command).toBe('validate');
    expect(r.err).toBe('');
  });

  it('does not offer the cache of a bundle that changed since', () => {
    const cache = join(dir, 'cache-changed');
    expect(launch(cache, 'validate').code).toBe(0);
    const bundle = join(dir, 'bundle.cjs');
    writeFileSync(bundle, BUNDLE.replace("'\\n'", "' (changed)\\n'"));
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    const r = launch(cache, 'validate');
    expect(r.out).toMatch(/\(changed\)/);
    expect(readdirSync(cache)).toHaveLength(2);
    writeFileSync(bundle, BUNDLE);
  });
});
