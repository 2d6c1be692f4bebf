// What the main process accepts to write for a window: every map and figure the app itself
// makes, and nothing a compromised page might send instead.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPdf, renderPng } from '../../../arguments/cli/figures';
import { writePngChunks, readPngChunks } from '../../../arguments/export/embed';
import { DEFAULT_FIGURE_OPTIONS, renderFigure } from '../../../arguments/export/figure';
import { THEME_NAMES } from '../../../arguments/export/themes';
import { serializeMap } from '../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../arguments/model';
import { figureRefusal, mapRefusal } from '../../../electron/main/writeChecks';
import { mapArb } from '../arbitraries';
import { HOSTILE, shippedMap } from '../export/helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const svgOf = (map: ArgumentMap, theme: (typeof THEME_NAMES)[number] = 'print') => renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, theme, legend: true, caption: HOSTILE[0] }).svg;

/** The shipped map with hostile strings (markup, scripts, entities) as its texts. */
function hostileMap(): ArgumentMap {
  const map = structuredClone(shippedMap());
  Object.values(map.nodes).forEach((n, i) => {
    n.text = HOSTILE[i % HOSTILE.length]!;
    n.title = HOSTILE[(i + 7) % HOSTILE.length];
  });
  map.meta.title = '<svg onload=alert(1)>';
  return map;
}

describe('maps: only what the app could open again is written', () => {
  it('accepts the shipped map and every map the editor can hold, as serializeMap writes them', () => {
    expect(mapRefusal(serializeMap(shippedMap()), 'letter.argmap.json')).toBeNull();
    expect(mapRefusal(serializeMap(hostileMap()), 'letter.argmap.json')).toBeNull();
    fc.assert(
      fc.property(mapArb, (map) => mapRefusal(serializeMap(map), 'm.argmap.json') === null),
      { numRuns: 200 },
    );
  }, 60_000);

  it.each([
    ['any text', 'rm -rf ~', /is not valid JSON at line 1, column 1/],
    ['nothing', '', /The file is empty/],
    ['JSON that is not a map', '{"hello":"world"}', /\(format: This is a JSON file, but not an Argument Atlas map: it has no "format": "argument-atlas\/argmap"\)/],
    ['a map cut short', serializeMap(shippedMap()).slice(0, 500), /cut off/],
    ['a map with a relation to a node it lacks', serializeMap(shippedMap()).replace(/"to": "T"/, '"to": "nowhere"'), /nowhere/],
  ])('refuses %s, in words', (_what, text, reason) => {
    const refused = mapRefusal(text, 'letter.argmap.json');
    expect(refused?.code).toBe('not-a-map');
    expect(refused?.message).toMatch(/^Argument Atlas did not write “letter\.argmap\.json”: what the window asked to save is not a map it could open again \(.+\)\. The file was left as it was\.$/);
    expect(refused?.message).toMatch(reason);
  });
});

describe('figures: the bytes are what their type says', () => {
  it('accepts every SVG the exporter writes: each theme, hostile texts, generated maps', async () => {
    for (const theme of THEME_NAMES) expect(await figureRefusal(enc(svgOf(shippedMap(), theme)), 'image/svg+xml', 'f.svg'), theme).toBeNull();
    expect(await figureRefusal(enc(svgOf(hostileMap())), 'image/svg+xml', 'f.svg')).toBeNull();
    expect(await figureRefusal(enc(renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS, { embedMap: false }).svg), 'image/svg+xml', 'f.svg')).toBeNull();
    await fc.assert(
      fc.asyncProperty(mapArb, async (map) => (await figureRefusal(enc(svgOf(map)), 'image/svg+xml', 'f.svg')) === null),
      { numRuns: 100 },
    );
  }, 60_000);

  it('refuses SVG the exporter never writes: scripts, events, links, foreign content, declarations, other roots', async () => {
    const good = svgOf(shippedMap());
    const bad: [string, string, RegExp][] = [
      ['not UTF-8', '', /not UTF-8 text/],
      ['an HTML page', '<!doctype html><html><script>alert(1)</script></html>', /do not begin with an XML declaration or <svg>/],
      ['a script', good.replace('<g ', '<script>alert(1)</script><g '), /a <script> element/],
      ['a script in another case', good.replace('<g ', '<SCRIPT>alert(1)</SCRIPT><g '), /a <SCRIPT> element/],
      ['an event attribute', good.replace('<g ', '<g onload="alert(1)" '), /an event attribute, “onload”/],
      ['a link', good.replace('<g ', '<g xlink:href="javascript:alert(1)" '), /a link/],
      ['a url() reference', good.replace('<rect ', '<rect fill="url(https://example.com/x#p)" '), /a reference to another resource/],
      ['an encoded url() reference', good.replace('<rect ', '<rect fill="url&#40;https://example.com/x)" '), /a reference to another resource/],
      ['foreign content', good.replace('<g ', '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><g '), /<foreignObject>/],
      ['an image', good.replace('<g ', '<image href="https://example.com/x.png"/><g '), /<image>/],
      ['a DOCTYPE with entities', good.replace('\n<svg', '\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<svg'), /do not begin with an XML declaration or <svg>/],
      ['a style sheet instruction', good.replace('\n<svg', '\n<?xml-stylesheet href="evil.css"?>\n<svg'), /do not begin with an XML declaration or <svg>/],
      ['a declaration inside', good.replace('<g ', '<!ENTITY xxe SYSTEM "file:///etc/passwd"><g '), /a declaration the exporter does not write \(<!ENTITY>\)/],
      ['a second root', good + '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /single <svg>|<script>/],
      ['text after the root', good + 'alert(1)', /there is text outside its <svg> element/],
      ['markup after the root', good + '<html>', /its root element is not a single <svg>/],
      ['another namespace', good.replace('xmlns="http://www.w3.org/2000/svg"', 'xmlns="http://www.w3.org/1999/xhtml"'), /not in the SVG namespace/],
      ['an unclosed element', good.replace('</svg>', ''), /not closed/],
      ['markup inside the carried map', good.replace('<aa:map xmlns:aa="urn:argument-atlas:argmap" format="argument-atlas/argmap" encoding="application/json">', '$&<script>alert(1)</script>'), /the map in its metadata contains markup/],
    ];
    for (const [what, text, why] of bad) {
      const bytes = what === 'not UTF-8' ? new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x20, 0xff, 0xfe]) : enc(text);
      expect(text === '' || text !== good, what).toBe(true);
      const refused = await figureRefusal(bytes, 'image/svg+xml', 'f.svg');
      expect(refused?.code, what).toBe('not-a-figure');
      expect(refused?.message, what).toMatch(/^Argument Atlas did not write “f\.svg”: the bytes to export are not an SVG figure \(.+\)\.$/);
      expect(refused?.message, what).toMatch(why);
    }
  });

  it('parses a large SVG in slices, and finds what hides at the end or across a slice boundary', async () => {
    const good = svgOf(shippedMap());
    const padding = `<g>${'<rect x="0" y="0" width="1" height="1" fill="#fff"/>'.repeat(60_000)}</g>`; // about 3 MB
    const big = good.replace('</svg>', `${padding}</svg>`);
    expect(big.length).toBeGreaterThan(3 * (1 << 20));
    expect(await figureRefusal(enc(big), 'image/svg+xml', 'f.svg')).toBeNull();
    expect((await figureRefusal(enc(big.replace(/<\/svg>\n$/, '<script>alert(1)</script></svg>\n')), 'image/svg+xml', 'f.svg'))?.message).toMatch(/a <script> element/);
    // An event attribute that straddles the first slice boundary: it starts 10 characters before it.
    const boundary = 1 << 20;
    const open = big.lastIndexOf('<rect ', boundary - 16) + '<rect '.length;
    const straddling = big.slice(0, open) + ' '.repeat(boundary - 10 - open) + 'onclick="alert(1)" ' + big.slice(open);
    expect(straddling.indexOf('onclick')).toBe(boundary - 10);
    expect((await figureRefusal(enc(straddling), 'image/svg+xml', 'f.svg'))?.message).toMatch(/an event attribute, “onclick”/);
  }, 30_000);

  it('accepts the PNG the exporter writes and refuses damaged or padded ones, or other bytes', async () => {
    const png = await renderPng(renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS), 36);
    expect(await figureRefusal(png, 'image/png', 'f.png')).toBeNull();
    const flipped = png.slice();
    flipped[40] = flipped[40]! ^ 0xff;
    expect((await figureRefusal(flipped, 'image/png', 'f.png'))?.message).toMatch(/fails its checksum/);
    expect((await figureRefusal(new Uint8Array([...png, ...enc('<script>alert(1)</script>')]), 'image/png', 'f.png'))?.message).toMatch(/bytes after the end of the PNG/);
    const noEnd = writePngChunks(readPngChunks(png).filter((c) => c.type !== 'IEND'));
    expect((await figureRefusal(noEnd, 'image/png', 'f.png'))?.message).toMatch(/no end chunk/);
    expect((await figureRefusal(enc('GIF89a'), 'image/png', 'f.png'))?.message).toBe('Argument Atlas did not write “f.png”: the bytes to export are not a PNG image (they do not begin with the PNG signature).');
    expect((await figureRefusal(png, 'application/pdf', 'f.pdf'))?.code).toBe('not-a-figure');
    expect((await figureRefusal(png, 'image/svg+xml', 'f.svg'))?.code).toBe('not-a-figure');
  }, 60_000);

  it('accepts the PDF the exporter writes and refuses one cut off, or other bytes', async () => {
    const map = shippedMap();
    const figure = renderFigure(map, DEFAULT_FIGURE_OPTIONS);
    const pdf = await renderPdf(figure, renderFigure(map, DEFAULT_FIGURE_OPTIONS, { embedMap: false }).svg, 'fit', map.meta.modified);
    expect(await figureRefusal(pdf, 'application/pdf', 'f.pdf')).toBeNull();
    expect((await figureRefusal(pdf.subarray(0, pdf.length - 200), 'application/pdf', 'f.pdf'))?.message).toMatch(/no end marker \(it looks cut off\)/);
    expect((await figureRefusal(enc('<html>%PDF-1.7 %%EOF'), 'application/pdf', 'f.pdf'))?.message).toBe('Argument Atlas did not write “f.pdf”: the bytes to export are not a PDF document (they do not begin with “%PDF-”).');
    expect((await figureRefusal(pdf, 'image/png', 'f.png'))?.code).toBe('not-a-figure');
  }, 60_000);
});
