// The toolbar: file commands and figure export, adding nodes of each kind, undo/redo, layout and panes.
import { NODE_KINDS, NODE_KIND_LABELS } from '../../arguments/model';
import { addNodeOfKind, linkSelectedPremises } from '../commands';
import { ADD_KIND_DIGIT } from '../kinds';
import { KIND_GLYPH } from '../canvas/ArgumentNode';
import { newMap, openMap, revertMap, saveMap, saveMapAs } from '../files/fileCommands';
import { prepareAutoLayout, runAutoLayout, useLayoutBusy } from '../layout/autoLayout';
import { redoChange, requestFit, undoChange, useUndoState } from '../store/store';
import { togglePane, useUi } from './uiState';
import { openConnectDialog } from './connectDialogState';
import { SHORTCUT_HINT } from '../keyboard';
import { openExportDialog, useExportDialog } from '../export/exportState';
import { openOutlineExport, useOutlineExportDialog } from '../export/outlineExportState';
import { openHandoutExport, useHandoutExportDialog } from '../handout/handoutState';
import { whenWanted } from '../lazy';
import { openFind } from '../find/findState';
import { useRovingToolbar } from './rovingToolbar';
import { toggleOutline, useOutlineMode } from '../outline/outlineState';
import { setShowStatus, setVoicesPanel, useLayers } from '../status/layersState';
import { CommentsButton } from '../comments/CommentsButton';
import { ReadOnlyControl } from './ReadOnlyControl';
import { openPresentDialog } from '../present/presentDialogState';
import { useReadOnly } from '../store/store';
import { compareWithStudentMap, openMergeDialog } from '../compare/commands';

// The export dialogs bring the figure and outline exporters: loaded when first opened.
const ExportDialog = whenWanted(
  () => import('../export/ExportDialog').then((m) => m.ExportDialog),
  () => useExportDialog((s) => s.open),
);
const OutlineExportDialog = whenWanted(
  () => import('../export/OutlineExportDialog').then((m) => m.OutlineExportDialog),
  () => useOutlineExportDialog((s) => s.open),
);
// The handout builders (HTML, PDF with PDFKit and the citation processor), loaded when first opened.
const HandoutDialog = whenWanted(
  () => import('../handout/HandoutDialog').then((m) => m.HandoutDialog),
  () => useHandoutExportDialog((s) => s.open),
);

export function Toolbar() {
  const { canUndo, canRedo, undoLabel, redoLabel } = useUndoState();
  const busy = useLayoutBusy();
  const panes = useUi((s) => s.panes);
  const outline = useOutlineMode();
  const roving = useRovingToolbar<HTMLDivElement>();
  const voicesPanel = useLayers((s) => s.panel);
  const showStatus = useLayers((s) => s.showStatus);
  const readOnly = useReadOnly();
  return (
    <div className="aa-toolbar" role="toolbar" aria-label="Map tools" {...roving}>
      <div className="aa-group" aria-label="File">
        <button type="button" onClick={() => void newMap()} title="New map">New</button>
        <button type="button" onClick={() => void openMap()} title={`Open… (${SHORTCUT_HINT.open})`}>Open…</button>
        <button type="button" onClick={() => void saveMap()} title={`Save (${SHORTCUT_HINT.save})`}>Save</button>
        <button type="button" onClick={() => void saveMapAs()} title={`Save As… (${SHORTCUT_HINT.saveAs})`}>Save As…</button>
        <button type="button" onClick={() => void revertMap()} title="Revert to the saved file">Revert</button>
        <button type="button" onClick={openExportDialog} title={`Export a figure: SVG, PNG or PDF (${SHORTCUT_HINT.export})`}>Export…</button>
        <button type="button" onClick={openOutlineExport} title="Export the argument as an outline (Word, Markdown, LaTeX) or for Argdown and AIF">Export Outline…</button>
        <button type="button" onClick={openHandoutExport} title="Export a seminar handout: HTML that opens offline, or PDF a page per step or claim; optionally a worksheet with blanks">Export Handout…</button>
      </div>
      <div className="aa-group" aria-label="Reading">
        <ReadOnlyControl />
        <button type="button" onClick={openPresentDialog} title="Present the argument step by step, full screen (Space / → forward, ← back, Esc ends)">
          Present…
        </button>
        <button type="button" onClick={() => void compareWithStudentMap()} title="Compare a student’s map with this one (the model): what it has, lacks and places otherwise">
          Compare…
        </button>
        <button type="button" disabled={readOnly} onClick={() => void openMergeDialog()} title="Merge the edits of another copy of this map, made from the same base version">
          Merge…
        </button>
      </div>
      {/* Edit before Add: the groups then pack into two rows at 1440 px (the opening view needs the height). */}
      <div className="aa-group" aria-label="Edit">
        <button type="button" disabled={readOnly} onClick={() => openConnectDialog(null)} title="Connect the selected node (C)">Connect…</button>
        <button type="button" disabled={readOnly} onClick={linkSelectedPremises} title="Link the selected arrows' premises into one inference (G)">Link premises</button>
        <button type="button" onClick={openFind} title={`Find in the nodes and the sources (${SHORTCUT_HINT.find})`}>Find…</button>
        <button type="button" onClick={undoChange} disabled={!canUndo} title={`Undo ${undoLabel ?? ''} (${SHORTCUT_HINT.undo})`} aria-label={undoLabel ? `Undo ${undoLabel}` : 'Undo'}>Undo</button>
        <button type="button" onClick={redoChange} disabled={!canRedo} title={`Redo ${redoLabel ?? ''} (${SHORTCUT_HINT.redo})`} aria-label={redoLabel ? `Redo ${redoLabel}` : 'Redo'}>Redo</button>
      </div>
      <div className="aa-group" aria-label="Add">
        {NODE_KINDS.map((k) => (
          <button key={k} type="button" disabled={readOnly} className={`aa-add aa-add-${k}`} onClick={() => addNodeOfKind(k)} title={`Add ${NODE_KIND_LABELS[k].toLowerCase()} (Alt+${ADD_KIND_DIGIT[k]})`} aria-label={`Add ${NODE_KIND_LABELS[k].toLowerCase()}`}>
            <span aria-hidden="true">{KIND_GLYPH[k]}</span> {k === 'counter' ? 'Counter' : NODE_KIND_LABELS[k]}
          </button>
        ))}
      </div>
      <div className="aa-group" aria-label="View">
        <button type="button" onClick={() => void runAutoLayout()} onPointerEnter={prepareAutoLayout} onFocus={prepareAutoLayout} disabled={busy || readOnly} title="Lay the map out automatically (Shift+L)">
          {busy ? 'Laying out…' : 'Auto-layout'}
        </button>
        <button type="button" onClick={requestFit} title="Fit the map to the window (F)">Fit</button>
        <button type="button" aria-pressed={panes.sources} onClick={() => togglePane('sources')}>Sources</button>
        <button type="button" aria-pressed={panes.inspector} onClick={() => togglePane('inspector')}>Inspector</button>
        <button type="button" data-voices-toggle aria-pressed={voicesPanel} onClick={() => setVoicesPanel(!voicesPanel)} title="The voices as layers: shown, dimmed or hidden, counted in the status or not">Voices</button>
        <button type="button" aria-pressed={showStatus} onClick={() => setShowStatus(!showStatus)} title="Show what stands, falls or is open on the cards">Status</button>
        <CommentsButton />
        <button type="button" aria-pressed={outline !== 'off'} onClick={toggleOutline} title="The argument as an indented outline, beside or instead of the map">Outline</button>
      </div>
      <ExportDialog />
      <OutlineExportDialog />
      <HandoutDialog />
    </div>
  );
}
