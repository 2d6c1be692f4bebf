// A card's mark in a comparison (or a merge): a class for its outline style and its words on the
// card, so the mark is read, not only seen. Per-card selector: a comparison re-renders only cards.
import type { Id } from '../../arguments/model';
import { useCompare } from './store';
import { MARK_LABELS, type CompareMark as Mark } from './marks';

export function useCompareMark(id: Id): Mark | null {
  return useCompare((s) => (s.merge?.nodes.has(id) ? 'conflict' : (s.session?.model.get(id) ?? null)));
}

export function CompareBadge({ mark }: { mark: Mark }) {
  return (
    <span className={`aa-compare-badge aa-compare-badge-${mark}`} data-compare-mark={mark}>
      {MARK_LABELS[mark]}
    </span>
  );
}
