// The benchmark harness must not rot: a smoke run (100 nodes, one repetition, every figure)
// builds the bench pages, drives Chromium and the CLI, and prints a table. This asserts only
// that it ran and produced a number for each figure it measured, never a time.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

it('npm run bench -- --smoke runs and reports a number for every figure', () => {
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/run.ts', '--smoke'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(r.status, `exit ${r.status} after ${seconds.toFixed(0)} s\n${r.stdout}\n${r.stderr}`).toBe(0);

  const report = readFileSync(join(root, 'bench/results/smoke.md'), 'utf8');
  const rows = report
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| figure') && !line.startsWith('| nodes') && /^\| [A-Z]/.test(line))
    .map((line) => line.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '').trim()));
  const figures = rows.filter((cells) => cells.length === 7);
  expect(figures.length).toBeGreaterThanOrEqual(20);
  const number = /^[\d,.]+ (ms|MB)/;
  const measured = figures.filter(([figure]) => !figure!.includes('not in this build'));
  for (const [figure, , app, baseline] of measured) {
    expect(app, `${figure}: app`).toMatch(number);
    expect(baseline === 'n/a' || number.test(baseline!), `${figure}: baseline ${baseline}`).toBe(true);
  }
  // Both pages were measured in the browser, and the Node figures ran.
  expect(measured.some(([f, , , b]) => f!.startsWith('First render') && number.test(b!))).toBe(true);
  expect(measured.some(([f]) => f!.startsWith('Open + validate'))).toBe(true);
  expect(measured.some(([f]) => f!.startsWith('CLI `argmap validate`'))).toBe(true);
}, 300_000);
