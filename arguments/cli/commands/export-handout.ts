// `argmap export MAP --format html [--out FILE] [--worksheet IDS|counters]`: the map as one
// self-contained HTML handout (export/handout.ts), its hashes made with node:crypto and its
// fonts read from the bundled TTFs; `--format handout-pdf [--per step|claim]`: the PDF handout
// (export/handoutPdf.ts) with PDFKit's Node build and the Chicago notes of citeproc-rs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildHandout, HandoutError, worksheetNodes, type HandoutPlatform } from '../../export/handout';
import { planHandout, type HandoutPaging } from '../../export/handout/pages';
import { prepareHandoutPdf, writeHandoutPdf } from '../../export/handoutPdf';
import type { ArgumentMap } from '../../model';
import { figuresEngine } from '../elkThread';
import { fallbackFontBytes, fallbackFontFile, fontBytes, fontFile, pdfLibraries } from '../figures';
import { CliError, say, type Io } from '../io';
import { shown } from '../quote';
import { checkTarget, writeFileAtomic } from '../write';

export const NODE_PLATFORM: HandoutPlatform = {
  sha256Base64: (text) => createHash('sha256').update(text, 'utf8').digest('base64'),
  fontBytes: (use) => readFileSync(use.font === 'Source Serif 4' ? fontFile(use.face) : fallbackFontFile({ font: use.font, face: use.face })),
};

/** Where the handout goes without --out: beside the map, named after it. */
export const handoutPathFor = (file: string) => file.replace(/(\.argmap)?\.json$/i, '') + '.html';

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** A HandoutError as the CLI says it. */
function worded<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof HandoutError) throw new CliError(`argmap export: ${err.message}`);
    throw err;
  }
}

export function exportHandout(map: ArgumentMap, o: { out: string; worksheet?: string }, io: Io): number {
  const worksheet = o.worksheet === undefined ? undefined : worded(() => worksheetNodes(map, o.worksheet!));
  checkTarget(o.out, { overwrite: true });
  const handout = buildHandout(map, NODE_PLATFORM, { worksheet });
  writeFileAtomic(o.out, handout.html, { overwrite: true });
  const what = worksheet ? `HTML worksheet (${worksheet.length} ${worksheet.length === 1 ? 'node' : 'nodes'} left blank)` : 'HTML handout';
  say(io.out, `${shown(o.out)}: ${what}, ${handout.nodes} nodes in ${handout.steps} steps, ${Object.keys(map.sources).length} sources, ${mb(Buffer.byteLength(handout.html, 'utf8'))}`);
  for (const f of handout.notEmbedded) say(io.err, `argmap export: warning: the ${f.font} ${f.face} face is too large to put in a handout; the reader's own fonts show the characters it would draw.`);
  return 0;
}

/** Where the PDF handout goes without --out. */
export const handoutPdfPathFor = (file: string) => file.replace(/(\.argmap)?\.json$/i, '') + '.handout.pdf';

export async function exportHandoutPdf(map: ArgumentMap, o: { out: string; worksheet?: string; paging: HandoutPaging }, io: Io): Promise<number> {
  const worksheet = o.worksheet === undefined ? undefined : worded(() => worksheetNodes(map, o.worksheet!));
  checkTarget(o.out, { overwrite: true });
  const cite = await (await import('../citeproc-node')).nodeCiteProcessor();
  let plan;
  try {
    plan = worded(() => planHandout(map, cite, { paging: o.paging, worksheet }));
  } finally {
    cite.dispose();
  }
  // A page per claim lays each claim out afresh (a page per step draws the map's own layout).
  const engine = figuresEngine(o.paging === 'claim' ? plan.pages.length : 0);
  let prepared;
  try {
    prepared = await prepareHandoutPdf(plan, engine);
  } finally {
    await engine.close();
  }
  const pdf = await writeHandoutPdf(await pdfLibraries(), fontBytes(), fallbackFontBytes(prepared.faces), prepared, { date: map.meta.modified, description: map.meta.description });
  writeFileAtomic(o.out, pdf.bytes, { overwrite: true });
  const what = worksheet ? `PDF worksheet (${worksheet.length} ${worksheet.length === 1 ? 'node' : 'nodes'} left blank)` : 'PDF handout';
  const per = o.paging === 'step' ? `${plan.pages.length} steps` : `${plan.pages.length} ${plan.pages.length === 1 ? 'section' : 'sections'}: the thesis and each claim`;
  say(io.out, `${shown(o.out)}: ${what}, a page per ${o.paging} (${per}) and the bibliography, ${pdf.sheets} pages, ${plan.notes.length} notes, ${mb(pdf.bytes.length)}`);
  return 0;
}
