// Which panes are open: remembered across sessions (presentation only, not the document).
import { createStore, useStore } from 'zustand';

type Pane = 'sources' | 'inspector';
interface UiState {
  panes: Record<Pane, boolean>;
}

const KEY = 'argument-atlas.panes';
/** localStorage where there is one (typed without the DOM library: Node tests import this through the sources' state). */
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;
function initial(): UiState['panes'] {
  try {
    const saved = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Partial<UiState['panes']> | null;
    return { sources: saved?.sources ?? true, inspector: saved?.inspector ?? true };
  } catch {
    return { sources: true, inspector: true };
  }
}

export const ui = createStore<UiState>(() => ({ panes: initial() }));
export const useUi = <T,>(sel: (s: UiState) => T) => useStore(ui, sel);
export function togglePane(pane: Pane): void {
  ui.setState((s) => ({ panes: { ...s.panes, [pane]: !s.panes[pane] } }));
  try {
    storage()?.setItem(KEY, JSON.stringify(ui.getState().panes));
  } catch {
    /* storage may be unavailable; panes are a preference */
  }
}
