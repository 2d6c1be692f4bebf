// The toolbar's Comments button: opens and closes the comments panel, says how many are open.
import { useMap } from '../store/store';
import { toggleCommentsPanel, useCommentsUi } from './commentsState';
import { openCount } from './words';

export function CommentsButton() {
  const open = useCommentsUi((s) => s.open);
  const count = useMap((m) => {
    const all = m.comments ?? {};
    let n = 0;
    for (const id of Object.keys(all)) if (!all[id]!.resolved && !all[id]!.detached && (Object.hasOwn(m.nodes, all[id]!.target) || Object.hasOwn(m.relations, all[id]!.target))) n++;
    return n;
  });
  return (
    <button type="button" data-aa-comments-button="" aria-pressed={open} onClick={toggleCommentsPanel} title={`The comment threads of this map (${openCount(count)})`}>
      Comments{count > 0 ? ` (${count})` : ''}
    </button>
  );
}
