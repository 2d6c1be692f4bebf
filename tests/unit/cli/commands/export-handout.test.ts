// `argmap export MAP --format html` and `--format handout-pdf` as a user runs them: the bundled
// CLI, real files; the handout written (beside the map unless --out says), the worksheet, and
// what is refused.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectRefusal, SHIPPED, type Cli } from '../helpers';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('handout', 60_000);
});
afterAll(() => cli.remove());

describe('argmap export --format html', () => {
  it('writes one self-contained handout and says what is in it', () => {
    const r = cli.argmap('export', SHIPPED, '--format', 'html', '--out', 'seminar.html');
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toMatch(/^seminar\.html: HTML handout, 39 nodes in \d+ steps, 4 sources, [\d.]+ MB$/);
    const html = readFileSync(join(cli.dir, 'seminar.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-`);
    expect(html).toContain('src:url(data:font/ttf;base64,');
    expect(html).toContain('id="node-T"');
  });

  it('takes the format from an .html name, and writes beside the map without --out', () => {
    expect(cli.argmap('export', SHIPPED, '--out', 'by-name.html').code).toBe(0);
    expect(readFileSync(join(cli.dir, 'by-name.html'), 'utf8')).toContain('<html lang="en">');
    const map = join(cli.dir, 'class.argmap.json');
    copyFileSync(SHIPPED, map);
    const r = cli.argmap('export', 'class.argmap.json', '--format', 'html');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^class\.html: HTML handout/);
    expect(existsSync(join(cli.dir, 'class.html'))).toBe(true);
  });

  it('writes a worksheet with the counter-considerations, or the nodes named, left blank', () => {
    const r = cli.argmap('export', SHIPPED, '--format', 'html', '--out', 'sheet.html', '--worksheet', 'counters');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^sheet\.html: HTML worksheet \(10 nodes left blank\), 39 nodes/);
    const named = cli.argmap('export', SHIPPED, '--out', 'two.html', '--worksheet', 'C1,O7');
    expect(named.code, named.err).toBe(0);
    expect(named.out).toMatch(/\(2 nodes left blank\)/);
    const html = readFileSync(join(cli.dir, 'two.html'), 'utf8');
    // O7's own words: in the handout, not in the worksheet that blanks it.
    expect(html).not.toContain('presumes a future war');
    expect(readFileSync(join(cli.dir, 'seminar.html'), 'utf8')).toContain('presumes a future war');
  });

  it('refuses unknown worksheet nodes, figure options, and --worksheet for other formats, writing nothing', () => {
    expectRefusal(cli.argmap('export', SHIPPED, '--format', 'html', '--out', 'no.html', '--worksheet', 'C1,nope'), /^argmap export: The worksheet names a node the map does not have: nope\. /);
    expectRefusal(cli.argmap('export', SHIPPED, '--format', 'html', '--out', 'no.html', '--theme', 'screen'), /^argmap export: --theme does not apply to the HTML handout \(it takes --out and --worksheet\)\.$/);
    expectRefusal(cli.argmap('export', SHIPPED, '--out', 'no.svg', '--worksheet', 'counters'), /^argmap export: --worksheet applies to handouts only \(--format html or handout-pdf\)\.$/);
    expect(existsSync(join(cli.dir, 'no.html'))).toBe(false);
    expect(existsSync(join(cli.dir, 'no.svg'))).toBe(false);
  });

  it('is in argmap help', () => {
    const r = cli.argmap('help');
    expect(r.out).toContain('export FILE --format html [--out PATH] [--worksheet ID,ID|counters]');
  });
});

/** The number of pages and the text of the last one, as pdf.js reads the file. */
async function readPdf(path: string): Promise<{ pages: number; text: string[] }> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), disableFontFace: true }).promise;
  const text: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) text.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

describe('argmap export --format handout-pdf', () => {
  it('writes a page per step beside the map by default and says what is in it', async () => {
    const map = join(cli.dir, 'lesson.argmap.json');
    copyFileSync(SHIPPED, map);
    const r = cli.argmap('export', 'lesson.argmap.json', '--format', 'handout-pdf');
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toMatch(/^lesson\.handout\.pdf: PDF handout, a page per step \(20 steps\) and the bibliography, 21 pages, 26 notes, [\d.]+ MB$/);
    const pdf = await readPdf(join(cli.dir, 'lesson.handout.pdf'));
    expect(pdf.pages).toBe(21);
    expect(pdf.text[0]).toContain('Step 1 of 20');
    expect(pdf.text[20]).toMatch(/^Bibliography /);
  });

  it('writes a page per claim, and a worksheet', async () => {
    const r = cli.argmap('export', SHIPPED, '--format', 'handout-pdf', '--per', 'claim', '--worksheet', 'O7', '--out', 'claims.pdf');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^claims\.pdf: PDF worksheet \(1 node left blank\), a page per claim \(7 sections: the thesis and each claim\) and the bibliography, \d+ pages/);
    const pdf = await readPdf(join(cli.dir, 'claims.pdf'));
    expect(pdf.text.join(' ')).toContain('Section 7 of 7');
    expect(pdf.text.join(' ')).not.toContain('presumes a future war');
  });

  it('refuses a bad --per, options it does not take, unknown worksheet nodes and a map with no claims, writing nothing', () => {
    expectRefusal(cli.argmap('export', SHIPPED, '--format', 'handout-pdf', '--out', 'no.pdf', '--per', 'page'), /^argmap export: --per must be one of step, claim \(got "page"\)\.$/);
    expectRefusal(cli.argmap('export', SHIPPED, '--format', 'handout-pdf', '--out', 'no.pdf', '--theme', 'screen'), /^argmap export: --theme does not apply to the PDF handout \(it takes --out, --per and --worksheet\)\.$/);
    expectRefusal(cli.argmap('export', SHIPPED, '--format', 'handout-pdf', '--out', 'no.pdf', '--worksheet', 'nope'), /^argmap export: The worksheet names a node the map does not have: nope\. /);
    expectRefusal(cli.argmap('export', SHIPPED, '--format', 'pdf', '--out', 'no.pdf', '--per', 'claim'), /^argmap export: --per applies to the PDF handout only \(--format handout-pdf\)\.$/);
    const bare = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { nodes: Record<string, { kind: string }> };
    for (const n of Object.values(bare.nodes)) if (n.kind === 'thesis' || n.kind === 'claim') n.kind = 'premise';
    cli.file('bare.argmap.json', JSON.stringify(bare));
    expectRefusal(cli.argmap('export', 'bare.argmap.json', '--format', 'handout-pdf', '--out', 'no.pdf'), /^argmap export: The map has no thesis or claim, so a handout would have nothing to present: add a thesis or a claim first\.$/);
    expect(existsSync(join(cli.dir, 'no.pdf'))).toBe(false);
  });

  it('is in argmap help', () => {
    expect(cli.argmap('help').out).toContain('export FILE --format handout-pdf [--out PATH] [--per step|claim]');
  });
});
