// `argmap status`: a map's labels and reasons, an abstract framework's grounded extension,
// and worded refusals, run in this process on real files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../arguments/cli/argmap';
import { statusCommand } from '../../../arguments/cli/status';

const shipped = new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url).pathname;
let dir: string;

function status(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = statusCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => '2024-01-01T00:00:00.000Z' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argmap-status-'));
});

describe('argmap status on a map', () => {
  it('prints one line per node, thesis first, with its reason, and a tally', () => {
    const r = status(shipped);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(39 + 2);
    expect(lines[0]).toBe('T    stands: supported by C2 (claim, which stands) and P0b (premise, which stands)');
    expect(lines[1]).toBe('C1   falls: no basis: the support from P1a and P1b together is undercut by O1, which stands, and fails because P1a falls  [caveat: K1]');
    expect(lines.map((l) => l.split(' ')[0])).toEqual([
      'T', 'C1', 'C2', 'C2a', 'C3', 'C3a', 'C4', 'P0', 'P0b', 'P1a', 'P1b', 'P3a', 'P4a',
      'E0a', 'E0b', 'E0c', 'E0d', 'E1a', 'E1b', 'E1c', 'E1d', 'E2a', 'E2b', 'E3a', 'E3b', 'E3c', 'E4a', 'E5',
      'K1', 'O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'TN1', 'TN2', '', '39',
    ]);
    expect(lines[40]).toBe('39 nodes: 33 stand, 6 fall, 0 open (every voice counted)');
  });

  it('--voices counts only those voices, and says what was left out', () => {
    const r = status(shipped, '--voices', 'analyst');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[1]).toBe('C1   stands: supported by P1a and P1b together  [caveat: K1]');
    expect(lines.at(-1)).toBe('27 nodes: 27 stand, 0 fall, 0 open (voices counted: analyst; 12 nodes of other voices left out)');
    expect(status(shipped, '--voices=critic,analyst').out.split('\n').at(-1)).toBe('37 nodes: 31 stand, 6 fall, 0 open (voices counted: analyst and critic; 2 nodes of other voices left out)');
  });

  it('--json gives each node its label, reason and the ids it names', () => {
    const r = status(shipped, '--json', '--voices', 'analyst,critic');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { nodes: Record<string, { label: string; reason: string; because: string[]; caveats?: string[] }> };
    expect(Object.keys(json)).toEqual(['nodes']);
    expect(Object.keys(json.nodes).slice(0, 5)).toEqual(['T', 'C1', 'C2', 'C2a', 'C3']);
    expect(json.nodes.C4).toEqual({ label: 'falls', reason: 'falls: opposed by O7, which stands', because: ['O7'] });
    expect(json.nodes.C1).toEqual({
      label: 'falls',
      reason: 'falls: no basis: the support from P1a and P1b together is undercut by O1, which stands, and fails because P1a falls',
      because: ['O1', 'P1a'],
      caveats: ['K1'],
    });
    expect(new Set(Object.values(json.nodes).map((n) => n.label))).toEqual(new Set(['stands', 'falls']));
  });

  it('refuses a voice the map does not have, in words', () => {
    const r = status(shipped, '--voices', 'analyst,critc');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`argmap status: no node or relation of ${shipped} speaks in the voice "critc"; its voices are analyst, critic and translator.`);
    expect(status(shipped, '--voices').err).toBe('argmap status: --voices needs a list of voices, e.g. --voices analyst,critic.');
    expect(status(shipped, '--voices', ',').err).toBe('argmap status: --voices needs at least one voice, e.g. --voices analyst.');
  });

  it('refuses a wrong command line or a file it cannot read, in one line', () => {
    expect(status()).toMatchObject({ code: 2, err: 'argmap status: give exactly one FILE (a map, or an abstract framework .apx / .tgf).' });
    expect(status(shipped, '--jsn')).toMatchObject({ code: 2, err: 'argmap status: unknown option --jsn; the options are --voices LIST and --json.' });
    expect(status(join(dir, 'nope.argmap.json'))).toMatchObject({ code: 2, err: `${join(dir, 'nope.argmap.json')}: no such file.` });
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect(status(join(dir, 'folder'))).toMatchObject({ code: 2, err: `${join(dir, 'folder')} is a folder, not a map file.` });
    const broken = file('broken.argmap.json', '{"format": "argument-atlas/argmap", "version": 1');
    expect(status(broken)).toMatchObject({ code: 1, err: `${broken}: The file ends in the middle of the map: it looks cut off (an interrupted save or copy?).` });
  });
});

describe('argmap status on an abstract framework', () => {
  it('prints the grounded extension of an .apx file, or --json', () => {
    const apx = file('reinstatement.apx', '% a reinstates c\narg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n');
    expect(status(apx)).toEqual({ code: 0, out: `${apx}: abstract framework (apx), 3 arguments, 2 attacks\ngrounded extension (2): {a, c}`, err: '' });
    expect(status(apx, '--json')).toEqual({ code: 0, out: '{"grounded":["a","c"]}', err: '' });
  });

  it('reads .tgf, and recognises a framework by its content', () => {
    const tgf = file('cycle.tgf', '1\n2\n3\n10\n#\n1 2\n2 1\n3 10\n');
    expect(status(tgf, '--json').out).toBe('{"grounded":["3"]}');
    const txt = file('framework.txt', 'arg(x).\narg(y).\natt(x,y).\n');
    expect(status(txt, '--json').out).toBe('{"grounded":["x"]}');
    const empty = file('empty.tgf', '');
    expect(status(empty).out).toBe(`${empty}: abstract framework (tgf), 0 arguments, 0 attacks\ngrounded extension (0): {}`);
  });

  it('names the line of a malformed framework and exits 1', () => {
    const bad = file('bad.apx', 'arg(a).\narg(b)\natt(a,b).\natt(a,c).\n');
    const r = status(bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${bad}: line 2: arg(b) needs a full stop after it, found "att(a,b).".\n${bad}: line 4: the attack a → c names "c", which no arg(c). declares.`);
  });

  it('refuses --voices for a framework', () => {
    const apx = file('one.apx', 'arg(a).');
    expect(status(apx, '--voices', 'analyst')).toMatchObject({ code: 2, err: 'argmap status: --voices applies to maps; an abstract framework has no voices.' });
  });
});

describe('argmap status through the argmap command line', () => {
  it('is dispatched by run()', () => {
    const out: string[] = [];
    const code = run(['status', shipped, '--voices', 'analyst', '--json'], { out: (l) => out.push(l), err: () => {}, now: () => '' });
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).nodes.T.label).toBe('stands');
  });
});
