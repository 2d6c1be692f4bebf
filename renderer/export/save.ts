// Saving a figure or a bibliography (binary or text) where the user chooses. In Electron through the preload
// bridge's saveBinary, when the shell provides it; in the browser through the File System
// Access save picker when there is one (and the classic switch is off), else as a download.
// The picker needs a fresh click, so the place is asked for first (chooseTarget), and the
// figure, which can take a while to draw, is written when it is ready.
import { platform } from '../platform';
import { downloadBlob, PICKER_SWITCH_KEY } from '../platform/web';

import type { FigureFormat } from '../../arguments/export/figure';
import type { ExportPurpose } from '../platform/types';

/** The browser's picker remembers a folder per id (kept as they were, so folders stay remembered). */
const PICKER_IDS = { figure: 'argument-figures', bibliography: 'bibliographies', outline: 'argument-outlines', handout: 'argument-handouts', report: 'compare-reports' } satisfies Record<ExportPurpose, string>;

/** What is saved: its MIME type (the one the Electron shell checks the bytes against), file ending and name in the Save dialog. */
export interface SavedKind {
  mime: string;
  /** With the dot: ".svg". */
  extension: string;
  description: string;
}

export const FIGURE_KINDS: Record<FigureFormat, SavedKind> = {
  svg: { mime: 'image/svg+xml', extension: '.svg', description: 'SVG figure' },
  png: { mime: 'image/png', extension: '.png', description: 'PNG image' },
  pdf: { mime: 'application/pdf', extension: '.pdf', description: 'PDF document' },
};

export const MIME: Record<FigureFormat, string> = { svg: FIGURE_KINDS.svg.mime, png: FIGURE_KINDS.png.mime, pdf: FIGURE_KINDS.pdf.mime };

/** What the Electron bridge adds to the Platform for figures (see the export report). */
export interface BinarySaver {
  /** Asks where to save (suggesting `suggestedName`) and writes `bytes`; null when the user cancels. */
  saveBinary(bytes: Uint8Array, suggestedName: string, mime: string, purpose?: ExportPurpose): Promise<{ name: string } | null>;
}

interface SavePicker {
  showSaveFilePicker(options: { id?: string; suggestedName?: string; types?: { description: string; accept: Record<string, string[]> }[] }): Promise<FileSystemFileHandle>;
}

export interface SaveTarget {
  /** Writes the figure; the name it was saved under, or null when the user cancelled. */
  write(bytes: Uint8Array): Promise<string | null>;
}

function picker(): SavePicker | null {
  const w = window as Window & Partial<SavePicker>;
  if (typeof w.showSaveFilePicker !== 'function') return null;
  try {
    if (window.localStorage.getItem(PICKER_SWITCH_KEY) === 'classic') return null;
  } catch {
    // Storage can be disabled; the picker is then fine to use.
  }
  return w as SavePicker;
}

/**
 * Where the figure will go. Call it straight from the click (the browser's picker needs the
 * gesture); null when the user cancels the picker.
 */
export function chooseTarget(suggestedName: string, format: FigureFormat): Promise<SaveTarget | null> {
  return chooseTargetFor(suggestedName, FIGURE_KINDS[format], 'figure');
}

/** The same for any kind of file, for what `purpose` says it is. */
export async function chooseTargetFor(suggestedName: string, kind: SavedKind, purpose: ExportPurpose): Promise<SaveTarget | null> {
  const pickerId = PICKER_IDS[purpose];
  // Platform.saveBinary (the preload's) must stay a BinarySaver: checked here at compile time.
  const bridge: BinarySaver['saveBinary'] | undefined = platform.saveBinary;
  if (typeof bridge === 'function')
    return { write: async (bytes) => (await bridge.call(platform, bytes, suggestedName, kind.mime, purpose))?.name ?? null };
  const p = picker();
  if (p) {
    let handle: FileSystemFileHandle;
    try {
      handle = await p.showSaveFilePicker({ id: pickerId, suggestedName, types: [{ description: kind.description, accept: { [kind.mime]: [kind.extension] } }] });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return null;
      throw new Error(err instanceof Error && err.message ? `The Save dialog could not be shown (${err.message}).` : 'The Save dialog could not be shown.');
    }
    return {
      write: async (bytes) => {
        const stream = await handle.createWritable();
        try {
          await stream.write(bytes as Uint8Array<ArrayBuffer>);
          await stream.close();
        } catch (err) {
          await stream.abort().catch(() => undefined);
          throw err;
        }
        return handle.name;
      },
    };
  }
  return {
    write: async (bytes) => {
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: kind.mime }), suggestedName);
      return suggestedName;
    },
  };
}
