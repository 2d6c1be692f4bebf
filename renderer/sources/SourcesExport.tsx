// Export every source of the map as CSL-JSON (Zotero, Pandoc, any CSL processor) or
// BibLaTeX: through the desktop host's Save dialog where there is one, else the browser's
// picker or a download (renderer/export/save.ts, as for figures).
import { useId, useRef, useState } from 'react';
import { exportFileName } from '../../arguments/export/names';
import type { ArgumentMap } from '../../arguments/model';
import { chooseTargetFor, type SavedKind } from '../export/save';
import { editor, getMap, notify } from '../store/store';

type BibFormat = 'csl-json' | 'biblatex';

const KINDS = {
  'csl-json': { mime: 'application/vnd.citationstyles.csl+json', extension: '.json', description: 'CSL-JSON bibliography' },
  biblatex: { mime: 'application/x-bibtex', extension: '.bib', description: 'BibLaTeX bibliography' },
} as const satisfies Record<BibFormat, SavedKind>;

const LABELS: Record<BibFormat, string> = { 'csl-json': 'CSL-JSON (.json)', biblatex: 'BibLaTeX (.bib)' };

/** "stalin-gottwald-1950.sources.json", "stalin-gottwald-1950.bib" (arguments/export/names.ts). */
export function bibliographyFileName(documentName: string, map: ArgumentMap, format: BibFormat): string {
  return format === 'csl-json' ? exportFileName({ documentName, map, kind: 'sources', extension: 'json' }) : exportFileName({ documentName, map, extension: 'bib' });
}

async function exportSources(format: BibFormat): Promise<void> {
  const map = getMap();
  const name = bibliographyFileName(editor.getState().name, map, format);
  let target;
  try {
    // First, while the click still counts: where to save.
    target = await chooseTargetFor(name, KINDS[format], 'bibliography');
  } catch (err) {
    notify({ kind: 'error', title: 'Could not export the sources', lines: [err instanceof Error ? err.message : String(err)] });
    return;
  }
  if (!target) return;
  try {
    const { exportCslJson, exportBiblatex } = await import('../../arguments/cite/bibliography');
    const text = format === 'csl-json' ? exportCslJson(map) : exportBiblatex(map);
    const saved = await target.write(new TextEncoder().encode(text));
    if (saved === null) return;
    const n = Object.keys(map.sources).length;
    notify({ kind: 'info', title: `Exported “${saved}”`, lines: [`${n === 1 ? 'One source' : `${n} sources`} as ${LABELS[format]}.`] });
  } catch (err) {
    notify({ kind: 'error', title: 'Could not export the sources', lines: [err instanceof Error ? err.message : String(err)] });
  }
}

/** "Export…": a small menu of the two formats. */
export function SourcesExport() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const choose = (format: BibFormat) => {
    setOpen(false);
    button.current?.focus();
    void exportSources(format);
  };
  return (
    <span
      className="aa-src-export"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className="aa-src-button" aria-expanded={open} aria-controls={`${id}-menu`} title="Every source as CSL-JSON or BibLaTeX" onClick={() => setOpen((o) => !o)}>
        Export sources…
      </button>
      {open && (
        <span id={`${id}-menu`} className="aa-src-export-menu" role="group" aria-label="Export every source as">
          {(Object.keys(LABELS) as BibFormat[]).map((f) => (
            <button key={f} type="button" className="aa-src-button" onClick={() => choose(f)}>
              {LABELS[f]}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
