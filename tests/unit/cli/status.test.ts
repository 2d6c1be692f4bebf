// `argmap status`: a map's labels and reasons, an abstract framework's grounded extension,
// and worded refusals, run in this process on real files.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../arguments/cli/argmap';
import { statusCommand } from '../../../arguments/cli/status';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory } from '../../../arguments/history';
import * as ops from '../../../arguments/operations';

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

describe('argmap status reads the evaluations saved in the file', () => {
  /** The shipped map with some evaluations set, as the editor would save it. */
  function judged(name: string, ...judgements: Parameters<typeof ops.setEvaluation>[]): string {
    const r = loadMap(readFileSync(shipped, 'utf8'));
    if (!r.ok) throw new Error('the shipped map does not load');
    let h = createHistory(r.map);
    for (const j of judgements) {
      const c = commit(h, ops.setEvaluation(...j));
      if (!c.ok) throw new Error(c.reason);
      h = c.history;
    }
    return file(name, serializeMap(h.present));
  }

  it('the analyst rejecting the objection O7 gives C4 back; the tally counts the evaluation', () => {
    const path = judged('o7.argmap.json', ['O7', 'analyst', 'reject', 'The letter answers it.']);
    const json = JSON.parse(status(path, '--json').out) as { nodes: Record<string, { label: string; reason: string }> };
    expect(json.nodes.O7?.label).toBe('falls');
    expect(json.nodes.C4?.label).toBe('stands');
    expect(status(path).out.split('\n').at(-1)).toMatch(/\(every voice counted; 1 evaluation counted\)$/);
  });

  it('with --voices, only the counted judges’ evaluations count; a judge who wrote no node is a voice', () => {
    const path = judged('student.argmap.json', ['O7', 'student', 'reject']);
    const withStudent = JSON.parse(status(path, '--json', '--voices', 'analyst,critic,student').out) as { nodes: Record<string, { label: string }> };
    expect(withStudent.nodes.C4?.label).toBe('stands');
    const without = JSON.parse(status(path, '--json', '--voices', 'analyst,critic').out) as { nodes: Record<string, { label: string }> };
    expect(without.nodes.C4?.label).toBe('falls');
    expect(status(path, '--voices', 'analyst,critic').out.split('\n').at(-1)).toMatch(/; 0 evaluations counted \(1 by judges left out\)\)$/);
  });

  it('an evaluation naming an id the map lacks is reported on stderr and ignored; the labels still come', () => {
    const map = JSON.parse(readFileSync(shipped, 'utf8'));
    map.evaluations = [{ id: 'ev1', target: 'ghost', by: 'critic', verdict: 'reject' }];
    const path = file('ghost.argmap.json', JSON.stringify(map));
    const r = status(path);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${path}: An evaluation by critic judges "ghost", which is neither a node nor a relation of this map; it was ignored.`);
    expect(r.out.split('\n')).toHaveLength(39 + 2);
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
