// The PDF handout as a reader sees it: pages counted and their text read back with pdf.js (the
// same extraction the app uses on imported PDFs), so what is checked is what prints: a step's
// node on its page, a later counter-consideration absent before its step, the Chicago note with
// the quote's folios beside the passage, the bibliography last, and a worksheet's blanks.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { nodeCiteProcessor } from '../../../arguments/cli/citeproc-node';
import { fallbackFontBytes, fontBytes, pdfLibraries } from '../../../arguments/cli/figures';
import type { CiteProcessor } from '../../../arguments/cite/processor';
import { WORKSHEET_BLANK } from '../../../arguments/export/handout';
import { planHandout, type HandoutPlanOptions } from '../../../arguments/export/handout/pages';
import { CLAIM_FIGURE_TARGET, prepareHandoutPdf, revealedFigure, writeHandoutPdf } from '../../../arguments/export/handoutPdf';
import { printedSize } from '../../../arguments/export/page';
import { renderFigure } from '../../../arguments/export/figure';
import { elkEngine } from '../../../arguments/cli/commands/export-page';
import { presentationSteps } from '../../../arguments/present/steps';
import { shippedMap } from './helpers';

await startFigureRouting();

const map = shippedMap();
const steps = presentationSteps(map);
let cite: CiteProcessor;
const elk = await elkEngine();
beforeAll(async () => {
  cite = await nodeCiteProcessor();
});
afterAll(() => cite.dispose());

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Each page's text, runs joined by spaces, white space collapsed. */
async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(normal(content.items.map((it) => ('str' in it ? it.str : '')).join(' ')));
  }
  await doc.destroy();
  return out;
}

async function handout(options: HandoutPlanOptions) {
  const plan = planHandout(map, cite, options);
  const prepared = await prepareHandoutPdf(plan, elk);
  const pdf = await writeHandoutPdf(await pdfLibraries(), fontBytes(), fallbackFontBytes(prepared.faces), prepared, { date: map.meta.modified });
  return { plan, pdf, pages: await pagesText(pdf.bytes) };
}

const O7 = normal(map.nodes.O7!.text).slice(0, 40); // "“Postponed for an unspecified period” presumes…"
const stepOf = (id: string) => steps.findIndex((s) => s.nodes.includes(id));

describe('PDF handout, a page per step (the default)', () => {
  let h: Awaited<ReturnType<typeof handout>>;
  beforeAll(async () => {
    h = await handout({});
  }, 120_000);

  it('has a page per step of the presentation order, then the bibliography', () => {
    expect(h.plan.paging).toBe('step');
    expect(h.pages.length).toBe(steps.length + 1);
    expect(h.pdf.sheets).toBe(h.pages.length);
    steps.forEach((s, k) => expect(h.pages[k]).toContain(`Step ${k + 1} of ${steps.length} ${normal(s.title!)}`));
    expect(h.pages.at(-1)!.startsWith('Bibliography')).toBe(true);
  });

  it("shows a step's node on its page and on the next (its grounds, framed with it), and a counter not before its step", () => {
    const c1 = stepOf('C1');
    const text = normal(map.nodes.C1!.text).slice(0, 30);
    h.pages.slice(0, c1).forEach((p) => expect(p).not.toContain(text));
    expect(h.pages[c1]).toContain(text);
    expect(steps[c1 + 1]!.title).toMatch(/grounds/);
    expect(h.pages[c1 + 1]).toContain(text);
    const o7 = stepOf('O7');
    expect(o7).toBeGreaterThan(0);
    h.pages.slice(0, o7).forEach((p, k) => expect(p, `page ${k + 1}`).not.toContain(O7));
    expect(h.pages[o7]).toContain(O7);
  });

  it('puts each quoted passage on the page of its step with its Chicago note and folios', () => {
    const e0a = stepOf('E0a');
    const page = h.pages[e0a]!;
    const quote = h.plan.pages[e0a]!.quotes.find((q) => q.node === 'E0a')!;
    expect(page).toContain(normal(map.nodes.E0a!.quote!.exact));
    expect(page).toContain(`${quote.note}. ${h.plan.notes[quote.note! - 1]}`);
    // The letter's first note is in full, with the archive and the leaves quoted.
    expect(h.plan.notes[quote.note! - 1]).toMatch(/^I\. V\. Stalin to Klement Gottwald, August 27, 1950, .*ll\. 71–72, RGASPI\.$/);
    // A later note of the same source is short.
    const later = h.plan.pages.flatMap((p) => p.quotes).filter((q) => map.nodes[q.node]!.quote!.source === 'letter' && q.note! > quote.note!);
    expect(later.length).toBeGreaterThan(0);
    expect(h.plan.notes[later[0]!.note! - 1]!.length).toBeLessThan(h.plan.notes[quote.note! - 1]!.length);
  });

  it('draws each step from one layout: only what is revealed, each card where it was on the page before', async () => {
    const prepared = await prepareHandoutPdf(h.plan, elk);
    const o7 = stepOf('O7');
    prepared.figures.forEach((f, k) => {
      const page = h.plan.pages[k]!;
      const drawn = new Set(f.layout.nodes.map((n) => n.id));
      // Framed on the step: its own nodes are drawn, and nothing it has not yet revealed.
      for (const id of steps[k]!.nodes) expect(drawn.has(id), `step ${k + 1}: ${id}`).toBe(true);
      for (const id of drawn) expect(Object.hasOwn(page.shown.nodes, id), `step ${k + 1}: ${id}`).toBe(true);
      if (k < o7) expect(f.svg.includes('id="node-O7"'), `step ${k + 1}`).toBe(false);
      if (k === o7) expect(f.svg.includes('id="node-O7"')).toBe(true);
      for (const e of f.layout.edges) expect(Object.hasOwn(page.shown.relations, e.id), `step ${k + 1}: ${e.id}`).toBe(true);
      // Each of the step's arrows is drawn with it, an objection's undercut too (with the arrow it attacks).
      for (const [id, r] of Object.entries(page.shown.relations)) {
        if (steps[k]!.nodes.some((n) => r.from.includes(n))) expect(f.layout.edges.some((e) => e.id === id), `step ${k + 1}: ${id}`).toBe(true);
      }
    });
    // A late step of the shipped map is its own region, not the whole map: fewer cards than revealed.
    const last = prepared.figures.at(-1)!;
    expect(last.layout.nodes.length).toBeLessThan(Object.keys(h.plan.pages.at(-1)!.shown.nodes).length);
    // C1 and its first ground keep their distance on every page that draws both: the cards do not move.
    const ground = steps[stepOf('C1') + 1]!.nodes[0]!;
    const at = (k: number, id: string) => prepared.figures[k]!.layout.nodes.find((n) => n.id === id);
    const both = prepared.figures.flatMap((_, k) => (at(k, ground) && at(k, 'C1') ? [k] : []));
    expect(both.length).toBeGreaterThanOrEqual(2);
    const gap = (k: number) => [at(k, 'C1')!.x - at(k, ground)!.x, at(k, 'C1')!.y - at(k, ground)!.y];
    for (const k of both) expect(gap(k), `step ${k + 1}`).toEqual(gap(both[0]!));
  });

  it("ends with every source's bibliography entry", () => {
    expect(h.plan.bibliography.length).toBe(Object.keys(map.sources).length);
    for (const entry of h.plan.bibliography) expect(h.pages.at(-1)).toContain(normal(entry));
  });
});

describe("a step's figure", () => {
  it('draws an undercut of an undercut, whichever of the two the map records first', () => {
    // A reply to the objection's undercut (r.O1 attacks the support of C1 by P1a and P1b), recorded before it.
    const m = structuredClone(map);
    m.nodes.R1 = { id: 'R1', kind: 'counter', title: 'Reply: the timing', voice: 'analyst', text: 'The boycott had been announced months before the war.' };
    m.view.positions.R1 = { x: m.view.positions.O1!.x + 320, y: m.view.positions.O1!.y };
    m.relations = { 'r.R1': { id: 'r.R1', kind: 'undercuts', voice: 'analyst', from: ['R1'], to: 'r.O1' }, ...m.relations };
    const whole = renderFigure(m, { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: false }, { embedMap: false });
    expect(whole.layout.edges.some((e) => e.id === 'r.R1')).toBe(true);
    const drawn = (f: { layout: { edges: readonly { id: string }[] } }) => f.layout.edges.map((e) => e.id).sort();
    // The whole map revealed: every arrow drawn as in the map's own figure, the reply's too.
    const revealed = revealedFigure(whole, m);
    expect(drawn(revealed)).toEqual(drawn(whole));
    expect(revealed.svg).toContain('id="relation-r.R1"');
    // Framed on the reply: the objection and the arrow it attacks come into the frame, so all three arrows are drawn.
    const framed = revealedFigure(whole, m, ['R1']);
    expect(framed.layout.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['R1', 'O1', 'P1a', 'P1b', 'C1']));
    expect(drawn(framed)).toEqual(expect.arrayContaining(['r.P1.C1', 'r.O1', 'r.R1']));
    expect(framed.svg).toContain('id="relation-r.R1"');
  });
});

describe('PDF handout, a page per claim', () => {
  it('starts a page for each thesis and claim, in the outline order, with its premises, evidence and objections', async () => {
    const h = await handout({ paging: 'claim' });
    const claims = Object.values(map.nodes).filter((n) => n.kind === 'thesis' || n.kind === 'claim');
    expect(h.plan.pages.length).toBe(claims.length);
    let at = 0;
    h.plan.pages.forEach((p) => {
      const found = h.pages.findIndex((t, i) => i >= at && t.includes(p.kicker));
      expect(found, p.kicker).toBeGreaterThanOrEqual(at);
      at = found + 1;
    });
    expect(h.pages.at(-1)!.startsWith('Bibliography')).toBe(true);
    // Claim 4's page holds its objection O7 and its evidence E4a, not Claim 1.
    const c4 = h.pages.findIndex((t) => t.includes(`Section ${h.plan.pages.findIndex((p) => p.heading === 'Claim 4') + 1} of`));
    expect(h.pages[c4]).toContain(O7);
    expect(h.pages[c4]).toContain(normal(map.nodes.E4a!.text).slice(0, 30));
    expect(h.pages[c4]).not.toContain(normal(map.nodes.C1!.text).slice(0, 30));
  }, 120_000);

  it("lays each claim's figure out for the page: the text block's width, type of 7 pt or more where the claim fits", async () => {
    const plan = planHandout(map, cite, { paging: 'claim' });
    const prepared = await prepareHandoutPdf(plan, elk);
    prepared.figures.forEach((f, k) => {
      const printed = printedSize(f.layout, CLAIM_FIGURE_TARGET.widthMm);
      const own = printedSize(renderFigure(plan.pages[k]!.shown, { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: false }).layout, CLAIM_FIGURE_TARGET.widthMm);
      expect(f.pageReady, plan.pages[k]!.heading).toMatch(/^(fits|closest)$/);
      // As drawn: the text block's width, shrunk to the page's height where it is taller.
      const drawn = (p: typeof printed) => p.smallestPt! * Math.min(1, CLAIM_FIGURE_TARGET.maxHeightMm / p.heightMm);
      if (f.pageReady === 'fits') {
        expect(printed.smallestPt!, plan.pages[k]!.heading).toBeGreaterThanOrEqual(7 - 1e-9);
        expect(printed.heightMm, plan.pages[k]!.heading).toBeLessThanOrEqual(CLAIM_FIGURE_TARGET.maxHeightMm + 1e-9);
      }
      // Where no arrangement fits, the closest still prints larger type than the map's own arrangement on the page would.
      else expect(drawn(printed), plan.pages[k]!.heading).toBeGreaterThan(drawn(own));
    });
    expect(prepared.figures[plan.pages.findIndex((p) => p.heading === 'Claim 4')]!.pageReady).toBe('fits');
  }, 120_000);

  it("gives each claim its own figure, in page order, when ELK answers late and out of order (another thread's)", async () => {
    const plan = planHandout(map, cite, { paging: 'claim' });
    const inTurn = await prepareHandoutPdf(plan, elk);
    // Each answer held back a while that depends on its graph (the small ones longest), so the
    // claims fitted together finish in another order than the pages'.
    let k = 0;
    const late = { layout: async (g: Parameters<typeof elk.layout>[0]) => {
      k++;
      const wait = Math.max(0, 60 - 4 * (g.children?.length ?? 0));
      const out = await elk.layout(g);
      await new Promise((r) => setTimeout(r, wait));
      return out;
    } };
    const together = await prepareHandoutPdf(plan, late);
    expect(k).toBeGreaterThan(plan.pages.length);
    // Each page's figure draws that page's cards, and is the figure fitted one claim at a time.
    together.figures.forEach((f, i) => expect(f.layout.nodes.map((n) => n.id).sort(), plan.pages[i]!.heading).toEqual(Object.keys(plan.pages[i]!.shown.nodes).sort()));
    expect(together.figures.map((f) => f.svg)).toEqual(inTurn.figures.map((f) => f.svg));
    expect(together.figures.map((f) => f.pageReady)).toEqual(inTurn.figures.map((f) => f.pageReady));
  }, 120_000);
});

describe('PDF worksheet', () => {
  it('leaves the chosen nodes blank on every page, their quotes and notes kept', async () => {
    const h = await handout({ worksheet: ['O7', 'E0a'] });
    for (const p of h.pages) {
      expect(p).not.toContain(O7);
      expect(p).not.toContain(normal(map.nodes.E0a!.text));
    }
    expect(h.pages[stepOf('O7')]).toContain(WORKSHEET_BLANK.split('\n')[0]);
    expect(h.pages[stepOf('O7')]).toContain('Objection: a supposition'); // its title stays, as in the HTML worksheet
    expect(h.pages[stepOf('E0a')]).toContain('Evidence (left blank)');
    expect(h.pages[stepOf('E0a')]).toContain(normal(map.nodes.E0a!.quote!.exact));
    expect(h.pages[0]).toContain('(worksheet: fill in the blanks)');
  }, 120_000);
});
