// A step's cards in the PDF handout have their text set by PDFKit's text API (export/pdfText.ts),
// not by svg-to-pdfkit. What a reader would notice if that went wrong: a line of a card missing,
// moved off its baseline, or set in the wrong face or size (a title not bold, a quote not
// italic). So every text block of every card of the shipped map's handout is looked for among
// the runs drawn, with its face, size and baseline; and the handout's pages carry the words
// and the faces they carried when svg-to-pdfkit set them.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { nodeCiteProcessor } from '../../../arguments/cli/citeproc-node';
import { elkEngine } from '../../../arguments/cli/commands/export-page';
import { fallbackFontBytes, fontBytes, pdfLibraries } from '../../../arguments/cli/figures';
import type { CiteProcessor } from '../../../arguments/cite/processor';
import { planHandout } from '../../../arguments/export/handout/pages';
import { prepareHandoutPdf, writeHandoutPdf, type PreparedHandoutPdf } from '../../../arguments/export/handoutPdf';
import type { NodeBox, TextBlock } from '../../../arguments/export/layout';
import { FONT_NAMES, pdfFontName } from '../../../arguments/export/pdf';
import { drawRuns, takeSvgText, unescapeXml, type TextDocument } from '../../../arguments/export/pdfText';
import { figureParts } from '../../../arguments/export/svg';
import { shippedMap, squash, tmp, tool } from './helpers';

await startFigureRouting();
const map = shippedMap();
let cite: CiteProcessor;
let prepared: PreparedHandoutPdf;
beforeAll(async () => {
  cite = await nodeCiteProcessor();
  prepared = await prepareHandoutPdf(planHandout(map, cite, {}), await elkEngine());
}, 120_000);
afterAll(() => cite.dispose());

interface SetRun {
  text: string;
  x: number;
  y: number;
  font: string;
  size: number;
  fill: string;
}

/** What drawRuns asks PDFKit to set: each call's text, place, face, size and colour. */
function recorder(): { doc: TextDocument; set: SetRun[] } {
  const set: SetRun[] = [];
  let [font, size, fill] = ['', 0, ''];
  const doc: TextDocument = {
    x: 0,
    y: 0,
    font: (n) => (font = n),
    fontSize: (s) => (size = s),
    fillColor: (c) => (fill = String(c)),
    widthOfString: (t) => t.length * size * 0.5,
    text: (text, x, y, options) => {
      expect(options).toMatchObject({ lineBreak: false, baseline: 'alphabetic' });
      set.push({ text, x, y, font, size, fill });
    },
  };
  return { doc, set };
}

const blocks = (n: NodeBox): TextBlock[] => [n.kindLabel, n.voice?.text, n.title, n.text, n.quote?.text, n.attribution, n.status?.text].filter((b): b is TextBlock => b !== undefined);

describe('a card of the PDF handout, its text set by PDFKit', () => {
  it('sets every line of every card on its baseline, in its face and size', () => {
    let lines = 0;
    const seen = new Set<object>();
    for (const part of prepared.figures.flatMap((f) => figureParts(f.layout, f.theme))) {
      if (part.kind !== 'node' || seen.has(part.of)) continue;
      seen.add(part.of);
      const n = part.of as NodeBox;
      const { shapes, runs } = takeSvgText(part.svg());
      expect(shapes).not.toMatch(/<text|<tspan/);
      const { doc, set } = recorder();
      drawRuns(doc, runs, (family, bold, italic) => pdfFontName(family, bold, italic, new Set()));
      for (const b of blocks(n))
        b.lines.forEach((line, i) => {
          if (line.text.trim() === '') return;
          const y = Math.round((b.y + i * b.lineHeight) * 100) / 100;
          const want = unescapeXml(line.text).replace(/\s+/g, ' ').trim();
          // A card's kind label and its voice share a baseline and size: a line's runs are those of its text.
          const on = set.filter((s) => Math.abs(s.y - y) < 0.01 && s.size === Math.round(b.size * 100) / 100 && want.includes(s.text.trim()));
          // The line's runs, read left to right, are its text (the SVG keeps user text as text).
          expect(on.map((s) => s.text).join(''), `${n.id} line ${i}`).toContain(want);
          for (const s of on) expect(s.font, `${n.id}: "${s.text}"`).toBe(FONT_NAMES[b.style]);
          lines++;
        });
    }
    // Every card has its kind label and its title at least (the handout's step figures show titles).
    expect(lines).toBeGreaterThanOrEqual(2 * seen.size);
    expect(seen.size).toBeGreaterThan(20);
  });

  it('puts a card title in bold and its quote in italic on the page, searchable', async () => {
    const pdf = await writeHandoutPdf(await pdfLibraries(), fontBytes(), fallbackFontBytes(prepared.faces), prepared, { date: map.meta.modified });
    const path = join(tmp('pdf-text'), 'handout.pdf');
    writeFileSync(path, pdf.bytes);
    // Each page has the first line of the title of every card its figure shows.
    prepared.figures.forEach((f, k) => {
      const text = squash(tool('pdftotext', ['-f', String(k + 1), '-l', String(k + 1), path, '-']));
      for (const n of f.layout.nodes) if (n.title) expect(text, `page ${k + 1}: ${n.id}`).toContain(squash(unescapeXml(n.title.lines[0]!.text)));
    });
    const last = prepared.figures.length;
    // Only the faces the handout's text names are embedded, each once, with its Unicode map (selectable text).
    const fonts = tool('pdffonts', ['-f', String(last), '-l', String(last), path]);
    for (const face of ['SourceSerif4-Regular', 'SourceSerif4-Bold', 'SourceSerif4-Italic']) expect(fonts).toMatch(new RegExp(`\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
  }, 60_000);
});
