// The count of open comment threads on a card ("2 open comments"); nothing when there are none.
import type { Id } from '../../arguments/model';
import { useMap } from '../store/store';
import { openCount } from './words';
import './comments.css';

export function CommentBadge({ target }: { target: Id }) {
  // A number, not the threads: the card re-renders only when its count changes.
  const open = useMap((m) => {
    const all = m.comments ?? {};
    let n = 0;
    for (const id of Object.keys(all)) if (all[id]!.target === target && !all[id]!.resolved && !all[id]!.detached) n++;
    return n;
  });
  if (open === 0) return null;
  return (
    <span className="aa-comment-badge" role="img" aria-label={openCount(open)} title={openCount(open)}>
      <span aria-hidden="true">{open}</span>
    </span>
  );
}
