// Chicago notes-bibliography citations in the browser: citeproc-rs's WebAssembly (initialised
// once per page: initialising again would break every Driver), the shipped styles, and ONE
// processor kept open (a fresh one is slow on its first render). Everything is loaded the
// first time a citation is asked for, never on the first paint.
import type { Locator } from '../../arguments/cite/locator';
import type { CiteProcessor, RenderedNote } from '../../arguments/cite/processor';
import type { Quote, Source } from '../../arguments/model';

let wasm: Promise<typeof import('@citeproc-rs/wasm/_web/citeproc_rs_wasm.js')> | null = null;
let processor: Promise<CiteProcessor> | null = null;

function citeproc() {
  wasm ??= Promise.all([import('@citeproc-rs/wasm/_web/citeproc_rs_wasm.js'), import('@citeproc-rs/wasm/_web/citeproc_rs_wasm_bg.wasm?url')]).then(async ([lib, url]) => {
    await lib.default(url.default);
    return lib;
  });
  return wasm;
}

function reason(err: unknown): string {
  return err instanceof Error && err.message ? err.message : String(err);
}

/** The page's one processor, made on first use; a failure is worded and the next call tries again. */
export function citeProcessor(): Promise<CiteProcessor> {
  processor ??= (async () => {
    const [lib, { CHICAGO_STYLES }, { createCiteProcessor }] = await Promise.all([citeproc(), import('../../arguments/cite/styles/styles'), import('../../arguments/cite/processor')]);
    // citeproc-rs accepts a null locale ("not available"), which its typings do not say.
    return createCiteProcessor(async (options) => new lib.Driver(options as ConstructorParameters<typeof lib.Driver>[0]), CHICAGO_STYLES);
  })().catch((err: unknown) => {
    processor = null;
    throw new Error(err instanceof Error && err.name === 'CiteError' ? err.message : `The citation processor could not be started (${reason(err)}).`);
  });
  return processor;
}

export interface SourceCitations {
  /** The first, full note. */
  full: RenderedNote;
  short: RenderedNote;
  bibliography: RenderedNote;
}

async function cite() {
  const [p, csl] = await Promise.all([citeProcessor(), import('../../arguments/cite/csl')]);
  return { p, csl };
}

/** The full note, the short note and the bibliography entry of a source. */
export async function citeSource(source: Source): Promise<SourceCitations> {
  const { p, csl } = await cite();
  const item = csl.toCsl(source);
  const [full] = p.notes([item], [{ id: item.id }], 'full');
  const [short] = p.notes([item], [{ id: item.id }], 'short');
  const entry = p.bibliography([item]).find((e) => e.id === item.id);
  return { full: full!, short: short!, bibliography: entry ? { plain: entry.plain, html: entry.html } : { plain: '', html: '' } };
}

export interface QuoteNote {
  locator: Locator | null;
  /** The full note citing the quote's page or folio. */
  full: RenderedNote;
  short: RenderedNote;
}

/** For each quote of the source: the full and short notes with its page or folio. */
export async function citeQuotes(source: Source, quotes: readonly Quote[]): Promise<QuoteNote[]> {
  const [{ p, csl }, { locatorFor }] = await Promise.all([cite(), import('../../arguments/cite/locator')]);
  const item = csl.toCsl(source);
  return quotes.map((quote) => {
    const locator = locatorFor(source, quote);
    const c = locator ? { id: item.id, locator } : { id: item.id };
    return { locator, full: p.notes([item], [c], 'full')[0]!, short: p.notes([item], [c], 'short')[0]! };
  });
}
