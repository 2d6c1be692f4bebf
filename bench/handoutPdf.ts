// The PDF handout of a generated map (`argmap export --format handout-pdf`, in-process as the
// CLI runs it): a page per step and a page per claim, each timed whole (plan with the Chicago
// notes, the figures — a claim's laid out afresh for the page by ELK —, PDFKit, a step's cards
// and arrows each drawn once as a form placed on every page that shows it) with the parts
// logged, and the size of the file. The citation processor is opened once beforehand, as the
// app keeps one open. `npx tsx bench/handoutPdf.ts [NODES]` prints them (1,000 nodes unless said).
import { startFigureRouting, stopFigureRoutingThreads } from '../arguments/cli/avoid';
import { nodeCiteProcessor } from '../arguments/cli/citeproc-node';
import { fallbackFontBytes, fontBytes, pdfLibraries } from '../arguments/cli/figures';
import { planHandout, type HandoutPaging } from '../arguments/export/handout/pages';
import { figuresEngine } from '../arguments/cli/elkThread';
import { prepareHandoutPdf, writeHandoutPdf } from '../arguments/export/handoutPdf';
import { generateMap } from './generate';
import { atMost, type Figure } from './results';

export interface HandoutPdfBenchOptions {
  reps?: number;
  nodes?: number;
  /** Which pagings to time (both unless said: the smoke run times a page per claim only). */
  pagings?: readonly HandoutPaging[];
  log?: (line: string) => void;
}

export async function benchHandoutPdf(options: HandoutPdfBenchOptions = {}): Promise<Figure[]> {
  const reps = options.reps ?? 1;
  const size = options.nodes ?? 1000;
  const log = options.log ?? (() => {});
  const map = generateMap(size);
  const cite = await nodeCiteProcessor();
  const [libs, fonts] = [await pdfLibraries(), fontBytes()];
  const out: Figure[] = [];
  try {
    for (const paging of options.pagings ?? (['step', 'claim'] as const)) {
      // Routing as `argmap export --format handout-pdf` sets it up (commands/export.ts): in this
      // thread, without the routing threads an earlier row may have started (the HTML handout's):
      // on two cores they did not make a page per step faster (figures 2.6 → 2.8 s here, 4 Dec).
      await stopFigureRoutingThreads();
      await startFigureRouting();
      const ms: number[] = [];
      let mb = 0;
      let note = '';
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        const plan = planHandout(map, cite, { paging });
        const t1 = performance.now();
        // As the CLI does: ELK in a thread of its own for many claims (cli/elkThread.ts), started in the time measured.
        const elk = figuresEngine(paging === 'claim' ? plan.pages.length : 0);
        const prepared = await prepareHandoutPdf(plan, elk).finally(() => elk.close());
        const t2 = performance.now();
        const pdf = await writeHandoutPdf(libs, fonts, fallbackFontBytes(prepared.faces), prepared, { date: map.meta.modified });
        const t3 = performance.now();
        ms.push(t3 - t0);
        mb = pdf.bytes.length / 1024 / 1024;
        const parts = pdf.parts.drawn > 0 ? `, ${pdf.parts.drawn.toLocaleString('en-US')} cards and arrows drawn once as forms, placed ${pdf.parts.placed.toLocaleString('en-US')} times; ${pdf.parts.inline.toLocaleString('en-US')} on one page only, drawn there` : '';
        note = `(${pdf.sheets} pages, ${plan.notes.length} notes; plan ${(t1 - t0).toFixed(0)} ms, figures ${(t2 - t1).toFixed(0)} ms, PDFKit ${(t3 - t2).toFixed(0)} ms${parts})`;
        log(`  PDF handout per ${paging}, ${size} nodes: ${(t3 - t0).toFixed(0)} ms, ${mb.toFixed(2)} MB ${note}`);
      }
      const what = `PDF handout, a page per ${paging}, of a ${size.toLocaleString('en-US')}-node generated map`;
      out.push(
        { key: `node.handout-pdf.${paging}.time.${size}`, label: `${what} (planHandout + prepareHandoutPdf + writeHandoutPdf)`, size, unit: 'ms', app: ms, baseline: null, goal: atMost(2000, '≤ 2 s'), note },
        { key: `node.handout-pdf.${paging}.size.${size}`, label: `${what}: file size`, size, unit: 'MB', app: [mb], baseline: null, goal: atMost(10, '≤ 10 MB'), note },
      );
    }
  } finally {
    cite.dispose();
    await stopFigureRoutingThreads();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const nodes = Number(process.argv[2] ?? 1000);
  for (const f of await benchHandoutPdf({ nodes, log: (l) => process.stdout.write(`${l}\n`) })) process.stdout.write(`${f.key}: ${f.app.map((x) => x.toFixed(f.unit === 'MB' ? 2 : 0)).join(', ')} ${f.unit}\n`);
}
