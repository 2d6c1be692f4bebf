// Whatever a map's texts hold, its figure is well-formed XML that shows them as text: no
// markup, no script, no event attribute, no URL, and the map comes back out unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf, renderPng } from '../../../arguments/cli/figures';
import { importFigure, mapJsonOfSvg } from '../../../arguments/export/embed';
import { renderFigure, type FigureOptions } from '../../../arguments/export/figure';
import { THEME_NAMES } from '../../../arguments/export/themes';
import { escapeXml, jsonAsXmlText, unescapeXml } from '../../../arguments/export/xml';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { MAX_TITLE_LENGTH } from '../../../arguments/limits';
import type { ArgumentMap } from '../../../arguments/model';
import { mapArb } from '../arbitraries';
import { HOSTILE, parseXmlStrict, shippedMap, tmp, tool, walk } from './helpers';

const ALLOWED = new Set(['svg', 'title', 'desc', 'metadata', 'aa:map', 'g', 'rect', 'path', 'text', 'tspan']);
const ALLOWED_ATTRS = new Set([
  'xmlns', 'xmlns:aa', 'version', 'width', 'height', 'viewBox', 'role', 'aria-labelledby', 'id', 'format', 'encoding', 'transform',
  'x', 'y', 'rx', 'd', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
]);

/** The shipped map with a hostile string in every text it has, and nodes enough for all of them. */
function hostileMap(): ArgumentMap {
  const map = structuredClone(shippedMap());
  const nodes = Object.values(map.nodes);
  nodes.forEach((n, i) => {
    n.text = HOSTILE[i % HOSTILE.length]!;
    n.title = HOSTILE[(i + 7) % HOSTILE.length];
    n.voice = HOSTILE[(i + 13) % HOSTILE.length];
    if (n.quote) n.quote = { ...n.quote, exact: HOSTILE[(i + 21) % HOSTILE.length] || 'x' };
  });
  HOSTILE.forEach((h, i) => {
    const id = `H${i}`;
    map.nodes[id] = { id, kind: (['claim', 'premise', 'counter', 'note', 'evidence', 'rebuttal', 'thesis'] as const)[i % 7]!, text: h, title: h, voice: h };
    map.view.positions[id] = { x: (i % 10) * 300, y: 1400 + Math.floor(i / 10) * 300 };
    map.relations[`rH${i}`] = { id: `rH${i}`, kind: (['supports', 'opposes', 'qualifies'] as const)[i % 3]!, from: [id], to: 'T', voice: h };
  });
  map.relations.rHu = { id: 'rHu', kind: 'undercuts', from: ['H0'], to: 'rH1' };
  // The map's title holds as many of them as a title can (arguments/limits.ts), its description all.
  map.meta = { ...map.meta, title: HOSTILE.join(' ').slice(0, MAX_TITLE_LENGTH), description: HOSTILE.join('\n') };
  Object.values(map.sources).forEach((s, i) => (s.text = HOSTILE[i]! + s.text));
  // Still a valid map: the figure's round trip must give it back exactly.
  const valid = loadMap(serializeMap(map));
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.map;
}

function assertSafe(svg: string): void {
  const doc = parseXmlStrict(svg);
  for (const e of walk(doc)) {
    expect(ALLOWED.has(e.name), `element <${e.name}>`).toBe(true);
    for (const [a, v] of Object.entries(e.attrs)) {
      expect(ALLOWED_ATTRS.has(a), `attribute ${a} on <${e.name}>`).toBe(true);
      expect(v).not.toMatch(/url\(|script:|data:|[<>]/i);
    }
  }
  expect(svg).not.toMatch(/<script|<foreignObject|<style|<image|<use\b|<a[\s>]|<!DOCTYPE|<!ENTITY|<!\[CDATA\[|<\?xml-stylesheet/i);
  expect(svg).not.toMatch(/\son\w+\s*=/i);
  expect(svg).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(svg).not.toMatch(/\shref\s*=\s*["']/i);
  expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u202a-\u202e\u2066-\u2069]/);
}

const ALL: FigureOptions = { theme: 'screen', scope: { kind: 'all' }, counters: true, voices: true, legend: true, caption: HOSTILE.join(' ') };

describe('a map of hostile strings', () => {
  const map = hostileMap();

  for (const theme of THEME_NAMES)
    it(`exports to well-formed SVG with none of them as markup (${theme} theme)`, async () => {
      const fig = renderFigure(map, { ...ALL, theme });
      assertSafe(fig.svg);
      // Every hostile string is drawn as text (bar what a figure cannot show: controls, bidi overrides).
      const drawn = [...walk(parseXmlStrict(fig.svg))].filter((e) => e.name === 'tspan').map((t) => t.children.join('')).join('').replace(/\s+/g, '');
      for (const h of ['<script>alert(1)</script>', '<svg onload=alert(1)>', ']]>', '<![CDATA[', '&amp;', '"\'&<>', 'javascript:alert(1)', 'Сталин'])
        expect(drawn).toContain(h.replace(/\s+/g, ''));
      const back = await importFigure(new TextEncoder().encode(fig.svg));
      expect(back.ok && back.map).toEqual(map);
    });

  it('exports to PNG and PDF as well, the strings as text, the map intact', async () => {
    const options = { ...ALL, scope: { kind: 'selection' as const, ids: HOSTILE.map((_, i) => `H${i}`).concat('T') } };
    const fig = renderFigure(map, options);
    const png = await renderPng(fig, 24);
    const fromPng = await importFigure(png);
    expect(fromPng.ok && fromPng.map).toEqual(map);
    const pdf = await renderPdf(fig, renderFigure(map, options, { embedMap: false }).svg, 'fit', map.meta.modified);
    const path = join(tmp('hostile'), 'hostile.pdf');
    writeFileSync(path, pdf);
    const text = tool('pdftotext', [path, '-']).replace(/\s+/g, '');
    for (const h of ['<script>alert(1)</script>', '<svgonload=alert(1)>', 'javascript:alert(1)', '"\'&<>', 'Сталин—«лагерьдемократии»']) expect(text).toContain(h);
    const back = await importFigure(pdf);
    expect(back.ok && back.map).toEqual(map);
  });

  it('breaks 5,000-character words to the node\u2019s width', () => {
    const fig = renderFigure(map, ALL);
    const node = fig.layout.nodes.find((n) => n.text?.lines.some((l) => l.text.startsWith('xxxxxxxx')))!;
    expect(node.text!.lines.length).toBeGreaterThan(50);
    for (const l of node.text!.lines) expect(l.width).toBeLessThanOrEqual(node.w);
  });
});

describe('escaping', () => {
  it('escapeXml output is always text, and unescapes to the input less what XML cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const doc = parseXmlStrict(`<t a="${escapeXml(s)}">${escapeXml(s)}</t>`);
        const expected = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
        expect(doc.attrs.a).toBe(expected);
        expect(doc.children.join('')).toBe(expected);
        expect(unescapeXml(escapeXml(s))).toBe(expected);
      }),
    );
  });

  it('jsonAsXmlText keeps every string of the JSON exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const json = JSON.stringify({ s, [s]: 1 });
        const text = jsonAsXmlText(json);
        expect(text).not.toMatch(/[<>&]/);
        expect(JSON.parse(unescapeXml(parseXmlStrict(`<m>${text}</m>`).children.join('')))).toEqual({ s, [s]: 1 });
      }),
    );
  });

  it('any valid map exports to well-formed, safe SVG that carries it exactly', async () => {
    await fc.assert(
      fc.asyncProperty(mapArb, fc.constantFrom(...THEME_NAMES), fc.boolean(), async (map, theme, legend) => {
        const fig = renderFigure(map, { theme, scope: { kind: 'all' }, counters: true, voices: true, legend, caption: map.meta.title, comments: true });
        assertSafe(fig.svg);
        expect(JSON.parse(mapJsonOfSvg(fig.svg)!)).toEqual(JSON.parse(serializeMap(map)));
        const back = await importFigure(new TextEncoder().encode(fig.svg));
        expect(back.ok && back.map).toEqual(map);
      }),
      { numRuns: Math.min(200, Number(process.env.FC_RUNS ?? 200)) },
    );
  });
});
