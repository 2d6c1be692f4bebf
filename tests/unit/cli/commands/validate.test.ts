// `argmap validate` on maps and on figures: a figure exported by `argmap export` (SVG, PNG, PDF)
// is told by its content and the map it carries is checked; what is wrong with a figure is said
// in the exporter's words; a hostile id or title prints one line.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectRefusal, fifo, SHIPPED, type Cli } from '../helpers';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('validate', 120_000);
});
afterAll(() => cli.remove());

const TITLE = `"Stalin's letter to Gottwald, 27 August 1950: the analyst's argument"`;

describe('argmap validate on figures', () => {
  for (const format of ['svg', 'png', 'pdf'] as const)
    it(`recognises a ${format.toUpperCase()} figure made by argmap export and validates the map it carries`, () => {
      const figure = `${cli.dir}/figure-${format}.${format === 'png' ? 'bin' : format}`;
      const made = cli.argmap('export', SHIPPED, '--format', format, '--out', figure);
      expect(made.code, made.err).toBe(0);
      const r = cli.argmap('validate', figure);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe(`${figure}: ${format.toUpperCase()} figure carrying a valid map ${TITLE} (39 nodes, 40 relations, 4 sources)\n`);
    });

  it('says what is wrong with a figure that carries no map, in the exporter’s words', () => {
    const plain = cli.file('drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expectRefusal(cli.argmap('validate', plain), /drawing\.svg: This SVG carries no argument map/, 1);
  });

  it('checks the map a figure carries like any map', () => {
    const svg = `${cli.dir}/carried.svg`;
    expect(cli.argmap('export', SHIPPED, '--out', svg).code).toBe(0);
    // An SVG's map is in its metadata as text: break one relation's target there.
    const text = readFileSync(svg, 'utf8');
    const broken = cli.file('broken-carried.svg', text.replace('"to": "T"', '"to": "ghost"'));
    expect(readFileSync(broken, 'utf8')).not.toBe(text);
    expectRefusal(cli.argmap('validate', broken), /broken-carried\.svg: relations\[\d+\]\.to: .*"ghost", which is not a node in this map/, 1);
  });
});

describe('argmap validate prints user strings safely', () => {
  it('an id holding a newline in a hand-made map prints one line only', () => {
    const m = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    m.nodes[0].id = 'E1\nfake.argmap.json: valid map "x" (1 nodes, 0 relations, 0 sources)';
    const r = cli.argmap('validate', cli.file('newline-id.argmap.json', JSON.stringify(m)));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^.*newline-id\.argmap\.json: nodes\[0\]\.id: .*E1\\nfake\.argmap\.json/);
  });

  it('a title with a newline and an escape sequence, and a file name with a newline', () => {
    const m = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    m.meta.title = 'Title\nx.json: valid map \u001b[2J';
    let r = cli.argmap('validate', cli.file('hostile-title.argmap.json', JSON.stringify(m)));
    expect(r.code, r.err).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    expect(r.out).toContain('valid map "Title\\nx.json: valid map \\u001b[2J" (39 nodes');
    r = cli.argmap('validate', 'no\nsuch.argmap.json');
    expectRefusal(r, /^"no\\nsuch\.argmap\.json": no such file\.$/, 2);
  });
});

describe('argmap validate refuses what is not a regular file, at once', () => {
  it('a FIFO with no writer', () => {
    const r = cli.argmap('validate', fifo(cli.dir, 'map.fifo'));
    expectRefusal(r, /map\.fifo is a named pipe \(FIFO\), not a map file or a figure; Argument Atlas reads regular files only\.$/, 2);
  });

  it('a folder, a dangling link', () => {
    expectRefusal(cli.argmap('validate', cli.dir), /is a folder, not a map file or a figure\.$/, 2);
    symlinkSync(join(cli.dir, 'moved-away.argmap.json'), join(cli.dir, 'old-link.argmap.json'));
    expectRefusal(cli.argmap('validate', join(cli.dir, 'old-link.argmap.json')), /old-link\.argmap\.json is a link to ".*moved-away\.argmap\.json", which does not exist\.$/, 2);
  });
});
