// `argmap export MAP --format html` as a user runs it: the bundled CLI, real files; the handout
// written (beside the map unless --out says), the worksheet, and what is refused.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
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
    expectRefusal(cli.argmap('export', SHIPPED, '--out', 'no.svg', '--worksheet', 'counters'), /^argmap export: --worksheet applies to the HTML handout only \(--format html\)\.$/);
    expect(existsSync(join(cli.dir, 'no.html'))).toBe(false);
    expect(existsSync(join(cli.dir, 'no.svg'))).toBe(false);
  });

  it('is in argmap help', () => {
    const r = cli.argmap('help');
    expect(r.out).toContain('export FILE --format html [--out PATH] [--worksheet ID,ID|counters]');
  });
});
