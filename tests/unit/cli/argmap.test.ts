// The dispatcher: help lists every command from the one table; every command that reads a file
// refuses a FIFO at once (a real process, killed if it hangs); figures and maps are written
// atomically, and not at all on refusal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, USAGE } from '../../../arguments/cli/argmap';
import { COMMAND_USAGE } from '../../../arguments/cli/commands/usage';
import { cliCommands } from '../../../bench/node';
import { buildCli, expectRefusal, fifo, root, SHIPPED, type Cli } from './helpers';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('dispatch');
});
afterAll(() => cli.remove());

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: () => '2024-01-01T00:00:00.000Z' } };
};

describe('argmap help', () => {
  it('lists every command of the table, each on a line of its own', () => {
    const r = cli.argmap('help');
    expect(r.code).toBe(0);
    expect(r.out.trimEnd()).toBe(USAGE);
    const listed = [...r.out.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(Object.keys(COMMAND_USAGE)));
    for (const sub of ['source add MAP FILE', 'source list MAP', 'source remove MAP ID']) expect(r.out).toContain(`  ${sub}`);
  });

  it('gives one command’s usage, and --help after a command', () => {
    const h = io();
    expect(run(['help', 'cite'], h.io)).toBe(0);
    expect(h.out.join('\n')).toMatch(/^Usage: argmap cite MAP \[--style chicago-note\|chicago-bib\]/);
    expect(cli.argmap('import-bib', '--help').out).toMatch(/^Usage: argmap import-bib MAP/);
    expectRefusal(cli.argmap('help', 'frobnicate'), /^argmap help: there is no command frobnicate\./, 2);
  });

  it('the bench finds the commands the same way', () => {
    // The test's own bundle: tests/unit/cli.test.ts rebuilds dist/argmap.cjs while others run.
    expect(new Set(cliCommands(root, cli.bundle))).toEqual(new Set(Object.keys(COMMAND_USAGE)));
  });

  it('is built with one launcher, CommonJS (what bin/argmap.cjs starts), and no other', () => {
    expect(cli.argmap('validate', SHIPPED).out).toMatch(/: valid map "Stalin/);
    expect(existsSync(cli.bundle.replace(/\.cjs$/, '.mjs'))).toBe(false);
    const other = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outfile', join(cli.dir, 'argmap.mjs')], { cwd: root, encoding: 'utf8' });
    expect({ code: other.status, err: other.stderr }).toEqual({ code: 2, err: `build-cli: --outfile ${join(cli.dir, 'argmap.mjs')} must end in .cjs: the launcher is a CommonJS module (bin/argmap.cjs runs dist/argmap.cjs).\n` });
    expect(readdirSync(cli.dir).filter((f) => f.startsWith('argmap'))).toEqual([]);
  });

  it('refuses an unknown command, quoting it', () => {
    expectRefusal(cli.argmap('frob\nnicate'), /^argmap: unknown command "frob\\nnicate"\.\n\nUsage: argmap/, 2);
  });
});

describe('every command that reads a file refuses a FIFO at once', () => {
  const commands: [string, (p: string) => string[], RegExp][] = [
    ['validate', (p) => ['validate', p], /not a map file or a figure/],
    ['audit', (p) => ['audit', p], /not a map file/],
    ['status', (p) => ['status', p], /not a map file/],
    ['export', (p) => ['export', p, '--out', join(cli.dir, 'never.svg')], /not a map file/],
    ['import', (p) => ['import', p], /not a figure/],
    ['source add (the map)', (p) => ['source', 'add', p, SHIPPED], /not a map file/],
    ['source add (the document)', (p) => ['source', 'add', join(cli.dir, 'for-fifo.argmap.json'), p], /not a document/],
    ['source add (--citation-json)', (p) => ['source', 'add', join(cli.dir, 'for-fifo.argmap.json'), SHIPPED, '--citation-json', p], /not a citation file/],
    ['source list', (p) => ['source', 'list', p], /not a map file/],
    ['source remove', (p) => ['source', 'remove', p, 'letter'], /not a map file/],
    ['cite', (p) => ['cite', p], /not a map file/],
    ['import-bib (the map)', (p) => ['import-bib', p, SHIPPED], /not a map file/],
    ['import-bib (the bibliography)', (p) => ['import-bib', join(cli.dir, 'for-fifo.argmap.json'), p], /not a bibliography/],
  ];
  beforeAll(() => {
    expect(cli.argmap('new', join(cli.dir, 'for-fifo.argmap.json')).code).toBe(0);
  });
  for (const [name, args, noun] of commands)
    it(name, () => {
      const pipe = fifo(cli.dir, `${name.replace(/\W+/g, '-')}.fifo`);
      const r = cli.argmap(...args(pipe));
      expectRefusal(r, /is a named pipe \(FIFO\)/, 2);
      expect(r.err).toMatch(noun);
      expect(r.ms).toBeLessThan(20_000);
    });
});

describe('writes are atomic and refused targets are left alone', () => {
  it('export replaces an earlier figure in one step and leaves no temporary file', () => {
    const dir = join(cli.dir, 'figures');
    mkdirSync(dir);
    const out = join(dir, 'figure.svg');
    writeFileSync(out, 'an earlier figure');
    expect(cli.argmap('export', SHIPPED, '--out', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml/);
    expect(readdirSync(dir)).toEqual(['figure.svg']);
  });

  it('export to a folder, a FIFO or a dangling link is refused before drawing, and nothing is written', () => {
    const dir = join(cli.dir, 'targets');
    mkdirSync(join(dir, 'folder.svg'), { recursive: true });
    expectRefusal(cli.argmap('export', SHIPPED, '--out', join(dir, 'folder.svg')), /folder\.svg is a folder; give the name of a file to write\.$/, 2);
    expectRefusal(cli.argmap('export', SHIPPED, '--out', fifo(dir, 'pipe.svg')), /pipe\.svg is a named pipe \(FIFO\), not a regular file; Argument Atlas writes regular files only/, 2);
    symlinkSync(join(dir, 'nowhere.svg'), join(dir, 'dangling.svg'));
    expectRefusal(cli.argmap('export', SHIPPED, '--out', join(dir, 'dangling.svg')), /dangling\.svg is a link to ".*nowhere\.svg", which does not exist/, 2);
    expect(readdirSync(dir).sort()).toEqual(['dangling.svg', 'folder.svg', 'pipe.svg']);
    expect(existsSync(join(dir, 'nowhere.svg'))).toBe(false);
  });

  it('new and import refuse to overwrite without --force, and write through a link to the file it names', () => {
    const target = join(cli.dir, 'real.argmap.json');
    writeFileSync(target, 'mine');
    symlinkSync(target, join(cli.dir, 'link.argmap.json'));
    expectRefusal(cli.argmap('new', join(cli.dir, 'link.argmap.json')), /link\.argmap\.json already exists; add --force to overwrite it\.$/, 2);
    expect(readFileSync(target, 'utf8')).toBe('mine');
    expect(cli.argmap('new', join(cli.dir, 'link.argmap.json'), '--force').code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).format).toBe('argument-atlas/argmap');
  });
});
