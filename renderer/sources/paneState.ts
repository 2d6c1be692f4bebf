// Which source the sources pane is asked to show and which of its panels are open, kept outside the
// pane so the dialogs that add a source or import records can open its tab. Presentation
// only, not the document. No DOM here.
import { createStore, useStore } from 'zustand';
import type { Id } from '../../arguments/model';
import { togglePane, ui } from '../panels/uiState';

interface PaneState {
  /** A source to show, asked for from outside the pane (a new object each time, so asking again shows it again). */
  request: { id: Id } | null;
  /** The details form and the formatted citations stay open from one source to the next. */
  details: boolean;
  cite: boolean;
}

export const sourcesPane = createStore<PaneState>(() => ({ request: null, details: false, cite: false }));
export const useSourcesPane = <T,>(sel: (s: PaneState) => T): T => useStore(sourcesPane, sel);

/** Opens the source's tab, opening the pane first if it is closed. */
export function showSource(id: Id): void {
  if (!ui.getState().panes.sources) togglePane('sources');
  sourcesPane.setState({ request: { id } });
}

export function togglePanel(panel: 'details' | 'cite', open?: boolean): void {
  sourcesPane.setState((s) => ({ [panel]: open ?? !s[panel] }));
}
