// Open/close state of the Connect dialog, so menus and shortcuts can open it.
import { createStore, useStore } from 'zustand';
import type { Id } from '../../arguments/model';

interface ConnectDialogState {
  open: boolean;
  from: Id | null;
  /** When set, the dialog makes an undercut of this relation. */
  attack: Id | null;
}

export const connectDialog = createStore<ConnectDialogState>(() => ({ open: false, from: null, attack: null }));
export const useConnectDialog = <T,>(sel: (s: ConnectDialogState) => T) => useStore(connectDialog, sel);
export const openConnectDialog = (from: Id | null, attack: Id | null = null) => connectDialog.setState({ open: true, from, attack });
export const closeConnectDialog = () => connectDialog.setState({ open: false, from: null, attack: null });
