// The sources pane's own tools, above its tabs: add a source (pasted or from a file), import
// bibliographic records, export every source; and what an empty pane says and offers.
import { useRovingToolbar } from '../panels/rovingToolbar';
import { openAddSource } from './addSourceState';
import { importBibliography } from './importState';
import { SourcesExport } from './SourcesExport';

/** Add, import, export: the pane's own tools, above the tabs (and in its empty state). */
export function PaneTools({ hasSources }: { hasSources: boolean }) {
  const roving = useRovingToolbar<HTMLDivElement>();
  return (
    <div className="aa-src-tools" role="toolbar" aria-label="Source tools" {...roving}>
      <button type="button" className="aa-src-button" onClick={() => openAddSource()} aria-keyshortcuts="Control+Shift+O" title="Paste a text or bring a file (Ctrl+Shift+O)">
        Add source…
      </button>
      <button type="button" className="aa-src-button" onClick={() => void importBibliography()} title="Records from a Zotero BibTeX, BibLaTeX or CSL-JSON export">
        Import bibliography…
      </button>
      {hasSources && <SourcesExport />}
    </div>
  );
}

/** A map without sources: what to do, with the two ways in. */
export function NoSources() {
  return (
    <div className="aa-src-empty">
      <p>
        <strong>This map has no sources.</strong>
      </p>
      <p>
        Add the documents you quote: paste a text, or bring a file (plain text, Markdown, PDF, Word or HTML). Bibliographic records from Zotero (BibTeX or CSL-JSON)
        can be imported and their texts added later. Then select a passage and press Make evidence.
      </p>
      <div className="aa-src-empty-buttons">
        <button type="button" className="aa-src-button aa-src-make" onClick={() => openAddSource()}>
          Add source…
        </button>
        <button type="button" className="aa-src-button" onClick={() => void importBibliography()}>
          Import bibliography…
        </button>
      </div>
    </div>
  );
}
