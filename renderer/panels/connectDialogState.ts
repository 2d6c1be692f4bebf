// Open/close state of the Connect dialog, so menus and shortcuts can open it, and the relation
// it proposes for each kind of node it connects from.
import { createStore, useStore } from 'zustand';
import type { Id, NodeKind, RelationKind } from '../../arguments/model';

interface ConnectDialogState {
  open: boolean;
  from: Id | null;
  /** When set, the dialog makes an undercut of this relation. */
  attack: Id | null;
}

/** What a node of each kind usually does to what it is connected to: a counter-consideration or a rebuttal opposes, a note qualifies. */
export const DEFAULT_RELATION = {
  thesis: 'supports',
  claim: 'supports',
  premise: 'supports',
  evidence: 'supports',
  counter: 'opposes',
  rebuttal: 'opposes',
  note: 'qualifies',
} as const satisfies Record<NodeKind, RelationKind>;

export const connectDialog = createStore<ConnectDialogState>(() => ({ open: false, from: null, attack: null }));
export const useConnectDialog = <T,>(sel: (s: ConnectDialogState) => T) => useStore(connectDialog, sel);
export const openConnectDialog = (from: Id | null, attack: Id | null = null) => connectDialog.setState({ open: true, from, attack });
export const closeConnectDialog = () => connectDialog.setState({ open: false, from: null, attack: null });
