// PDF -> text with pdf.js: each page's text items joined (spaces and line breaks where pdf.js
// reports them, or where the items' positions show a gap), pages separated by form feeds so a
// quote's page is the number of "\f" before it plus one. Nothing is fetched and nothing runs.
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { cancelledError, intakeError, named, subject, type IntakeError } from './errors';
import { checkTextLength, MAX_PDF_PAGES, MAX_SOURCE_TEXT_LENGTH } from './limits';
import type { IntakeOptions, IntakeResult } from './types';

/** The page separator in a PDF source's text. */
export const PAGE_BREAK = '\f';

/** The page of a position in a text with page breaks (1 + the form feeds before it); null without any. */
export function pageOf(text: string, offset: number): number | null {
  if (!text.includes(PAGE_BREAK)) return null;
  let page = 1;
  for (let i = text.indexOf(PAGE_BREAK); i >= 0 && i < offset; i = text.indexOf(PAGE_BREAK, i + 1)) page++;
  return page;
}

type Item = Pick<TextItem, 'str' | 'transform' | 'width' | 'height' | 'hasEOL'>;

/**
 * What goes between two items pdf.js put side by side without a space or an end of line:
 * a line break if the second is on another line (or runs another way), a space if it starts
 * clearly apart from where the first ends (after it, or back to its left), else nothing.
 */
export function gapBetween(a: Item, b: Item): '' | ' ' | '\n' {
  const [a0 = 0, a1 = 0, , , ax = 0, ay = 0] = a.transform as number[];
  const [b0 = 0, b1 = 0, , , bx = 0, by = 0] = b.transform as number[];
  const la = Math.hypot(a0, a1);
  const lb = Math.hypot(b0, b1);
  if (la === 0 || lb === 0) return '';
  const ux = a0 / la;
  const uy = a1 / la;
  if ((ux * b0 + uy * b1) / lb < 0.99) return '\n';
  const size = Math.max(a.height, b.height, la, lb);
  const along = (bx - ax) * ux + (by - ay) * uy;
  const across = Math.abs((by - ay) * ux - (bx - ax) * uy);
  if (across > 0.5 * size) return '\n';
  const gap = along - a.width;
  return gap > 0.15 * size || gap < -0.5 * size ? ' ' : '';
}

/** One page's text from its pdf.js text content, without trailing white space. */
export function pageText(items: readonly (TextItem | TextMarkedContent)[]): string {
  let out = '';
  let prev: Item | null = null;
  for (const item of items) {
    if (!('str' in item)) continue;
    // A form feed inside a page would shift every later page number.
    const s = item.str.replace(/\f/g, ' ');
    if (s !== '' && prev && !prev.hasEOL && out !== '' && !/\s/.test(out[out.length - 1]!) && !/\s/.test(s[0]!)) out += gapBetween(prev, item);
    out += s;
    if (item.hasEOL) out += '\n';
    if (s !== '') prev = item;
  }
  return out.trimEnd();
}

/** "3", "3 and 7", "2–5, 9 and 12". */
export function describePages(pages: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    runs.push(j > i + 1 ? `${pages[i]}–${pages[j]}` : j === i + 1 ? `${pages[i]}, ${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  const parts = runs.join(', ').split(', ');
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function emptyPagesWarning(pages: readonly number[]): string {
  return pages.length === 1
    ? `Page ${pages[0]} has no text layer: it may be a scanned image.`
    : `Pages ${describePages(pages)} have no text layer: they may be scanned images.`;
}

/** A complete PDF ends with %%EOF (Acrobat looks for it in the last KiB). */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

const damaged = (fileName: string): IntakeError =>
  intakeError('damaged', `${subject(fileName)} is damaged or is not really a PDF, so its text cannot be read. Open it in a PDF reader to check it; if it opens, save a copy (or print it to PDF) and add that.`);

const cutShort = (fileName: string): IntakeError =>
  intakeError('damaged', `${subject(fileName)} is incomplete: it stops short of its end, as after an interrupted download or copy. Get a complete copy and add it again.`);

function openingError(fileName: string, e: unknown): IntakeError {
  const name = e && typeof e === 'object' && 'name' in e ? String(e.name) : '';
  if (name === 'PasswordException')
    return intakeError('encrypted', `${subject(fileName)} is protected by a password, so its text cannot be read. Open it in a PDF reader, save a copy without the password, and add that.`);
  return damaged(fileName);
}

export async function intakePdf(fileName: string, bytes: Uint8Array, options: IntakeOptions): Promise<IntakeResult> {
  const { pdfjs, signal } = options;
  if (!pdfjs) return { ok: false, error: intakeError('unsupported', `${subject(fileName)} is a PDF, and PDFs cannot be read here.`) };
  if (signal?.aborted) return { ok: false, error: cancelledError(fileName) };
  const task = pdfjs.getDocument({
    ...options.pdfParams,
    // A copy: a worker takes ownership of (detaches) the array it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // Errors only: without standardFontDataUrl pdf.js warns for each non-embedded standard font
    // (Helvetica, Times…), whose metrics it has built in; text extraction does not need the files.
    verbosity: 0,
  });
  const stop = () => void task.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  const fail = (error: IntakeError): IntakeResult => ({ ok: false, error });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      return fail(signal?.aborted ? cancelledError(fileName) : openingError(fileName, e));
    }
    if (!hasEndMarker(bytes)) return fail(cutShort(fileName));
    const total = doc.numPages;
    if (total === 0) return fail(intakeError('empty', `${subject(fileName)} has no pages: there is no text to add.`));
    if (total > MAX_PDF_PAGES)
      return fail(intakeError('too-large', `${subject(fileName)} has ${total.toLocaleString('en-US')} pages; a source can have at most ${MAX_PDF_PAGES.toLocaleString('en-US')}. Split the PDF and add the parts you need.`));
    options.onProgress?.(0, total);
    const pages: string[] = [];
    const empty: number[] = [];
    let length = 0;
    for (let n = 1; n <= total; n++) {
      if (signal?.aborted) return fail(cancelledError(fileName));
      const page = await doc.getPage(n);
      const text = pageText((await page.getTextContent()).items);
      page.cleanup();
      if (text.trim() === '') empty.push(n);
      length += text.length + (n > 1 ? 1 : 0);
      if (length > MAX_SOURCE_TEXT_LENGTH) return fail(checkTextLength(fileName, null, true)!);
      pages.push(text);
      options.onProgress?.(n, total);
    }
    if (empty.length === total)
      return fail(
        intakeError('no-text-layer', `The PDF ${named(fileName)} has no text: it is a scan. Add a transcription instead (paste it, or a .txt file).`),
      );
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : undefined;
    return {
      ok: true,
      intake: {
        kind: 'pdf',
        text: pages.join(PAGE_BREAK),
        pages: total,
        extracted: true,
        ...(title ? { suggestedTitle: title } : {}),
        warnings: empty.length > 0 ? [emptyPagesWarning(empty)] : [],
      },
    };
  } catch {
    return fail(signal?.aborted ? cancelledError(fileName) : damaged(fileName));
  } finally {
    signal?.removeEventListener('abort', stop);
    await task.destroy().catch(() => {});
  }
}
