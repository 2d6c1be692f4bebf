// The SVG figure of the shipped map: well-formed, standalone, only plain shapes and text,
// every node's text as <text>, and librsvg (rsvg-convert) draws it at the figure's size.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFigure, isPng, pngSize } from '../../../arguments/export/embed';
import { DEFAULT_FIGURE_OPTIONS, renderFigure, type FigureOptions } from '../../../arguments/export/figure';
import { THEME_NAMES } from '../../../arguments/export/themes';
import { kindLabel, quoteAttribution } from '../../../arguments/export/layout';
import { decodePng, parseXmlStrict, shippedMap, squash, textsIn, tmp, tool, walk, type XmlElement } from './helpers';

const map = shippedMap();
const ALLOWED = new Set(['svg', 'title', 'desc', 'metadata', 'aa:map', 'g', 'rect', 'path', 'text', 'tspan']);

function figure(options: Partial<FigureOptions> = {}) {
  return renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, ...options });
}

/** How many pixels carry ink (any channel under half), enough to tell a blank image. */
function inkedPixels(png: Uint8Array): { inked: number; total: number } {
  const { width, height, rgba } = decodePng(png);
  let inked = 0;
  for (let i = 0; i < rgba.length; i += 4) if (Math.min(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!) < 128) inked++;
  return { inked, total: width * height };
}

describe('SVG figure of the shipped map', () => {
  const fig = figure();
  const doc = parseXmlStrict(fig.svg);

  it('is a well-formed standalone SVG of plain shapes and text', () => {
    expect(doc.name).toBe('svg');
    expect(doc.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(doc.attrs.width).toBe(String(fig.width));
    expect(doc.attrs.height).toBe(String(fig.height));
    expect(doc.attrs.viewBox).toBe(`0 0 ${fig.width} ${fig.height}`);
    const names = new Set([...walk(doc)].map((e) => e.name));
    expect([...names].filter((n) => !ALLOWED.has(n))).toEqual([]);
    expect(fig.svg).not.toMatch(/foreignObject|<script|<style|<image|<use|<a[\s>]|href|url\(|javascript:|@import/i);
    for (const e of walk(doc)) for (const a of Object.keys(e.attrs)) expect(a).not.toMatch(/^on/i);
  });

  it('shows every node\u2019s kind, title, voice, text and quote as <text>', () => {
    const groups = new Map([...walk(doc)].filter((e) => e.name === 'g' && e.attrs.id?.startsWith('node-')).map((g) => [g.attrs.id!.slice(5), g] as [string, XmlElement]));
    expect([...groups.keys()].sort()).toEqual(Object.keys(map.nodes).sort());
    for (const node of Object.values(map.nodes)) {
      const texts = textsIn(groups.get(node.id)!).map(squash);
      const all = texts.join('');
      expect(texts).toContain(squash(kindLabel(node.kind)));
      expect(all, node.id).toContain(squash(node.text));
      if (node.title) expect(all).toContain(squash(node.title));
      if (node.voice) expect(all).toContain(squash(node.voice));
      if (node.quote) expect(all).toContain(squash(node.quote.exact));
    }
  });

  it('draws one arrow per relation and ends every undercut on the inference it attacks', () => {
    const ids = [...walk(doc)].filter((e) => e.name === 'g' && e.attrs.id?.startsWith('relation-')).map((g) => g.attrs.id!.slice(9));
    expect(ids.sort()).toEqual(Object.keys(map.relations).sort());
    for (const e of fig.layout.edges.filter((x) => x.kind === 'undercuts')) {
      const attacked = fig.layout.edges.find((x) => x.id === map.relations[e.id]!.to)!;
      expect(e.head.tip).toEqual(attacked.inference!.at);
    }
    // The linked premises of r.P1.C1: one box, one join.
    const linked = fig.layout.edges.find((x) => x.id === 'r.P1.C1')!;
    expect(linked.linkedBox).toBeDefined();
    expect(linked.inference!.joint).toBe(true);
    expect(linked.paths).toHaveLength(3);
  });

  it('keeps its nodes apart and every line of text inside its node', () => {
    const nodes = fig.layout.nodes;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!, b = nodes[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    for (const n of nodes)
      for (const blockOf of [n.title, n.text, n.quote?.text]) {
        if (!blockOf) continue;
        blockOf.lines.forEach((l, i) => {
          expect(blockOf.x + l.width).toBeLessThanOrEqual(n.x + n.w - fig.theme.node.padX + 0.01);
          expect(blockOf.y + i * blockOf.lineHeight).toBeLessThan(n.y + n.h);
        });
      }
  });

  it('is the same figure every time (no clocks, no randomness)', () => {
    expect(figure().svg).toBe(fig.svg);
  });

  it('carries the whole map: importing the SVG gives back the map', async () => {
    const back = await importFigure(new TextEncoder().encode(fig.svg));
    expect(back.ok && back.map).toEqual(map);
  });

  it('carries the evaluations, but the comment threads only when asked, and never draws them', async () => {
    const discussed = {
      ...map,
      evaluations: { ev1: { id: 'ev1', target: 'C4', by: 'analyst', verdict: 'accept' as const } },
      comments: { th1: { id: 'th1', target: 'C4', resolved: false, messages: [{ id: 'm1', author: 'critic', at: '2026-12-01T12:00:00Z', text: 'A private note: check the cable.' }] } },
    };
    const plain = renderFigure(discussed, DEFAULT_FIGURE_OPTIONS);
    expect(plain.svg).not.toContain('A private note');
    const back = await importFigure(new TextEncoder().encode(plain.svg));
    expect(back.ok && back.map.comments).toEqual({});
    expect(back.ok && back.map.evaluations).toEqual(discussed.evaluations);
    const asked = renderFigure(discussed, { ...DEFAULT_FIGURE_OPTIONS, comments: true });
    const withThreads = await importFigure(new TextEncoder().encode(asked.svg));
    expect(withThreads.ok && withThreads.map).toEqual(discussed);
    // Drawn the same: only the carried map differs.
    expect(textsIn(parseXmlStrict(asked.svg)).join('\n')).not.toContain('A private note');
  });

  for (const theme of THEME_NAMES)
    it(`renders with rsvg-convert (${theme} theme) to a PNG that is not blank and has the figure's size`, () => {
      const f = figure({ theme, legend: true, caption: 'Figure 1. Stalin’s letter to Gottwald.' });
      const dir = tmp('rsvg');
      const svgPath = join(dir, 'figure.svg');
      const pngPath = join(dir, 'figure.png');
      writeFileSync(svgPath, f.svg);
      tool('rsvg-convert', ['--format', 'png', '--output', pngPath, svgPath]);
      const png = new Uint8Array(readFileSync(pngPath));
      expect(isPng(png)).toBe(true);
      expect(pngSize(png)).toEqual({ width: f.width, height: f.height });
      const { inked, total } = inkedPixels(png);
      expect(inked / total).toBeGreaterThan(0.01);
      expect(inked / total).toBeLessThan(0.5);
    });
});

describe('the short citation under each quote (issue 9, item 6)', () => {
  const withCitations = figure();
  const without = figure({ attribution: false });
  const evidence = withCitations.layout.nodes.filter((n) => n.kind === 'evidence' && n.quote);
  const LETTER = '— Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, ll. 71–72';
  const ofLetter = evidence.filter((n) => map.nodes[n.id]!.quote!.source === 'letter');

  it('names the quoted source, with its folios, under the quote and inside the node', () => {
    expect(ofLetter.length).toBeGreaterThan(10);
    for (const n of ofLetter) expect(n.attribution!.lines.map((l) => l.text).join(' ')).toBe(LETTER);
    for (const n of evidence) {
      const a = n.attribution!;
      expect(a.lines.map((l) => l.text).join(' ')).toBe(quoteAttribution(map, map.nodes[n.id]!));
      // Below the quote, within the box, each line no wider than the box's text column.
      expect(a.y - a.size).toBeGreaterThan(n.quote!.bar.y2);
      expect(a.y + (a.lines.length - 1) * a.lineHeight).toBeLessThan(n.y + n.h);
      for (const l of a.lines) expect(a.x + l.width).toBeLessThanOrEqual(n.x + n.w - 8);
    }
    // "27 Aug 1950" and "RGASPI 558/11/62" are never broken across lines.
    for (const n of evidence) for (const l of n.attribution!.lines) expect(l.text).not.toMatch(/(^|\s)(Aug|1950|558\/|11\/62)$|^(11\/62|62|Aug)/);
    const texts = textsIn(parseXmlStrict(withCitations.svg)).map(squash);
    expect(texts.filter((t) => t === squash(LETTER)).length).toBe(ofLetter.length);
  });

  it('a note quoting the translator\u2019s notes names them', () => {
    const note = withCitations.layout.nodes.find((n) => n.kind === 'note' && n.quote)!;
    expect(note.attribution!.lines.map((l) => l.text).join(' ')).toMatch(/^— Translator's notes/);
  });

  it('is left out with `attribution: false`, and the nodes are as tall as without it', () => {
    expect(without.layout.nodes.every((n) => n.attribution === undefined)).toBe(true);
    const height = new Map(without.layout.nodes.map((n) => [n.id, n.h]));
    for (const n of evidence) expect(n.h).toBeGreaterThan(height.get(n.id)!);
    for (const n of withCitations.layout.nodes.filter((m) => !m.quote)) expect(n.h).toBeCloseTo(height.get(n.id)!, 6);
    expect(without.svg).not.toContain('Stalin to Gottwald, 27 Aug');
  });
});
