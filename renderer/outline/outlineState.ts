// Whether the outline is shown: not at all, beside the map, or instead of it. Remembered across
// sessions (a preference of presentation, not part of the document).
import { createStore, useStore } from 'zustand';

export const OUTLINE_MODES = ['off', 'beside', 'instead'] as const;
export type OutlineMode = (typeof OUTLINE_MODES)[number];

const KEY = 'argument-atlas.outline';
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

function initial(): OutlineMode {
  try {
    const saved = storage()?.getItem(KEY);
    return (OUTLINE_MODES as readonly string[]).includes(saved ?? '') ? (saved as OutlineMode) : 'off';
  } catch {
    return 'off';
  }
}

export const outlineView = createStore<{ mode: OutlineMode }>(() => ({ mode: initial() }));
export const useOutlineMode = (): OutlineMode => useStore(outlineView, (s) => s.mode);

export function setOutlineMode(mode: OutlineMode): void {
  outlineView.setState({ mode });
  try {
    storage()?.setItem(KEY, mode);
  } catch {
    /* storage may be unavailable; the view is a preference */
  }
}

/** The toolbar's Outline button: shows it beside the map, or hides it. */
export const toggleOutline = (): void => setOutlineMode(outlineView.getState().mode === 'off' ? 'beside' : 'off');
