// Page-ready figures in the renderer: fitting runs ELK in the layout worker; the bytes are
// made as the CLI makes them (SVG sized in mm, PNG at its DPI of the printed size, PDF pages
// exactly the printed figure); a figure set is saved as separate files in Electron and as one
// .zip (fflate) in the web build, or as one multi-page PDF.
import { zipSync } from 'fflate';
import type { FigureFormat } from '../../arguments/export/figure';
import type { FittedFigure } from '../../arguments/export/fit';
import { writePdf } from '../../arguments/export/pdf';
import { MM_PER_PT, printSizedSvg } from '../../arguments/export/page';
import { figureSizeProblem } from '../../arguments/limits';
import { platform } from '../platform';
import { facesUsed, uniqueFaces } from '../../arguments/export/glyphs';
import { fallbackFontBytes, fontBytes } from './fonts';
import { pdfLibraries, rasterise } from './produce';
import { chooseTargetFor, FIGURE_KINDS, type SaveTarget } from './save';

/** Line art: journals ask for 600-1200 DPI. */
export const PAGE_PNG_DPI = 600;

export async function pageFigureBytes(f: FittedFigure, format: FigureFormat, dpi = PAGE_PNG_DPI): Promise<Uint8Array> {
  const { figure, printed } = f;
  let bytes: Uint8Array;
  if (format === 'svg') bytes = new TextEncoder().encode(printSizedSvg(figure.svg, printed.widthMm, printed.heightMm));
  else if (format === 'png') {
    const scaleDpi = (dpi * printed.widthMm) / 25.4 / (figure.width / 96);
    bytes = await rasterise(figure, scaleDpi, { dpi, title: figure.title, mapJson: figure.mapJson });
  } else bytes = await pagesPdf([f]);
  const tooLarge = figureSizeProblem(bytes.length, format);
  if (tooLarge) throw new Error(tooLarge);
  return bytes;
}

/** Page-ready figures as the pages of one PDF. */
export async function pagesPdf(figures: readonly FittedFigure[]): Promise<Uint8Array> {
  // The fallback faces any page uses (the CJK ones only for CJK text).
  const used = uniqueFaces(figures.flatMap((f) => facesUsed(f.figure.layout)));
  const [libs, fonts, fallbacks] = await Promise.all([pdfLibraries(), fontBytes(), fallbackFontBytes(used)]);
  const pages = figures.map(({ figure, printed }) => ({ svg: figure.variant({ embedMap: false }), width: figure.width, height: figure.height, mapJson: figure.mapJson, title: figure.title, printWidthPt: printed.widthMm / MM_PER_PT, drawing: figure }));
  return writePdf(libs, fonts, pages, 'fit', fallbacks);
}

/** The set's files in one ZIP (stored uncompressed: PDF, PNG and the map inside are compressed already). */
export function zipOf(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { level: 0 }]])), { mtime: new Date('2000-01-01T00:00:00Z') });
}

export const ZIP_KIND = { mime: 'application/zip', extension: '.zip', description: 'Figure set (ZIP)' };

/** Separate files where the shell saves each one (Electron), else one ZIP: ask first, from the click. */
export async function chooseSetTarget(zipName: string, format: FigureFormat): Promise<{ write(files: { name: string; bytes: Uint8Array }[]): Promise<string[] | null> } | null> {
  if (typeof platform.saveBinary === 'function')
    return {
      write: async (files) => {
        const saved: string[] = [];
        for (const f of files) {
          const t: SaveTarget | null = await chooseTargetFor(f.name, FIGURE_KINDS[format], 'figure');
          const name = t ? await t.write(f.bytes) : null;
          if (name === null) return saved.length > 0 ? saved : null;
          saved.push(name);
        }
        return saved;
      },
    };
  const target = await chooseTargetFor(zipName, ZIP_KIND, 'figure');
  if (!target) return null;
  return { write: async (files) => ((await target.write(zipOf(files))) === null ? null : [zipName]) };
}
