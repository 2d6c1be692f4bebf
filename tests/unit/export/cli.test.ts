// `argmap export` and `argmap import` as a Makefile runs them: the bundled CLI in a real
// process, real files, exit codes, one line per error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPdf, isPng, pngSize } from '../../../arguments/export/embed';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { renderUntiled } from '../../../arguments/cli/raster';
import { DEFAULT_FIGURE_OPTIONS, pixelSize, renderFigure } from '../../../arguments/export/figure';
import { decodePng, parseXmlStrict, root, SHIPPED_PATH, shippedMap, tmp, tool } from './helpers';

let dir: string;
// A bundle of its own (tests/unit/cli.test.ts rebuilds dist/argmap.cjs while this file runs).
let bundle: string;

function argmap(...args: string[]) {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd: dir });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8'), stdout: r.stdout };
}

beforeAll(async () => {
  await startFigureRouting();
  dir = tmp('cli');
  const buildDir = join(root, 'dist', 'test');
  mkdirSync(buildDir, { recursive: true });
  bundle = join(buildDir, `argmap-export-${process.pid}.cjs`);
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outfile', bundle], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});

afterAll(() => {
  rmSync(bundle, { force: true });
  rmSync(`${bundle}.map`, { force: true });
  rmSync(bundle.replace(/\.cjs$/, '-chunks'), { recursive: true, force: true });
});

describe('argmap export', () => {
  it('writes SVG, PNG and PDF figures of the shipped map, each importable back to the same map', () => {
    const original = readFileSync(SHIPPED_PATH, 'utf8');
    for (const format of ['svg', 'png', 'pdf']) {
      const out = join(dir, `map.${format}`);
      const r = argmap('export', SHIPPED_PATH, '--format', format, '--theme', 'print', '--out', out);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(new RegExp(`${format.toUpperCase()} figure`));
      const bytes = new Uint8Array(readFileSync(out));
      if (format === 'svg') parseXmlStrict(Buffer.from(bytes).toString('utf8'));
      if (format === 'png') expect(isPng(bytes)).toBe(true);
      if (format === 'pdf') expect(isPdf(bytes)).toBe(true);
      const back = join(dir, `back-${format}.argmap.json`);
      const i = argmap('import', out, '--out', back);
      expect(i.code, i.err).toBe(0);
      expect(readFileSync(back, 'utf8')).toBe(original);
    }
  });

  it('draws a PNG in bands whose pixels are those of the figure drawn in one piece', async () => {
    const png = join(dir, 'c2-96.png');
    const r = argmap('export', SHIPPED_PATH, '--out', png, '--scope', 'subtree:C2', '--dpi', '96');
    expect(r.code, r.err).toBe(0);
    const figure = renderFigure(shippedMap(), { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C2' } });
    const whole = decodePng(await renderUntiled(figure, 96));
    const written = decodePng(new Uint8Array(readFileSync(png)));
    expect([written.width, written.height]).toEqual([whole.width, whole.height]);
    expect(Buffer.from(written.rgba).equals(Buffer.from(whole.rgba))).toBe(true);
  });

  it('refuses a PNG too large to draw, naming its size in pixels, and leaves the old file as it was', () => {
    const png = join(dir, 'huge.png');
    writeFileSync(png, 'the old figure');
    const r = argmap('export', SHIPPED_PATH, '--out', png, '--dpi', '2400');
    expect(r.code).not.toBe(0);
    const fig = renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS);
    const px = pixelSize(fig, 2400);
    expect(r.err).toContain(`At 2400 DPI this figure would be ${px.width} × ${px.height} pixels`);
    expect(r.err).toMatch(/choose \d+ DPI or less, or export SVG or PDF\. Nothing was written\./);
    expect(readFileSync(png, 'utf8')).toBe('the old figure');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes the format from --out, and honours theme, scope, DPI, caption, legend and page', () => {
    const png = join(dir, 'c2.png');
    const r = argmap('export', SHIPPED_PATH, '--out', png, '--theme=compact', '--scope', 'claim:C2', '--dpi', '150', '--no-counters', '--no-voices', '--legend', '--caption', 'Figure 2. Claim 2.');
    expect(r.code, r.err).toBe(0);
    const size = pngSize(new Uint8Array(readFileSync(png)));
    expect(r.out).toContain(`${size.width} × ${size.height} pixels at 150 DPI`);
    const pdf = join(dir, 'a4.pdf');
    expect(argmap('export', SHIPPED_PATH, '--out', pdf, '--page', 'a4', '--caption', 'Рисунок 1. Письмо Сталина Готвальду').code).toBe(0);
    // The shipped map reads left to right in columns, taller than wide: an A4 page upright.
    expect(tool('pdfinfo', [pdf])).toContain('Page size:       595.28 x 841.89 pts');
    expect(tool('pdftotext', [pdf, '-'])).toContain('Рисунок 1. Письмо Сталина Готвальду');
  });

  it('draws what stands with --status-badges, counting the voices --voices names; --status stays the outlines\' option', () => {
    const badge = (svg: string, id: string) => new RegExp(`<g id="status-${id}">.*?<tspan[^>]*>([a-z]+)</tspan>`).exec(svg)?.[1];
    const both = join(dir, 'status-both.svg');
    const r = argmap('export', SHIPPED_PATH, '--out', both, '--status-badges', '--voices', 'analyst,critic');
    expect(r.code, r.err).toBe(0);
    const svg = readFileSync(both, 'utf8');
    expect(['T', 'C1', 'C2', 'C3', 'C4'].map((id) => badge(svg, id))).toEqual(['stands', 'falls', 'stands', 'falls', 'falls']);
    expect(svg).toContain('What stands counts the voices analyst, critic.');
    const analyst = join(dir, 'status-analyst.svg');
    expect(argmap('export', SHIPPED_PATH, '--status-badges', '--voices=analyst', '--out', analyst).code).toBe(0);
    expect(badge(readFileSync(analyst, 'utf8'), 'C1')).toBe('stands');
    // A bare --voices is still the flag that shows voice badges; without --status-badges, no badge.
    const plain = join(dir, 'status-none.svg');
    expect(argmap('export', SHIPPED_PATH, '--voices', '--out', plain).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).not.toContain('id="status-');
    expect(argmap('export', SHIPPED_PATH, '--out', join(dir, 'x.svg'), '--voices=critic').err).toMatch(/add --status-badges/);
    expect(argmap('export', SHIPPED_PATH, '--out', join(dir, 'x.svg'), '--status').err).toMatch(/--status applies to outlines/);
    expect(argmap('export', SHIPPED_PATH, '--out', join(dir, 'outline.md'), '--status').code).toBe(0);
  });

  it('overwrites an earlier figure (a Makefile rebuilds it)', () => {
    const out = join(dir, 'again.svg');
    writeFileSync(out, 'old');
    expect(argmap('export', SHIPPED_PATH, '--out', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml/);
  });

  const bad: [string, string[], number, RegExp][] = [
    ['no --out', [SHIPPED_PATH], 2, /--out PATH/],
    ['an unknown format', [SHIPPED_PATH, '--out', 'x.gif'], 2, /cannot tell the format/],
    ['a bad --format', [SHIPPED_PATH, '--out', 'x.svg', '--format', 'eps'], 2, /--format must be one of svg, png, pdf/],
    ['a bad --theme', [SHIPPED_PATH, '--out', 'x.svg', '--theme', 'dark'], 2, /--theme must be one of screen, print, compact/],
    ['a bad --dpi', [SHIPPED_PATH, '--out', 'x.png', '--dpi', 'lots'], 2, /--dpi must be a number/],
    ['--dpi for a vector format', [SHIPPED_PATH, '--out', 'x.svg', '--dpi', '300'], 2, /PNG figures only/],
    ['a bad --scope', [SHIPPED_PATH, '--out', 'x.svg', '--scope', 'most'], 2, /not one of: all, claim:ID/],
    ['a claim not in the map', [SHIPPED_PATH, '--out', 'x.svg', '--scope', 'claim:C9'], 2, /no node "C9"/],
    ['an unknown option', [SHIPPED_PATH, '--out', 'x.svg', '--colour'], 2, /unknown option --colour/],
    ['a missing map', ['nope.argmap.json', '--out', 'x.svg'], 2, /no such file/],
    ['a folder to write to', [SHIPPED_PATH, '--out', '.'], 2, /cannot tell the format|cannot be written/],
  ];
  for (const [name, args, code, message] of bad)
    it(`refuses ${name} with one clear line and exit ${code}`, () => {
      const r = argmap('export', ...args);
      expect(r.code).toBe(code);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at |node:internal/);
      expect(r.out).toBe('');
    });

  it('refuses an invalid map with exit 1', () => {
    const broken = join(dir, 'broken.argmap.json');
    writeFileSync(broken, readFileSync(SHIPPED_PATH, 'utf8').replace('"to": "T"', '"to": "ghost"'));
    const r = argmap('export', broken, '--out', join(dir, 'broken.svg'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/which is not a node in this map/);
    expect(existsSync(join(dir, 'broken.svg'))).toBe(false);
  });
});

describe('argmap import', () => {
  it('prints the map to standard output without --out', () => {
    const out = join(dir, 'stdout.svg');
    expect(argmap('export', SHIPPED_PATH, '--out', out).code).toBe(0);
    const r = argmap('import', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(SHIPPED_PATH, 'utf8'));
  });

  it('refuses to overwrite a map without --force', () => {
    const fig = join(dir, 'force.svg');
    const map = join(dir, 'exists.argmap.json');
    argmap('export', SHIPPED_PATH, '--out', fig);
    writeFileSync(map, 'mine');
    expect(argmap('import', fig, '--out', map).err).toMatch(/already exists; add --force/);
    expect(readFileSync(map, 'utf8')).toBe('mine');
    expect(argmap('import', fig, '--out', map, '--force').code).toBe(0);
  });

  it('says when a file is not a figure, or a figure without a map (exit 1)', () => {
    const plainSvg = join(dir, 'plain.svg');
    writeFileSync(plainSvg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    let r = argmap('import', plainSvg);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/This SVG carries no argument map/);
    r = argmap('import', SHIPPED_PATH);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a figure/);
    r = argmap('import', join(dir, 'missing.png'));
    expect(r.code).toBe(2);
  });
});
