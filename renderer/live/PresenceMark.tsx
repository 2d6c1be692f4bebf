// Others' selection on a card: an outline in the first selector's colour and, always next to it,
// their names ("Selected by Anna and Ben"), which is also part of the card's accessible description.
import { useId, useLayoutEffect, useRef, type CSSProperties } from 'react';
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
  const id = useId();
  const ref = useRef<HTMLSpanElement>(null);
  // The card's focusable element is React Flow's wrapper: the names join its description there.
  useLayoutEffect(() => {
    const wrapper = ref.current?.closest('.react-flow__node');
    if (!wrapper) return;
    const ids = (wrapper.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    wrapper.setAttribute('aria-describedby', [...ids, id].join(' '));
    return () => {
      const now = (wrapper.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
      if (now.length > 0) wrapper.setAttribute('aria-describedby', now.join(' '));
      else wrapper.removeAttribute('aria-describedby');
    };
  }, [id]);
  return (
    <span ref={ref} id={id} className="aa-peer-label" data-testid="peer-label">
      {label}
    </span>
  );
}
