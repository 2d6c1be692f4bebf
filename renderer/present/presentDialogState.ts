// Whether the Present dialog is open (the toolbar's Present… and its shortcut open it).
import { createStore, useStore } from 'zustand';

const state = createStore<{ open: boolean }>(() => ({ open: false }));
export const usePresentDialog = (): boolean => useStore(state, (s) => s.open);
export const openPresentDialog = (): void => state.setState({ open: true });
export const closePresentDialog = (): void => state.setState({ open: false });
