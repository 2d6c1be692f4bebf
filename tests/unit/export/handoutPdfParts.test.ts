// The PDF handout a page per step draws each card and arrow once and places it on every page
// that shows it (export/pdfParts.ts). What a reader would notice if that reuse broke a page:
// a card missing from a page that reveals it, or one drawn before its step, or a page that
// looks different from the page drawn from its own SVG. So each page is rendered (pdftoppm)
// and compared with the same page drawn the old way, and each card's first line is looked for
// (pdftotext) on exactly the pages whose figure holds the card. A page per claim draws its
// figure's parts straight into the page, and is compared with the figure's SVG drawn whole too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { nodeCiteProcessor } from '../../../arguments/cli/citeproc-node';
import { elkEngine } from '../../../arguments/cli/commands/export-page';
import { fallbackFontBytes, fontBytes, pdfLibraries } from '../../../arguments/cli/figures';
import type { CiteProcessor } from '../../../arguments/cite/processor';
import { planHandout, type HandoutPlan } from '../../../arguments/export/handout/pages';
import { prepareHandoutPdf, writeHandoutPdf, type PreparedHandoutPdf } from '../../../arguments/export/handoutPdf';
import { figureParts } from '../../../arguments/export/svg';
import { shippedMap, squash, tmp, tool } from './helpers';

await startFigureRouting();

const map = shippedMap();
const elk = await elkEngine();
let cite: CiteProcessor;
beforeAll(async () => {
  cite = await nodeCiteProcessor();
});
afterAll(() => cite.dispose());

const dir = tmp('handout-parts');

async function write(prepared: PreparedHandoutPdf, name: string) {
  const pdf = await writeHandoutPdf(await pdfLibraries(), fontBytes(), fallbackFontBytes(prepared.faces), prepared, { date: map.meta.modified });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf.bytes);
  return { pdf, path };
}

/** Each page rendered at 50 dpi, as PPM bytes. */
function renders(path: string, name: string): Buffer[] {
  tool('pdftoppm', ['-r', '50', path, join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.ppm'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

const pageText = (path: string, page: number) => squash(tool('pdftotext', ['-f', String(page), '-l', String(page), path, '-']));

describe.each([
  ['handout', {}],
  ['worksheet', { worksheet: ['O7', 'E0a'] }],
] as const)('PDF %s, a page per step, drawn part by part', (name, options) => {
  let plan: HandoutPlan;
  let prepared: PreparedHandoutPdf;
  let parts: Awaited<ReturnType<typeof write>>;
  beforeAll(async () => {
    plan = planHandout(map, cite, options);
    prepared = await prepareHandoutPdf(plan, elk);
    parts = await write(prepared, name);
  }, 120_000);

  it('draws each card and arrow once, however many pages show it (as a form when it is on more than one)', () => {
    const times = new Map<string, number>();
    const ids = new Map<object, number>();
    for (const f of prepared.figures)
      for (const p of figureParts(f.layout, f.theme)) {
        if (!ids.has(p.of)) ids.set(p.of, ids.size);
        const key = `${ids.get(p.of)}:${p.kind}`;
        times.set(key, (times.get(key) ?? 0) + 1);
      }
    const recurring = [...times.values()].filter((n) => n > 1);
    const once = [...times.values()].filter((n) => n === 1).length;
    const placed = recurring.reduce((a, b) => a + b, 0);
    // Every shape of the shipped map's parts is drawn without svg-to-pdfkit (pdfShapes.ts).
    expect(parts.pdf.parts).toEqual({ drawn: recurring.length, placed, inline: once, byLibrary: 0 });
    // The shipped map's steps show most of the cards of the step before again.
    expect(placed).toBeGreaterThan(2 * recurring.length);
    expect(once).toBeGreaterThan(0);
    // One form in the file per part on more than one page (PDFKit writes object dictionaries uncompressed).
    const forms = Buffer.from(parts.pdf.bytes).toString('latin1').match(/\/Subtype \/Form\b/g) ?? [];
    expect(forms.length).toBe(recurring.length);
  });

  it('gives pages that look exactly like the pages drawn from each figure’s own SVG', async () => {
    const whole = await write({ ...prepared, figures: prepared.figures.map((f) => ({ ...f, svg: f.svg, recurs: false, bySvg: true })) }, `${name}-whole`);
    expect(whole.pdf.parts).toEqual({ drawn: 0, placed: 0, inline: 0, byLibrary: 0 });
    const [a, b] = [renders(parts.path, `${name}-p`), renders(whole.path, `${name}-w`)];
    expect(a.length).toBe(plan.pages.length + 1);
    expect(b.length).toBe(a.length);
    a.forEach((png, k) => expect(png.equals(b[k]!), `page ${k + 1}`).toBe(true));
  }, 60_000);

  it("has each card's text on every page whose figure holds it, and on no other", () => {
    const texts = plan.pages.map((_, k) => pageText(parts.path, k + 1));
    // What the page says beside its figure: a card's line found there proves nothing.
    const around = squash(plan.pages.flatMap((p) => [p.kicker, p.heading, ...p.quotes.flatMap((q) => [q.label, q.passage])]).join(' ') + plan.notes.join(' ') + plan.title);
    const boxes = new Map(prepared.figures.flatMap((f) => f.layout.nodes.map((n) => [n.id, n] as const)));
    // pdftotext joins a word broken at a line's end hyphen: the hyphen is left out of what is looked for.
    const lines = [...boxes.values()].flatMap((n) => (n.text && n.text.lines[0] ? [{ id: n.id, line: squash(n.text.lines[0].text).replace(/[-\u2010]$/, '') }] : []));
    const distinctive = lines.filter((l) => l.line.length >= 20 && !around.includes(l.line) && lines.every((o) => o.id === l.id || !o.line.includes(l.line)));
    expect(distinctive.length).toBeGreaterThan(20);
    let shown = 0;
    for (const { id, line } of distinctive)
      prepared.figures.forEach((f, k) => {
        const drawn = f.layout.nodes.some((n) => n.id === id);
        if (drawn) shown++;
        expect(texts[k]!.includes(line), `page ${k + 1}, ${id}: ${drawn ? 'drawn' : 'not drawn'}`).toBe(drawn);
      });
    // Cards recur: far more (card, page) pairs than cards.
    expect(shown).toBeGreaterThan(2 * distinctive.length);
    // The worksheet's blanked nodes keep their blanks on every page.
    if (name === 'worksheet') for (const t of texts) expect(t).not.toContain(squash(map.nodes.O7!.text).slice(0, 30));
  });
});

describe('PDF handout, a page per claim, its figures drawn part by part into the page', () => {
  let plan: HandoutPlan;
  let prepared: PreparedHandoutPdf;
  let parts: Awaited<ReturnType<typeof write>>;
  beforeAll(async () => {
    plan = planHandout(map, cite, { paging: 'claim' });
    prepared = await prepareHandoutPdf(plan, elk);
    parts = await write(prepared, 'claims');
  }, 120_000);

  it('makes no forms: each claim has figure parts of its own', () => {
    expect(parts.pdf.parts).toEqual({ drawn: 0, placed: 0, inline: 0, byLibrary: 0 });
    expect(Buffer.from(parts.pdf.bytes).toString('latin1')).not.toMatch(/\/Subtype \/Form\b/);
  });

  it('gives pages that look exactly like the pages drawn from each figure’s own SVG', async () => {
    const whole = await write({ ...prepared, figures: prepared.figures.map((f) => ({ ...f, svg: f.svg, bySvg: true })) }, 'claims-whole');
    const [a, b] = [renders(parts.path, 'claims-p'), renders(whole.path, 'claims-w')];
    expect(a.length).toBeGreaterThan(plan.pages.length);
    expect(b.length).toBe(a.length);
    a.forEach((png, k) => expect(png.equals(b[k]!), `page ${k + 1}`).toBe(true));
  }, 60_000);
});
