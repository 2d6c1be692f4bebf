// Others' selection on a card: an outline in the first selector's colour and, always next to it,
// their names ("Selected by Anna and Ben"), which is also the card's text for a screen reader.
import type { CSSProperties } from 'react';
import type { Id } from '../../arguments/model';
import { useSelectedBy } from './liveState';
import { selectedByWords } from './presence';

/** The class and style a card takes while others have it selected. */
export function usePeerOutline(id: Id): { className: string; style: CSSProperties | undefined; label: string | null } {
  const peers = useSelectedBy(id);
  if (peers.length === 0) return { className: '', style: undefined, label: null };
  return { className: ' aa-peer-selected', style: { '--aa-peer-color': peers[0]!.color } as CSSProperties, label: selectedByWords(peers) };
}

export function PeerLabel({ label }: { label: string }) {
  return (
    <span className="aa-peer-label" data-testid="peer-label">
      {label}
    </span>
  );
}
