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
import { exportRefusal, mapRefusal } from '../../../electron/main/writeChecks';
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
    for (const theme of THEME_NAMES) expect(await exportRefusal(enc(svgOf(shippedMap(), theme)), 'image/svg+xml', 'f.svg'), theme).toBeNull();
    expect(await exportRefusal(enc(svgOf(hostileMap())), 'image/svg+xml', 'f.svg')).toBeNull();
    expect(await exportRefusal(enc(renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS, { embedMap: false }).svg), 'image/svg+xml', 'f.svg')).toBeNull();
    await fc.assert(
      fc.asyncProperty(mapArb, async (map) => (await exportRefusal(enc(svgOf(map)), 'image/svg+xml', 'f.svg')) === null),
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
      const refused = await exportRefusal(bytes, 'image/svg+xml', 'f.svg');
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
    expect(await exportRefusal(enc(big), 'image/svg+xml', 'f.svg')).toBeNull();
    expect((await exportRefusal(enc(big.replace(/<\/svg>\n$/, '<script>alert(1)</script></svg>\n')), 'image/svg+xml', 'f.svg'))?.message).toMatch(/a <script> element/);
    // An event attribute that straddles the first slice boundary: it starts 10 characters before it.
    const boundary = 1 << 20;
    const open = big.lastIndexOf('<rect ', boundary - 16) + '<rect '.length;
    const straddling = big.slice(0, open) + ' '.repeat(boundary - 10 - open) + 'onclick="alert(1)" ' + big.slice(open);
    expect(straddling.indexOf('onclick')).toBe(boundary - 10);
    expect((await exportRefusal(enc(straddling), 'image/svg+xml', 'f.svg'))?.message).toMatch(/an event attribute, “onclick”/);
  }, 30_000);

  it('accepts the PNG the exporter writes and refuses damaged or padded ones, or other bytes', async () => {
    const png = await renderPng(renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS), 36);
    expect(await exportRefusal(png, 'image/png', 'f.png')).toBeNull();
    const flipped = png.slice();
    flipped[40] = flipped[40]! ^ 0xff;
    expect((await exportRefusal(flipped, 'image/png', 'f.png'))?.message).toMatch(/fails its checksum/);
    expect((await exportRefusal(new Uint8Array([...png, ...enc('<script>alert(1)</script>')]), 'image/png', 'f.png'))?.message).toMatch(/bytes after the end of the PNG/);
    const noEnd = writePngChunks(readPngChunks(png).filter((c) => c.type !== 'IEND'));
    expect((await exportRefusal(noEnd, 'image/png', 'f.png'))?.message).toMatch(/no end chunk/);
    expect((await exportRefusal(enc('GIF89a'), 'image/png', 'f.png'))?.message).toBe('Argument Atlas did not write “f.png”: the bytes to export are not a PNG image (they do not begin with the PNG signature).');
    expect((await exportRefusal(png, 'application/pdf', 'f.pdf'))?.code).toBe('not-a-figure');
    expect((await exportRefusal(png, 'image/svg+xml', 'f.svg'))?.code).toBe('not-a-figure');
  }, 60_000);

  it('accepts the PDF the exporter writes and refuses one cut off, or other bytes', async () => {
    const map = shippedMap();
    const figure = renderFigure(map, DEFAULT_FIGURE_OPTIONS);
    const pdf = await renderPdf(figure, renderFigure(map, DEFAULT_FIGURE_OPTIONS, { embedMap: false }).svg, 'fit', map.meta.modified);
    expect(await exportRefusal(pdf, 'application/pdf', 'f.pdf')).toBeNull();
    expect((await exportRefusal(pdf.subarray(0, pdf.length - 200), 'application/pdf', 'f.pdf'))?.message).toMatch(/no end marker \(it looks cut off\)/);
    expect((await exportRefusal(enc('<html>%PDF-1.7 %%EOF'), 'application/pdf', 'f.pdf'))?.message).toBe('Argument Atlas did not write “f.pdf”: the bytes to export are not a PDF document (they do not begin with “%PDF-”).');
    expect((await exportRefusal(pdf, 'image/png', 'f.png'))?.code).toBe('not-a-figure');
  }, 60_000);
});

describe('bibliographies: CSL-JSON is a JSON list of records, BibTeX is text', () => {
  const CSL = 'application/vnd.citationstyles.csl+json';
  const BIB = 'application/x-bibtex';
  /** Records as Zotero and the CSL processor know them: an archival letter and a book, with hostile text. */
  const records = [
    {
      id: 'stalin-gottwald-1950',
      type: 'personal_communication',
      title: 'Письмо К. Готвальду',
      author: [{ family: 'Stalin', given: 'I. V.' }],
      recipient: [{ family: 'Gottwald', given: 'Klement' }],
      issued: { 'date-parts': [[1950, 8, 27]] },
      archive: 'RGASPI',
      archive_location: 'f. 558, op. 11, d. 62, l. 71',
    },
    { id: 'book', type: 'book', title: HOSTILE[0], publisher: '<script>alert(1)</script>', issued: { 'date-parts': [[2004]] } },
  ];
  const BIBLATEX = [
    '@letter{Stalin1950Letter,',
    '\tauthor = {Stalin, I. V.},',
    '\tdate = {1950-08-27},',
    '\ttitle = {Письмо {К}. {Готвальду}},',
    '\tnote = {RGASPI, f. 558, op. 11, d. 62, l. 71},',
    '}',
    '',
  ].join('\n');

  it('accepts CSL-JSON as the exporter writes it (pretty or compact, with a BOM, empty), and any list of records', async () => {
    expect(await exportRefusal(enc(JSON.stringify(records, null, 2) + '\n'), CSL, 'sources.json')).toBeNull();
    expect(await exportRefusal(enc(JSON.stringify(records)), CSL, 'sources.json')).toBeNull();
    expect(await exportRefusal(enc('\uFEFF' + JSON.stringify(records)), CSL, 'sources.json')).toBeNull();
    expect(await exportRefusal(enc('[]'), CSL, 'sources.json')).toBeNull();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(fc.string(), fc.jsonValue())), async (list) => (await exportRefusal(enc(JSON.stringify(list)), CSL, 's.json')) === null),
      { numRuns: 200 },
    );
  });

  it.each([
    ['not UTF-8', new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), /\(they are not UTF-8 text\)/],
    ['not JSON', enc('[{"id": "a",}]'), /\(they are not JSON\)/],
    ['an HTML page', enc('<!doctype html><script>alert(1)</script>'), /\(they are not JSON\)/],
    ['a map', enc(serializeMap(shippedMap())), /\(the JSON is not a list of records\)/],
    ['one record, not a list', enc(JSON.stringify(records[0])), /\(the JSON is not a list of records\)/],
    ['a string', enc('"[]"'), /\(the JSON is not a list of records\)/],
    ['a list with a string', enc(JSON.stringify([records[0], 'evil'])), /\(record 2 of the list is not an object\)/],
    ['a list with null', enc('[null]'), /\(record 1 of the list is not an object\)/],
    ['a list of lists', enc('[[]]'), /\(record 1 of the list is not an object\)/],
  ])('refuses CSL-JSON that is %s, in words', async (_what, bytes, why) => {
    const refused = await exportRefusal(bytes, CSL, 'sources.json');
    expect(refused?.code).toBe('not-a-bibliography');
    expect(refused?.message).toMatch(/^Argument Atlas did not write “sources\.json”: the bytes to export are not a CSL-JSON bibliography \(.+\)\.$/);
    expect(refused?.message).toMatch(why);
  });

  it('accepts BibLaTeX and BibTeX text (Cyrillic, braces, an empty file), and any text without NUL', async () => {
    expect(await exportRefusal(enc(BIBLATEX), BIB, 'sources.bib')).toBeNull();
    expect(await exportRefusal(enc('@misc{x, title = {<script>alert(1)</script> & \\"{o}}}\r\n'), BIB, 'sources.bib')).toBeNull();
    expect(await exportRefusal(enc('\uFEFF' + BIBLATEX), BIB, 'sources.bib')).toBeNull();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }).filter((t) => !t.includes('\u0000')), async (text) => (await exportRefusal(enc(text), BIB, 's.bib')) === null),
      { numRuns: 200 },
    );
  });

  it('refuses BibTeX bytes that are not UTF-8 text or hold a NUL byte (a binary file), in words', async () => {
    const latin1 = new Uint8Array([...enc('@book{a, title = {'), 0xe9, ...enc('}}')]);
    const notUtf8 = await exportRefusal(latin1, BIB, 'sources.bib');
    expect(notUtf8).toEqual({ code: 'not-a-bibliography', message: 'Argument Atlas did not write “sources.bib”: the bytes to export are not a BibTeX bibliography (they are not UTF-8 text).' });
    const nul = await exportRefusal(enc(BIBLATEX.replace('}', '}\u0000')), BIB, 'sources.bib');
    expect(nul).toEqual({ code: 'not-a-bibliography', message: 'Argument Atlas did not write “sources.bib”: the bytes to export are not a BibTeX bibliography (they contain a NUL byte, so they are not text).' });
    const png = await renderPng(renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS), 36);
    expect((await exportRefusal(png, BIB, 'sources.bib'))?.code).toBe('not-a-bibliography');
    expect((await exportRefusal(png, CSL, 'sources.json'))?.code).toBe('not-a-bibliography');
  }, 30_000);

  it('a bibliography is not a figure, nor a figure a bibliography', async () => {
    expect((await exportRefusal(enc(JSON.stringify(records)), 'image/svg+xml', 'f.svg'))?.code).toBe('not-a-figure');
    expect((await exportRefusal(enc(BIBLATEX), 'application/pdf', 'f.pdf'))?.code).toBe('not-a-figure');
    expect((await exportRefusal(enc(BIBLATEX), CSL, 'sources.json'))?.message).toMatch(/\(they are not JSON\)/);
  });
});

describe('outlines: the Word, Markdown, LaTeX, Argdown and AIF files the app writes, and nothing else', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  it('accepts a Word outline, an Argdown and an AIF export of the shipped map', async () => {
    const { buildOutline } = await import('../../../arguments/outline/build');
    const { outlineDocx } = await import('../../../arguments/outline/docx');
    const { nodeCiteProcessor } = await import('../../../arguments/cli/citeproc-node');
    const { exportArgdown } = await import('../../../arguments/interop/argdown/export');
    const { exportAif } = await import('../../../arguments/interop/aif/export');
    const processor = await nodeCiteProcessor();
    const docx = await outlineDocx(buildOutline(shippedMap(), processor));
    processor.dispose();
    expect(await exportRefusal(docx.bytes, DOCX, 'o.docx')).toBeNull();
    expect(await exportRefusal(enc(exportArgdown(shippedMap()).text), 'text/x-argdown', 'm.argdown')).toBeNull();
    expect(await exportRefusal(enc(exportAif(shippedMap()).text), 'application/x-aif+json', 'm.aif.json')).toBeNull();
  });

  it('refuses a page that is not what the format says: HTML as Word, a map as AIF, binary as Markdown', async () => {
    expect((await exportRefusal(enc('<html><script>alert(1)</script></html>'), DOCX, 'o.docx'))?.code).toBe('not-an-outline');
    expect((await exportRefusal(enc(serializeMap(shippedMap())), 'application/x-aif+json', 'm.aif.json'))?.message).toMatch(/no AIF nodes and edges/);
    expect((await exportRefusal(new Uint8Array([0x41, 0, 0x42]), 'text/markdown', 'o.md'))?.code).toBe('not-an-outline');
    // A ZIP that is not a Word document.
    const { zipSync } = await import('fflate');
    expect((await exportRefusal(zipSync({ 'a.txt': enc('x') }), DOCX, 'o.docx'))?.message).toMatch(/word\/document\.xml/);
  });

  it('writes a comparison’s HTML report, and refuses a page that may load anything (no CSP, or one that is not default-src none)', async () => {
    const { compare } = await import('../../../arguments/compare/compare');
    const { reportHtml } = await import('../../../arguments/compare/report');
    const map = shippedMap();
    expect(await exportRefusal(enc(reportHtml(compare(map, map), map, map)), 'text/html', 'r.html')).toBeNull();
    expect((await exportRefusal(enc('<!DOCTYPE html><html><script src="https://x.example/a.js"></script></html>'), 'text/html', 'r.html'))?.message).toMatch(/no Content-Security-Policy/);
    const loose = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="script-src *"></head></html>`;
    expect((await exportRefusal(enc(loose), 'text/html', 'r.html'))?.message).toMatch(/does not start with default-src 'none'/);
    expect((await exportRefusal(enc('<html></html>'), 'text/html', 'r.html'))?.code).toBe('not-a-web-page');
  });
});

describe('handouts: the HTML handout the app writes, and no other page', () => {
  it('accepts the HTML handout of the shipped map and of a map of hostile strings', async () => {
    const { buildHandout } = await import('../../../arguments/export/handout');
    const { NODE_PLATFORM } = await import('../../../arguments/cli/commands/export-handout');
    for (const map of [shippedMap(), hostileMap()]) expect(await exportRefusal(enc(buildHandout(map, NODE_PLATFORM).html), 'text/html', 'h.html')).toBeNull();
  });

  it('refuses a page whose strict CSP does not come first, and bytes that are not text', async () => {
    const page = await exportRefusal(enc('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<script>fetch("https://example.org")</script>\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'), 'text/html', 'h.html');
    expect(page?.code).toBe('not-a-web-page');
    expect(page?.message).toMatch(/^Argument Atlas did not write “h\.html”: the bytes to export are not a self-contained web page \(the page has no Content-Security-Policy before its first <script>\)\.$/);
    expect((await exportRefusal(new Uint8Array([0xff, 0xfe, 0]), 'text/html', 'h.html'))?.message).toMatch(/not UTF-8 text/);
  });
});
