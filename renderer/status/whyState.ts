// Which "why?" popover is open: the node or inference it explains, where it appears, and the
// element focus returns to when it closes.
import { createStore, useStore } from 'zustand';
import type { Id } from '../../arguments/model';

export interface WhyState {
  open: { id: Id; x: number; y: number; returnTo: HTMLElement | null } | null;
}
export const why = createStore<WhyState>(() => ({ open: null }));
export const useWhy = <T,>(sel: (s: WhyState) => T): T => useStore(why, sel);

/** Opens "why?" for `id` below `anchor` (a badge or a button), else below the card of `id`. */
export function openWhy(id: Id, anchor?: HTMLElement | null): void {
  const card = document.querySelector<HTMLElement>(`.aa-canvas .react-flow__node[data-id="${CSS.escape(id)}"] .aa-status`);
  const at = (anchor ?? card)?.getBoundingClientRect();
  const returnTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : (anchor ?? null);
  why.setState({ open: { id, x: at ? at.left : window.innerWidth / 2 - 180, y: at ? at.bottom + 4 : 120, returnTo } });
}

export function closeWhy(restoreFocus = true): void {
  const open = why.getState().open;
  why.setState({ open: null });
  if (restoreFocus && open?.returnTo?.isConnected) open.returnTo.focus({ preventScroll: true });
}
