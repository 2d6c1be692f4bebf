// The handout's bytes in the renderer (web build and Electron alike), by the same code as the
// CLI: the HTML handout (export/handout.ts) with @noble/hashes for its CSP hashes and the
// bundled fonts, fetched beforehand (prefetchHandoutFonts when the dialog opens; a fallback
// face the figure turns out to need, before the page is built), since the builder reads them
// synchronously; the PDF handout (export/handoutPdf.ts) with PDFKit's browser build and the
// page's one citation processor.
import { sha256 } from '@noble/hashes/sha256';
import { buildHandout, handoutFigure, pageFaces, type HandoutPlatform } from '../../arguments/export/handout';
import { planHandout, type HandoutPaging } from '../../arguments/export/handout/pages';
import { prepareHandoutPdf, writeHandoutPdf } from '../../arguments/export/handoutPdf';
import type { FontFaceUse } from '../../arguments/export/glyphs';
import { exportFileName } from '../../arguments/export/names';
import type { ArgumentMap, Id } from '../../arguments/model';
import { fallbackFontBytes, fontBytes } from '../export/fonts';
import { pdfLibraries } from '../export/produce';
import { layoutEngine } from '../layout/autoLayout';
import type { SavedKind } from '../export/save';
import { citeProcessor } from '../sources/citeService';
import type { HandoutFormat } from './handoutState';

export const HANDOUT_KINDS = {
  html: { mime: 'text/html', extension: '.html', description: 'HTML handout' },
  pdf: { mime: 'application/pdf', extension: '.pdf', description: 'PDF handout' },
} satisfies Record<HandoutFormat, SavedKind>;

export function handoutFileName(documentName: string, map: ArgumentMap, format: HandoutFormat, worksheet: boolean): string {
  return exportFileName({ documentName, map, kind: worksheet ? 'worksheet' : 'handout', extension: HANDOUT_KINDS[format].extension });
}

const key = (u: FontFaceUse) => `${u.font}\u0000${u.face}`;
const fonts = new Map<string, Uint8Array>();

async function load(faces: readonly FontFaceUse[]): Promise<void> {
  const missing = faces.filter((u) => !fonts.has(key(u)));
  if (missing.length === 0) return;
  const [primary, fallbacks] = await Promise.all([fontBytes(), fallbackFontBytes(missing)]);
  for (const face of ['regular', 'italic', 'bold'] as const) fonts.set(key({ font: 'Source Serif 4', face }), primary[face]);
  for (const [font, faces] of Object.entries(fallbacks)) for (const [face, bytes] of Object.entries(faces ?? {})) fonts.set(key({ font, face } as FontFaceUse), bytes!);
}

/** Fetches Source Serif 4's faces (what nearly every handout needs) ahead of the export; a failure is said at the export. */
export function prefetchHandoutFonts(): Promise<void> {
  return load([{ font: 'Source Serif 4', face: 'regular' }]).catch(() => undefined);
}

/** The HTML handout's platform in a browser: a synchronous SHA-256 and the fonts fetched beforehand. */
export const BROWSER_HANDOUT_PLATFORM: HandoutPlatform = {
  sha256Base64(text) {
    const digest = sha256(new TextEncoder().encode(text));
    let s = '';
    for (const b of digest) s += String.fromCharCode(b);
    return btoa(s);
  },
  fontBytes(use) {
    const bytes = fonts.get(key(use));
    if (!bytes) throw new Error(`The ${use.font} ${use.face} font was not loaded before the handout was built.`);
    return bytes;
  },
};

/** Lets the page paint a progress message before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export interface HandoutFile {
  bytes: Uint8Array;
  /** What the dialog says was written: "21 pages: a page per step…". */
  summary: string;
}

export async function produceHandout(map: ArgumentMap, o: { format: HandoutFormat; paging: HandoutPaging; worksheet: readonly Id[] }, progress: (step: string) => void): Promise<HandoutFile> {
  const nodes = Object.keys(map.nodes).length.toLocaleString('en');
  const blanks = o.worksheet.length > 0 ? `, ${o.worksheet.length} ${o.worksheet.length === 1 ? 'node' : 'nodes'} left blank` : '';
  if (o.format === 'html') {
    progress(`Drawing the map (${nodes} nodes)…`);
    await nextFrame();
    const figure = handoutFigure(map, o.worksheet);
    progress('Loading the fonts…');
    await load(pageFaces(figure));
    progress('Writing the handout…');
    await nextFrame();
    const handout = buildHandout(map, BROWSER_HANDOUT_PLATFORM, { worksheet: o.worksheet, figure });
    const bytes = new TextEncoder().encode(handout.html);
    return { bytes, summary: `an HTML handout of ${handout.nodes.toLocaleString('en')} nodes in ${handout.steps} steps${blanks}` };
  }
  progress('Loading the citation processor…');
  const cite = await citeProcessor();
  progress(`Drawing a figure per ${o.paging} (${nodes} nodes)…`);
  await nextFrame();
  const plan = planHandout(map, cite, { paging: o.paging, worksheet: o.worksheet });
  const prepared = await prepareHandoutPdf(plan, layoutEngine);
  progress('Loading the PDF writer and fonts…');
  const [libs, primary, fallbacks] = await Promise.all([pdfLibraries(), fontBytes(), fallbackFontBytes(prepared.faces)]);
  progress(`Writing ${plan.pages.length + 1} pages…`);
  await nextFrame();
  const pdf = await writeHandoutPdf(libs, primary, fallbacks, prepared, { date: map.meta.modified, description: map.meta.description });
  return { bytes: pdf.bytes, summary: `a PDF handout of ${pdf.sheets} pages, a page per ${o.paging} and the bibliography, with ${plan.notes.length} notes${blanks}` };
}
