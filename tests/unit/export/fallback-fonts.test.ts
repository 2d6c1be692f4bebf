// Fonts for every script, end to end: a map with Chinese, polytonic Greek and old Cyrillic
// nodes gives an SVG whose runs name the font that draws them, a PDF (the CLI's, in a real
// process) with subsets of Noto Serif SC and Noto Serif that poppler reads the text back from,
// and a PNG whose CJK is drawn, not boxes; a Latin-only PDF embeds no fallback font. A
// character no bundled font has is named with its node before the figure is written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontFile, resvgFontOptions } from '../../../arguments/cli/figures';
import { DEFAULT_FIGURE_OPTIONS, renderFigure } from '../../../arguments/export/figure';
import { measure } from '../../../arguments/export/metrics';
import { serializeMap } from '../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../arguments/model';
import { parseXmlStrict, root, SHIPPED_PATH, shippedMap, tmp, tool, type XmlElement } from './helpers';

const CHINESE = '毛澤東致斯大林';
const GREEK = 'τῶν ὅλων ἀρχή';
const CYRILLIC = 'Ѧ Ѫ ꙗ хлѣбъ';

function scriptsMap(): ArgumentMap {
  const map = shippedMap();
  map.nodes.C1!.title = `Mao Zedong ${CHINESE}`;
  map.nodes.C2!.title = `Polytonic ${GREEK}`;
  map.nodes.C3!.text = `Old Cyrillic ${CYRILLIC}`;
  return map;
}

let dir: string;
let bundle: string;
const argmap = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(() => {
  dir = tmp('fallback');
  const buildDir = join(root, 'dist', 'test');
  mkdirSync(buildDir, { recursive: true });
  bundle = join(buildDir, `argmap-fonts-${process.pid}.cjs`);
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outfile', bundle], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  writeFileSync(join(dir, 'scripts.argmap.json'), serializeMap(scriptsMap()));
});

afterAll(() => {
  rmSync(bundle, { force: true });
  rmSync(`${bundle}.map`, { force: true });
  rmSync(bundle.replace(/\.cjs$/, '-chunks'), { recursive: true, force: true });
});

function spans(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  if (el.name === 'tspan') out.push(el);
  for (const c of el.children) if (typeof c !== 'string') spans(c, out);
  return out;
}
const textOf = (el: XmlElement) => el.children.filter((c): c is string => typeof c === 'string').join('');

describe('SVG runs', () => {
  it('sets each run in the font that draws it, named on the tspan, placed at the measured x', () => {
    const fig = renderFigure(scriptsMap(), DEFAULT_FIGURE_OPTIONS);
    const all = spans(parseXmlStrict(fig.svg));
    const cjk = all.find((s) => textOf(s) === CHINESE)!;
    expect(cjk.attrs['font-family']).toMatch(/^'Noto Serif SC'/);
    const before = all[all.indexOf(cjk) - 1]!;
    expect(textOf(before)).toBe('Mao Zedong ');
    expect(before.attrs['font-family']).toBeUndefined(); // the text element's Source Serif 4
    expect(Number(cjk.attrs.x)).toBeCloseTo(Number(before.attrs.x) + measure('Mao Zedong ', 'bold', fig.theme.size.title), 1);
    const omega = all.find((s) => textOf(s).includes('ῶ'))!;
    expect(omega.attrs['font-family']).toMatch(/^'Noto Serif',/);
    expect(textOf(omega)).toBe('ῶ');
    expect(all.find((s) => textOf(s).includes('Ѧ'))!.attrs['font-family']).toMatch(/^'Noto Serif',/);
  });

  it('leaves Latin-only lines as one tspan, as before', () => {
    const svg = renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS).svg;
    expect(svg).not.toContain('Noto Serif');
  });
});

describe('PDF with fallback fonts (argmap export)', () => {
  it('embeds subsets of Noto Serif SC and Noto Serif, and pdftotext reads the Chinese, Greek and Cyrillic back', () => {
    const out = join(dir, 'scripts.pdf');
    const r = argmap('export', 'scripts.argmap.json', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const fonts = tool('pdffonts', [out]);
    for (const name of ['NotoSerifSC-Bold', 'NotoSerif-Bold', 'NotoSerif-Regular', 'SourceSerif4-Regular']) expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${name}\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes`));
    const text = tool('pdftotext', [out, '-']);
    for (const s of [CHINESE, GREEK, CYRILLIC]) expect(text).toContain(s);
    // Subsets: the two Noto Serif SC faces are 14.8 MB each; the PDF is a fraction of one.
    expect(statSync(out).size).toBeLessThan(400_000);
  });

  it('a Latin-only PDF embeds Source Serif 4 alone and stays small', () => {
    const out = join(dir, 'latin.pdf');
    expect(argmap('export', SHIPPED_PATH, '--out', out).code).toBe(0);
    const rows = tool('pdffonts', [out]).trim().split('\n').slice(2);
    expect(rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['SourceSerif4-Bold', 'SourceSerif4-Italic', 'SourceSerif4-Regular']);
    expect(statSync(out).size).toBeLessThan(200_000);
  });
});

describe('PNG with fallback fonts', () => {
  // Empty boxes are all alike: if two different ideographs render to the same pixels, they are tofu.
  const pixels = (title: string, withFallbacks: boolean) => {
    const map = shippedMap();
    map.nodes.C1!.title = title;
    const fig = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'selection', ids: ['C1'] } });
    const font = withFallbacks ? resvgFontOptions(fig.layout) : { ...resvgFontOptions(fig.layout), fontFiles: (['regular', 'italic', 'bold'] as const).map(fontFile) };
    return new Resvg(fig.svg, { font }).render().pixels;
  };
  const differing = (a: Uint8Array, b: Uint8Array) => {
    let n = 0;
    for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i]) n++;
    return n;
  };

  it('draws CJK with Noto Serif SC: different ideographs give different ink (without the fallback, the same boxes)', () => {
    expect(differing(pixels('中中中中', true), pixels('国国国国', true))).toBeGreaterThan(200);
    expect(differing(pixels('中中中中', false), pixels('国国国国', false))).toBe(0);
  });

  it('writes a PNG of a CJK node through the CLI', () => {
    const out = join(dir, 'c1.png');
    const r = argmap('export', 'scripts.argmap.json', '--scope', 'selection:C1', '--out', out, '--dpi', '96');
    expect(r.code, r.err).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('characters no bundled font has (argmap export)', () => {
  it('warns on stderr naming the node, and still writes the figure; --strict-glyphs refuses and writes nothing', () => {
    const map = shippedMap();
    map.nodes.C2!.title = 'Amulet \u{1F9FF}';
    map.nodes.C4!.text = 'Linear B \u{10000}';
    writeFileSync(join(dir, 'missing.argmap.json'), serializeMap(map));
    const out = join(dir, 'missing.svg');
    const r = argmap('export', 'missing.argmap.json', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('argmap export: warning: No bundled font has the character U+1F9FF \u{1F9FF} in node C2 (“Amulet \u{1F9FF}”)');
    expect(r.err).toMatch(/U\+10000 .* in node C4 /);
    expect(existsSync(out)).toBe(true);

    const strictOut = join(dir, 'strict.svg');
    const strict = argmap('export', 'missing.argmap.json', '--out', strictOut, '--strict-glyphs');
    expect(strict.code).not.toBe(0);
    expect(strict.err).toContain('in node C2');
    expect(strict.err).toContain('nothing written (--strict-glyphs)');
    expect(existsSync(strictOut)).toBe(false);
  });
});
