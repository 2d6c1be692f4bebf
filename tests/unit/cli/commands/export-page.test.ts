// `argmap export MAP --width … [--min-type …] [--detail …] [--set]` as a user runs it: page-ready
// figures and figure sets written as files, their printed size and smallest type read back from
// the PDF with poppler (pdftotext -bbox), and the refusals that write nothing.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../../../../arguments/export/embed';
import { tool } from '../../export/helpers';
import { buildCli, expectRefusal, SHIPPED, type Cli } from '../helpers';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('page', 180_000);
}, 180_000); // bundling the CLI takes more than the default 10 s on a busy machine
afterAll(() => cli.remove());

const PT_175MM = (175 / 25.4) * 72;
/** Source Serif 4's ascent + descent (1036 + 335 units of 1000): poppler's word box is this many em tall. */
const BOX_EM = 1.371;
/** pdftotext rounds its boxes to 1e-6 pt; the fonts' own vertical metrics may differ by a few units. */
const TOLERANCE_PT = 0.05;

/** Each page's width and the font size of each word (its bbox height over the font's box in em). */
function wordSizes(pdf: string): { pages: number[]; sizes: number[] } {
  const html = tool('pdftotext', ['-bbox', pdf, '-']);
  const pages = [...html.matchAll(/<page width="([\d.]+)"/g)].map((m) => Number(m[1]));
  const sizes = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => (Number(m[2]) - Number(m[1])) / BOX_EM);
  return { pages, sizes };
}

describe('argmap export --width --set', () => {
  it('writes the shipped map as an overview and Figures 2a–2d, PDFs 175 mm wide whose smallest word is 7 pt', () => {
    mkdirSync(join(cli.dir, 'set'));
    const r = cli.argmap('export', SHIPPED, '--width', '175mm', '--min-type', '7pt', '--set', '--figure-number', '2', '--out', 'set/figure.pdf');
    expect(r.code, r.err).toBe(0);
    const files = readdirSync(join(cli.dir, 'set')).sort();
    expect(files).toEqual([
      'stalin-gottwald-1950.figure-2.overview.print.pdf',
      'stalin-gottwald-1950.figure-2a.claim-1.print.pdf',
      'stalin-gottwald-1950.figure-2b.claim-2.print.pdf',
      'stalin-gottwald-1950.figure-2c.claim-3.print.pdf',
      'stalin-gottwald-1950.figure-2d.claim-4.print.pdf',
    ]);
    expect(r.out).toMatch(/figure-2a\.claim-1\.print\.pdf: Figure 2a, 175 × \d+ mm, smallest type 7\.\d pt/);
    // What is in no figure is named.
    expect(r.err).toMatch(/in none of the figures .*P0, P0b/);
    for (const f of files) {
      const { pages, sizes } = wordSizes(join(cli.dir, 'set', f));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toBeCloseTo(PT_175MM, 3);
      expect(sizes.length).toBeGreaterThan(20);
      expect(Math.min(...sizes), f).toBeGreaterThanOrEqual(7 - TOLERANCE_PT);
    }
  }, 180_000);

  it('--pages one writes the set as one PDF of five pages, each 175 mm wide', () => {
    const r = cli.argmap('export', SHIPPED, '--width', 'full-width', '--set', '--pages', 'one', '--out', 'all-figures.pdf');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/all-figures\.pdf: PDF of 5 pages, Figure 1 and Figure 1a–1d/);
    const { pages, sizes } = wordSizes(join(cli.dir, 'all-figures.pdf'));
    expect(pages).toHaveLength(5);
    for (const w of pages) expect(w).toBeCloseTo(PT_175MM, 3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7 - TOLERANCE_PT);
    expect(tool('pdfinfo', [join(cli.dir, 'all-figures.pdf')])).toMatch(/Pages:\s+5/);
  }, 180_000);

  it('writes one figure that fits as SVG sized in mm and as PNG at 600 DPI of its printed size', () => {
    const svg = cli.argmap('export', SHIPPED, '--width', '120mm', '--scope', 'claim:C2', '--out', 'c2.svg');
    expect(svg.code, svg.err).toBe(0);
    expect(svg.out).toMatch(/^c2\.svg: SVG figure, 120 × \d+ mm, smallest type 7\.\d pt \(full \(statements and quotations\), top down/);
    expect(readFileSync(join(cli.dir, 'c2.svg'), 'utf8')).toMatch(/<svg [^>]*width="120mm" height="[\d.]+mm" viewBox="0 0 \d+ \d+"/);
    const png = cli.argmap('export', SHIPPED, '--width', '120mm', '--scope', 'claim:C2', '--out', 'c2.png');
    expect(png.code, png.err).toBe(0);
    expect(pngSize(new Uint8Array(readFileSync(join(cli.dir, 'c2.png')))).width).toBe(Math.round((120 / 25.4) * 600));
    const titles = cli.argmap('export', SHIPPED, '--width', 'full-width', '--scope', 'claim:C2', '--detail', 'titles', '--out', 'c2-titles.svg');
    expect(titles.out).toMatch(/titles only/);
    // The drawing (after the map it carries in <metadata>) has no quotation.
    const drawn = readFileSync(join(cli.dir, 'c2-titles.svg'), 'utf8').split('</metadata>')[1]!;
    expect(drawn).toContain('Claim 2a: Europe first');
    expect(drawn).not.toContain('Therefore, the third');
  }, 180_000);
});

describe('argmap export --width refusals', () => {
  it('refuses a scope that does not fit, with the ways out, and writes nothing; --force writes it', () => {
    const r = cli.argmap('export', SHIPPED, '--width', '175mm', '--out', 'whole.pdf');
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('argmap export: The whole map does not fit 175 mm wide, at most 230 mm tall, with type of 7 pt or more, at any level of detail: even its cards alone would cover more than the page at that type size.');
    expect(lines).toContain('  A figure set fits: Figure 1a–1d with an overview, 5 figures (--set).');
    expect(lines[1]).toMatch(/^ {2}A smaller scope fits: Claim 1 \(--scope claim:C1\)/);
    expect(existsSync(join(cli.dir, 'whole.pdf'))).toBe(false);
    const forced = cli.argmap('export', SHIPPED, '--width', '175mm', '--force', '--out', 'whole.pdf');
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toMatch(/does not fit, written as asked \(--force\)/);
  }, 180_000);

  it('refuses a width of 10 mm, a type of 0 or 200 pt, a scope that selects nothing, and options that need --width or --set', () => {
    const cases: [string[], RegExp][] = [
      [['--width', '10mm'], /^argmap export: A figure 10 mm wide is too narrow to hold one legible card; give at least 40 mm/],
      [['--width', '175mm', '--min-type', '0'], /A smallest type of 0 pt cannot be: give a size from 4 to 24 pt/],
      [['--width', '175mm', '--min-type', '200pt'], /A smallest type of 200 pt cannot be/],
      [['--width', 'galley'], /The width “galley” is not a length/],
      [['--width', '175mm', '--scope', 'selection:O1', '--no-counters'], /The scope selects no node, so there is nothing to draw/],
      [['--width', '175mm', '--detail', 'most'], /--detail must be one of full, statements, titles/],
      [['--min-type', '7pt'], /--min-type applies to page-ready figures; give the printed width with --width/],
      [['--set'], /--set applies to page-ready figures/],
      [['--width', '175mm', '--pages', 'one'], /--pages applies to figure sets \(--set\) only/],
      [['--width', '175mm', '--set', '--pages', 'one', '--format', 'svg'], /--pages one writes one PDF/],
      [['--width', '175mm', '--set', '--scope', 'claim:C1'], /A figure set is made of the whole map/],
      [['--width', 'a4', '--page', 'a4'], /--width already sets its printed size/],
      [['--width', '175mm', '--set', '--figure-number', '0'], /--figure-number must be a whole number from 1 to 999/],
    ];
    for (const [args, message] of cases) {
      const r = cli.argmap('export', SHIPPED, ...args, '--out', 'refused.pdf');
      expectRefusal(r, message, 2);
      expect(existsSync(join(cli.dir, 'refused.pdf')), args.join(' ')).toBe(false);
    }
  }, 180_000);

  it('a map whose every node is 5,000 characters: the set says which figures fit, writes nothing, and does not hang', () => {
    const map = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    const words = 'the delegation proposed the draft resolution on grain deliveries without further delay ';
    for (const n of Object.values(map.nodes) as { text: string; title?: string }[]) {
      n.text = words.repeat(60).slice(0, 5000);
      if (n.title) n.title = n.text;
    }
    const file = cli.file('long.argmap.json', JSON.stringify(map));
    mkdirSync(join(cli.dir, 'long'));
    const r = cli.argmap('export', file, '--width', '175mm', '--set', '--out', 'long/figure.svg');
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^argmap export: the figure set does not fit: \d of 5 figures are too large; nothing was written\./);
    expect(r.err).toMatch(/These fit: Figure 1/);
    expect(r.err).toMatch(/the delegation proposed the draft… with what bears on it does not fit/);
    expect(readdirSync(join(cli.dir, 'long'))).toEqual([]);
  }, 180_000);
});
