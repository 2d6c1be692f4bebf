// The CLI as a user runs it: a bundle of its own per test file (so parallel files never read a
// bundle another one is rewriting), real processes with a timeout (a command that blocks on a
// FIFO is killed and fails its test instead of hanging the run), real files in a fresh folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const root = new URL('../../../', import.meta.url).pathname;
export const SHIPPED = join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json');

export interface Cli {
  bundle: string;
  dir: string;
  /** Runs `argmap ARGS` in `dir`, killed after `timeout` ms. */
  argmap(...args: string[]): Result;
  /** A file in `dir` with this content; its path. */
  file(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export interface Result {
  code: number | null;
  out: string;
  err: string;
  /** Killed by the timeout (it hung). */
  timedOut: boolean;
  ms: number;
}

export function buildCli(tag: string, timeout = 30_000): Cli {
  const buildDir = join(root, 'dist', 'test');
  mkdirSync(buildDir, { recursive: true });
  const bundle = join(buildDir, `argmap-${tag}-${process.pid}.cjs`);
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outfile', bundle], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), `argmap-${tag}-`));
  return {
    bundle,
    dir,
    argmap(...args) {
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [bundle, ...args], { cwd: dir, encoding: 'utf8', timeout, killSignal: 'SIGKILL' });
      return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', timedOut: r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT', ms: Date.now() - t0 };
    },
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    remove() {
      rmSync(bundle, { force: true });
      rmSync(`${bundle}.map`, { force: true });
      rmSync(bundle.replace(/\.cjs$/, '-chunks'), { recursive: true, force: true });
      try {
        chmodSync(dir, 0o755);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A FIFO (named pipe) with no writer: reading it would block for ever. */
export function fifo(dir: string, name: string): string {
  const p = join(dir, name);
  const r = spawnSync('mkfifo', [p]);
  expect(r.status, 'mkfifo').toBe(0);
  return p;
}

/** One refusal: a non-zero exit, no output, no stack trace, one line on standard error matching `message`. */
export function expectRefusal(r: Result, message: RegExp, code?: number): void {
  expect(r.timedOut, 'the command hung').toBe(false);
  if (code !== undefined) expect(r.code, r.err).toBe(code);
  else expect(r.code, r.err).not.toBe(0);
  expect(r.err.trimEnd()).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at |Error:|node:internal/);
}

export const bytesOf = (path: string) => readFileSync(path);
