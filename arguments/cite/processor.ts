// Chicago notes-bibliography citations, rendered by a real CSL processor: citeproc-rs
// (@citeproc-rs/wasm, MPL-2.0) with the Chicago 17th-edition styles and the en-US locale
// shipped in styles/. The WebAssembly module loads differently in Node and in a browser, so the
// edge injects a factory for its Driver (cli/citeproc-node.ts for Node; see that file for the
// browser) and this module stays pure.
//
// Two styles: `chicago-fullnote-bibliography` renders the full first note and the bibliography;
// `chicago-note-bibliography` renders short notes. The two files differ only in the citation
// layout's first-position branch (the short style's note is the full style's "subsequent" form),
// and the short style gives that form whatever precedes the note, so a short note never turns
// into an "Ibid." or a title-less "Bloch, 43." that depends on its neighbour. Each note is
// rendered on its own (previewCluster with one position); which cite is a first note is decided
// here: the first cite of each item.
import type { CslItem } from './csl-item';
import type { Locator } from './locator';
import { escapeMarkup, folioText, processorItem, withFolioLocation } from './processor-input';

/** The style and locale files, as strings (styles/styles.ts holds the shipped ones). */
export interface CiteStyles {
  fullNote: string;
  shortNote: string;
  /** Locale XML by language tag; "en-US" is needed. */
  locales: Record<string, string>;
}

/** The part of @citeproc-rs/wasm's Driver this module uses. */
export interface CiteprocDriver {
  resetReferences(refs: unknown[]): void;
  insertReference(ref: { id: string; type: string; [key: string]: unknown }): void;
  includeUncited(uncited: 'None' | 'All'): void;
  previewCluster(cluster: { cites: unknown[] }, positions: unknown[], format?: string): string;
  makeBibliography(): { id: string; value: string }[];
  fetchLocales(): Promise<unknown>;
  free(): void;
}

export interface DriverOptions {
  style: string;
  format: 'html' | 'plain';
  formatOptions: { linkAnchors: boolean };
  fetcher: { fetchLocale(lang: string): Promise<string | null> };
}

/** Makes a Driver: `async (o) => new Driver(o)` once the WebAssembly module is ready. */
export type MakeDriver = (options: DriverOptions) => Promise<CiteprocDriver>;

export interface Cite {
  id: string;
  locator?: Locator;
}

export interface RenderedNote {
  /** For the clipboard's text flavour. */
  plain: string;
  /** citeproc's HTML (user text escaped), only for a text/html clipboard flavour. */
  html: string;
}

export interface RenderedEntry extends RenderedNote {
  id: string;
}

export interface CiteProcessor {
  /** One note per cite. 'full': an item's first cite is a full note, its later ones short notes; 'short': all short. */
  notes(items: CslItem[], cites: Cite[], form: 'full' | 'short'): RenderedNote[];
  /** Every item's entry, in the bibliography's order. */
  bibliography(items: CslItem[]): RenderedEntry[];
  dispose(): void;
}

export type CiteErrorCode = 'style-invalid' | 'unknown-item' | 'processor-failed' | 'disposed';

export class CiteError extends Error {
  constructor(
    readonly code: CiteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CiteError';
  }
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);

export async function createCiteProcessor(makeDriver: MakeDriver, styles: CiteStyles): Promise<CiteProcessor> {
  const fetcher = { fetchLocale: async (lang: string) => (Object.hasOwn(styles.locales, lang) ? styles.locales[lang]! : null) };
  const open = async (style: string, format: 'html' | 'plain', name: string) => {
    try {
      // Links off: a URL field is text here, never an <a href> in the HTML flavour.
      const driver = await makeDriver({ style, format, formatOptions: { linkAnchors: false }, fetcher });
      await driver.fetchLocales();
      return driver;
    } catch (err) {
      throw new CiteError('style-invalid', `The ${name} citation style could not be loaded (${reason(err)}).`);
    }
  };
  // The full-note driver writes HTML, the short-note one plain text; each previews notes in the
  // other format too, and their bibliographies are the same (one bibliography layout in both files).
  const full = await open(styles.fullNote, 'html', 'Chicago full-note');
  let short: CiteprocDriver;
  try {
    short = await open(styles.shortNote, 'plain', 'Chicago short-note');
  } catch (err) {
    full.free();
    throw err;
  }
  let disposed = false;

  const guard = <T>(work: () => T): T => {
    if (disposed) throw new CiteError('disposed', 'The citation processor has been closed; open a new one.');
    try {
      return work();
    } catch (err) {
      if (err instanceof CiteError) throw err;
      throw new CiteError('processor-failed', `The citation could not be rendered (${reason(err)}).`);
    }
  };

  const load = (items: CslItem[]) => {
    const prepared = items.map(processorItem);
    full.resetReferences(prepared);
    short.resetReferences(prepared);
    return new Map(prepared.map((p) => [p.id, p]));
  };

  const preview = (driver: CiteprocDriver, cite: unknown): RenderedNote => ({
    plain: driver.previewCluster({ cites: [cite] }, [{ note: 1 }], 'plain'),
    html: driver.previewCluster({ cites: [cite] }, [{ note: 1 }], 'html'),
  });

  return {
    notes(items, cites, form) {
      return guard(() => {
        const byId = load(items);
        full.includeUncited('None');
        short.includeUncited('None');
        const seen = new Set<string>();
        // A note is previewed on its own (no ibid.), so within one call the same cite in the same
        // form is the same note: a handout of many quotes from few sources renders each once.
        const rendered = new Map<string, RenderedNote>();
        const once = (key: string, render: () => RenderedNote): RenderedNote => {
          const hit = rendered.get(key);
          if (hit) return { ...hit };
          const note = render();
          rendered.set(key, note);
          return { ...note };
        };
        return cites.map((cite) => {
          const item = byId.get(cite.id);
          if (!item) throw new CiteError('unknown-item', `A note cites "${cite.id}", which is not among the sources given to the processor.`);
          const first = form === 'full' && !seen.has(cite.id);
          seen.add(cite.id);
          const location = item.archive_location;
          if (cite.locator?.label === 'folio' && location) {
            // Archival convention: a note names the leaf in the archive's own form ("d. 62, l. 71"),
            // not with the locale's "fol.": in the location for a full note, after a short one.
            const folio = cite.locator.value;
            if (!first) return once(JSON.stringify(['short folio', cite.id, folio]), () => preview(short, { id: cite.id, suffix: `, ${folioText(folio)}` }));
            return once(JSON.stringify(['full folio', cite.id, folio]), () => {
              full.insertReference({ ...item, archive_location: withFolioLocation(location, folio) });
              const note = preview(full, { id: cite.id });
              full.insertReference(item);
              return note;
            });
          }
          // A locator is read as rich text too.
          const c = cite.locator ? { id: cite.id, locator: escapeMarkup(cite.locator.value), label: cite.locator.label } : { id: cite.id };
          return once(JSON.stringify([first ? 'full' : 'short', c]), () => preview(first ? full : short, c));
        });
      });
    },

    bibliography(items) {
      return guard(() => {
        load(items);
        full.includeUncited('All');
        short.includeUncited('All');
        const html = full.makeBibliography();
        const plain = new Map(short.makeBibliography().map((e) => [e.id, e.value]));
        return html.map((e) => ({ id: e.id, html: e.value, plain: plain.get(e.id) ?? '' }));
      });
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      full.free();
      short.free();
    },
  };
}
