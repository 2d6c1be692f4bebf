// The conformance run, on a small corpus made here (the real one is never copied into the project).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceCommand } from '../../../arguments/cli/conformance';

function conformance(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = conformanceCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => '' });
  return { code, out, err };
}

function corpus(files: Record<string, string>, cases: unknown[], manifest: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'argmap-corpus-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const FILES = { 'chain.apx': 'arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n', 'cycle.tgf': '1\n2\n#\n1 2\n2 1\n' };
const CASES = [
  { id: 'chain', file: 'chain.apx', format: 'apx', args: ['a', 'b', 'c'], attacks: [['a', 'b'], ['b', 'c']] },
  { id: 'cycle', file: 'cycle.tgf', format: 'tgf' },
];

describe('npm run conformance', () => {
  it('runs every framework against the manifest and passes when all agree', () => {
    const dir = corpus(FILES, CASES, [{ id: 'chain', grounded: ['c', 'a'] }, { id: 'cycle', grounded: [] }]);
    expect(conformance(dir)).toEqual({ code: 0, out: ['2 passed, 0 failed'], err: [] });
  });

  it('prints one line per failure and exits 1', () => {
    const dir = corpus(
      { ...FILES, 'bad.apx': 'arg(a)\n' },
      [...CASES, { id: 'bad', file: 'bad.apx', format: 'apx' }, { id: 'gone', file: 'gone.apx', format: 'apx' }, { id: 'typed', file: 'chain.apx', format: 'apx', args: ['a'], attacks: [] }, { file: 'x' }],
      [{ id: 'chain', grounded: ['a'] }, { id: 'cycle', grounded: [] }, { id: 'bad', grounded: [] }, { id: 'gone', grounded: [] }, { id: 'typed', grounded: ['a', 'c'] }],
    );
    const r = conformance(dir);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'FAIL chain: grounded {a, c}, expected {a}; not expected {c}',
      'FAIL bad: bad.apx: line 1: arg(a) needs a full stop after it, found the end of the file.',
      'FAIL gone: gone.apx cannot be read (ENOENT).',
      'FAIL typed: chain.apx is not the framework cases.json types out for it.',
      'FAIL cases.json[5]: a case needs an id, a file and a format (apx or tgf).',
      '1 passed, 5 failed',
    ]);
  });

  it('fails a case the manifest does not answer', () => {
    const r = conformance(corpus(FILES, CASES, [{ id: 'chain', grounded: ['a', 'c'] }]));
    expect(r).toEqual({ code: 1, out: ['FAIL cycle: manifest.json gives no grounded answer for it.', '1 passed, 1 failed'], err: [] });
  });

  it('skips with one line when the folder is absent', () => {
    const missing = join(tmpdir(), 'no-such-corpus-folder');
    expect(conformance(missing)).toEqual({ code: 0, out: [`conformance: skipped, no corpus folder at ${missing}.`], err: [] });
  });

  it('says what is wrong with a folder that is not a corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'argmap-corpus-'));
    expect(conformance(dir)).toEqual({ code: 2, out: [], err: [`conformance: ${join(dir, 'cases.json')} is missing; a corpus folder holds cases.json and manifest.json.`] });
    writeFileSync(join(dir, 'cases.json'), '{');
    writeFileSync(join(dir, 'manifest.json'), '[]');
    expect(conformance(dir).err[0]).toMatch(/^conformance: .*cases\.json is not valid JSON \(/);
    expect(conformance(dir, dir).code).toBe(2);
  });
});
