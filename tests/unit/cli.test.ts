// The argmap CLI as a user runs it: a real process, real files, exit codes and output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, truncateSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const shipped = join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json');
let dir: string;

function argmap(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/argmap.cjs'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argmap-cli-'));
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});

describe('argmap validate', () => {
  it('accepts the shipped map', () => {
    const r = argmap('validate', shipped);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid map .* \(39 nodes, 40 relations, 4 sources\)/);
  });

  const good = () => JSON.parse(readFileSync(shipped, 'utf8'));
  const cases: [string, () => string, RegExp][] = [
    ['missing file', () => join(dir, 'nope.argmap.json'), /no such file/],
    ['a folder', () => (mkdirSync(join(dir, 'folder.argmap.json'), { recursive: true }), join(dir, 'folder.argmap.json')), /is a folder/],
    ['empty', () => file('empty.argmap.json', ''), /The file is empty/],
    ['not JSON', () => file('notjson.argmap.json', 'My map: Stalin and Gottwald\n'), /not valid JSON at line 1, column 1/],
    ['binary', () => file('binary.argmap.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0, 0])), /binary data/],
    // Told by its content: a PNG named like a map is a figure, checked for the map it carries.
    ['a PNG that is no figure', () => file('picture.argmap.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /picture\.argmap\.json: The PNG file has no header/],
    ['truncated', () => file('truncated.argmap.json', readFileSync(shipped, 'utf8').slice(0, 5000)), /cut off/],
    ['wrong format', () => file('other.json', JSON.stringify({ type: 'excalidraw', version: 2, elements: [] })), /not an Argument Atlas map/],
    ['newer version', () => file('newer.argmap.json', JSON.stringify({ ...good(), version: 7 })), /newer version of Argument Atlas \(file format 7\)/],
    ['dangling relation', () => { const m = good(); m.relations[0].to = 'ghost'; return file('dangling.argmap.json', JSON.stringify(m)); }, /relations\[0\]\.to: Relation ".*" supports "ghost", which is not a node in this map/],
    ['duplicate ids', () => { const m = good(); m.nodes[1].id = m.nodes[0].id; return file('dup.argmap.json', JSON.stringify(m)); }, /is used twice/],
    ['50 MB file', () => { const p = join(dir, 'huge.argmap.json'); closeSync(openSync(p, 'w')); truncateSync(p, 50 * 1024 * 1024); return p; }, /50\.0 MB; Argument Atlas opens maps of up to 32\.0 MB/],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name} with one clear line and a non-zero exit, no stack trace`, () => {
      const r = argmap('validate', make());
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at |Error:|node:internal/);
      expect(r.out).toBe('');
    });
  }

  it('prints one line per problem', () => {
    const m = good();
    m.nodes[0].kind = 'claimm';
    m.nodes[1].text = 42;
    const r = argmap('validate', file('two.argmap.json', JSON.stringify(m)));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(2);
  });
});

describe('argmap audit', () => {
  it('--json lists every quotation with status, source and, for altered ones, the closest passage', () => {
    const r = argmap('audit', shipped, '--json');
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out) as { quote: string; status: string; source: string; kind: string; passage?: { text: string } }[];
    expect(findings.filter((f) => f.kind === 'evidence').every((f) => f.status === 'verbatim')).toBe(true);
    const article = findings.filter((f) => f.kind === 'quotation');
    expect(article.map((f) => f.status)).toEqual(['altered', 'interpolated', 'verbatim', 'altered', 'normalized']);
    expect(article[0]!.passage!.text).toContain('give American government a free hand to gain the majority vote');
    expect(article[3]!.passage!.text).toContain('pull China into the struggle for the liberation of Korea');
  });

  it('prints a readable table with a summary', () => {
    const r = argmap('audit', shipped);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^STATUS\s+WHERE\s+SOURCE\s+QUOTE/);
    expect(r.out).toMatch(/31 quotations: 27 verbatim, 2 altered, 1 interpolated, 1 normalized/);
  });

  it('exits 1 when an evidence quote is not in its source', () => {
    const m = JSON.parse(readFileSync(shipped, 'utf8'));
    const e = m.nodes.find((n: { id: string }) => n.id === 'E1b');
    e.quote.exact = 'I believe that we have achieved none of these goals.';
    const r = argmap('audit', file('bad-quote.argmap.json', JSON.stringify(m)));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not-found\s+node E1b/);
  });
});

describe('argmap new', () => {
  it('writes a blank map that validates, and will not overwrite without --force', () => {
    const p = join(dir, 'blank.argmap.json');
    expect(argmap('new', p, '--title', 'Seminar 3').code).toBe(0);
    expect(JSON.parse(readFileSync(p, 'utf8')).meta.title).toBe('Seminar 3');
    expect(argmap('validate', p).code).toBe(0);
    const again = argmap('new', p);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; add --force/);
    expect(argmap('new', p, '--force').code).toBe(0);
  });

  it('explains usage on an unknown command', () => {
    const r = argmap('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "frobnicate"[\s\S]*Usage: argmap/);
  });
});
