// The comments panel: every open thread (and, on request, the resolved ones) with what it is on,
// its first words, author and time. Choosing one selects its node or relation, brings it into
// view and focuses the thread in the inspector; threads on deleted items are listed apart and
// shown here, where they can still be answered, resolved or deleted.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { threadPlace, type CommentThread, type Id } from '../../arguments/model';
import { threadList } from '../../arguments/operations';
import { togglePane, ui } from '../panels/uiState';
import { getMap, select, useMap } from '../store/store';
import { requestThreadFocus, setShowResolved, toggleCommentsPanel, useCommentsUi } from './commentsState';
import { ThreadView } from './ThreadView';
import { commentTime, firstWords, threadTargetName } from './words';
import './comments.css';

function goToThread(thread: CommentThread): void {
  const place = threadPlace(getMap(), thread);
  if (place === 'deleted') return;
  if (!ui.getState().panes.inspector) togglePane('inspector');
  select(place === 'node' ? { nodes: [thread.target], relations: [] } : { nodes: [], relations: [thread.target] });
  requestThreadFocus(thread.id);
}

export function CommentsPanel() {
  const open = useCommentsUi((s) => s.open);
  if (!open) return null;
  return <Panel />;
}

function Panel() {
  const base = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const showResolved = useCommentsUi((s) => s.showResolved);
  const comments = useMap((m) => m.comments);
  const nodes = useMap((m) => m.nodes);
  const relations = useMap((m) => m.relations);
  const [expanded, setExpanded] = useState<Id | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const all = useMemo(() => threadList(getMap()), [comments, nodes, relations]);
  const onItems = all.filter((t) => threadPlace(getMap(), t) !== 'deleted');
  const detached = all.filter((t) => threadPlace(getMap(), t) === 'deleted');
  const shown = onItems.filter((t) => showResolved || !t.resolved);
  const openN = onItems.filter((t) => !t.resolved).length;
  const resolvedN = onItems.length - openN;

  useEffect(() => heading.current?.focus(), []);

  const item = (t: CommentThread) => {
    const first = t.messages[0]!;
    const last = t.messages[t.messages.length - 1]!;
    return (
      <>
        <span className="aa-comments-target">{threadTargetName(getMap(), t)}</span>
        <span className="aa-comments-words" dir="auto">
          {firstWords(first.text)}
        </span>
        <span className="aa-comments-meta">
          {t.resolved ? '✓ Resolved · ' : ''}
          {last.author}, <time dateTime={last.at}>{commentTime(last.at)}</time>
          {t.messages.length > 1 ? ` · ${t.messages.length} messages` : ''}
        </span>
      </>
    );
  };

  return (
    // Keys stay in the panel: the editor's single-key shortcuts (Delete, C, F…) must not act on the map behind it.
    <aside className="aa-comments-panel" aria-labelledby={`${base}-h`} onKeyDown={(e) => !e.ctrlKey && !e.metaKey && e.stopPropagation()}>
      <div className="aa-comments-bar">
        <h2 id={`${base}-h`} ref={heading} tabIndex={-1}>
          Comments
        </h2>
        <button
          type="button"
          onClick={() => {
            toggleCommentsPanel();
            document.querySelector<HTMLElement>('[data-aa-comments-button]')?.focus();
          }}
          aria-label="Close the comments panel"
        >
          Close
        </button>
      </div>
      <p className="aa-muted" role="status">
        {openN} open{resolvedN > 0 ? `, ${resolvedN} resolved` : ''}
        {detached.length > 0 ? `, ${detached.length} on deleted items` : ''}
      </p>
      <label className="aa-comments-toggle">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved threads
      </label>
      {shown.length === 0 ? (
        <p className="aa-muted">{openN === 0 ? 'No open comments. Select a node or relation and choose New comment in the inspector.' : ''}</p>
      ) : (
        <ul className="aa-comments-list" aria-label={showResolved ? 'Threads' : 'Open threads'}>
          {shown.map((t) => (
            <li key={t.id} className={t.resolved ? 'aa-comments-resolved' : undefined}>
              <button type="button" className="aa-comments-item" onClick={() => goToThread(t)}>
                {item(t)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {detached.length > 0 && (
        <section aria-labelledby={`${base}-d`}>
          <h3 id={`${base}-d`}>On deleted items</h3>
          <ul className="aa-comments-list" aria-label="Threads on deleted items">
            {detached.map((t) => (
              <li key={t.id}>
                <button type="button" className="aa-comments-item" aria-expanded={expanded === t.id} onClick={() => setExpanded((e) => (e === t.id ? null : t.id))}>
                  {item(t)}
                </button>
                {expanded === t.id && <ThreadView thread={t} onDeleted={() => { setExpanded(null); heading.current?.focus(); }} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
