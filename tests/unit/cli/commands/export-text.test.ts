// `argmap export --format docx|md|tex|argdown|aif` and `argmap import FILE.argdown|FILE.json` as
// a user runs them: the bundled CLI, real files; what is written, what is said, what is refused.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { serializeMap } from '../../../../arguments/format/serialize';
import { pandoc, missingInOrder } from '../../outline/helpers';
import { buildCli, expectRefusal, SHIPPED, type Cli } from '../helpers';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('exchange');
});
afterAll(() => cli.remove());

const shipped = () => {
  const r = loadMap(readFileSync(SHIPPED));
  if (!r.ok) throw new Error('unloadable');
  return r.map;
};

describe('argmap export as prose', () => {
  it('writes a Word outline with footnotes Pandoc reads, and says what it wrote', () => {
    const r = cli.argmap('export', SHIPPED, '--out', 'paper.docx', '--status');
    expect(r.code, r.err).toBe(0);
    const said = /^paper\.docx: Word outline, 7 sections, (\d+) quotations, (\d+) notes, 4 bibliography entries, [\d.]+ KB$/.exec(r.out.trim());
    expect(said, r.out).not.toBeNull();
    expect(Number(said![1])).toBeGreaterThanOrEqual(26);
    expect(said![2]).toBe(said![1]);
    const text = pandoc(readFileSync(join(cli.dir, 'paper.docx')), 'docx');
    expect(missingInOrder(text, ['Thesis', 'Claim 1', 'Objections and replies', 'Dialectical status (every voice counted)', 'Claim 4', 'Bibliography', 'Stalin to Gottwald, August 27, 1950, ll. 71–72.'])).toBeNull();
  });

  it('writes Markdown, and LaTeX with its BibLaTeX file beside it', () => {
    expect(cli.argmap('export', SHIPPED, '--out', 'paper.md').code).toBe(0);
    expect(readFileSync(join(cli.dir, 'paper.md'), 'utf8')).toMatch(/^---\ntitle: /);
    const r = cli.argmap('export', SHIPPED, '--out', 'paper.tex');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('with the sources in paper.bib');
    expect(readFileSync(join(cli.dir, 'paper.tex'), 'utf8')).toContain('\\addbibresource{paper.bib}');
    expect(readFileSync(join(cli.dir, 'paper.bib'), 'utf8')).toMatch(/@letter\{letter,/);
  });

  it('refuses figure options for an outline, and --status for a figure', () => {
    expectRefusal(cli.argmap('export', SHIPPED, '--out', 'x.md', '--theme', 'print'), /^argmap export: --theme applies to figures \(svg, png, pdf\) only\.$/, 2);
    expectRefusal(cli.argmap('export', SHIPPED, '--out', 'x.svg', '--status'), /^argmap export: --status applies to outlines \(docx, md, tex\) only\.$/, 2);
    expect(existsSync(join(cli.dir, 'x.md'))).toBe(false);
  });
});

describe('argmap export and import of Argdown and AIF', () => {
  it('round-trips the shipped map through Argdown, naming on standard error what Argdown does not read', () => {
    const ex = cli.argmap('export', SHIPPED, '--out', 'map.argdown');
    expect(ex.code, ex.err).toBe(0);
    expect(ex.out).toMatch(/^map\.argdown: Argdown, 39 statements, 40 relations, /);
    expect(ex.err).toMatch(/^not carried: Caveats \(qualifies\)/m);
    const im = cli.argmap('import', 'map.argdown', '--out', 'back.argmap.json');
    expect(im.code, im.err).toBe(0);
    expect(im.out.trim()).toBe('back.argmap.json: map "Stalin\'s letter to Gottwald, 27 August 1950: the analyst\'s argument" (39 nodes, 40 relations, 4 sources) from Argdown file map.argdown');
    expect(readFileSync(join(cli.dir, 'back.argmap.json'), 'utf8')).toBe(serializeMap(shipped()));
  });

  it('exports AIF (.aif.json) and imports it, recognised by its content', () => {
    const ex = cli.argmap('export', SHIPPED, '--out', 'map.aif.json');
    expect(ex.code, ex.err).toBe(0);
    expect(ex.err).toMatch(/^not carried: Kinds of node are not in AIF/m);
    const im = cli.argmap('import', 'map.aif.json', '--out', 'aif.argmap.json');
    expect(im.code, im.err).toBe(0);
    expect(im.out).toMatch(/\(39 nodes, 38 relations, 0 sources\) from AIF file map\.aif\.json/);
  });

  it('refuses an Argdown syntax error with line and column, writing nothing', () => {
    cli.file('bad.argdown', '[A]: Eins.\n  <+ [B]: Zwei.\n <- ((\n');
    expectRefusal(cli.argmap('import', 'bad.argdown', '--out', 'bad.argmap.json'), /^bad\.argdown: line 3, column 1: /, 1);
    expect(existsSync(join(cli.dir, 'bad.argmap.json'))).toBe(false);
  });

  it('refuses an AIF file with a dangling edge, writing nothing', () => {
    cli.file('bad.json', JSON.stringify({ nodes: [{ nodeID: '1', type: 'I', text: 'A' }], edges: [{ edgeID: 1, fromID: '1', toID: '2' }] }));
    expectRefusal(cli.argmap('import', 'bad.json', '--out', 'bad2.argmap.json'), /^bad\.json: Edge 1 runs to "2", which is not a node of the file\.$|^bad\.json: Edge "1" runs to "2", which is not a node of the file\.$/, 1);
    expect(existsSync(join(cli.dir, 'bad2.argmap.json'))).toBe(false);
  });
});
