// One comment thread: its messages (plain text), a reply, resolve / reopen, delete (confirmed).
// Each action is one undo step through the store's run().
import { useEffect, useId, useRef, useState } from 'react';
import type { CommentThread } from '../../arguments/model';
import { deleteThread, reopenThread, reply, resolveThread } from '../../arguments/operations';
import { attempt, useReadOnly } from '../store/store';
import { AuthorField } from './AuthorField';
import { commentsUi, rememberAuthor, requestThreadFocus, useCommentsUi } from './commentsState';
import { commentTime } from './words';

export function ThreadView({ thread, onDeleted }: { thread: CommentThread; onDeleted: () => void }) {
  const base = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const locked = useReadOnly();
  const [text, setText] = useState('');
  const [name, setName] = useState(() => commentsUi.getState().author);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const focusThread = useCommentsUi((s) => s.focusThread);

  // Asked for from the comments panel: the thread is shown and its heading takes the focus.
  useEffect(() => {
    if (focusThread !== thread.id) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
    requestThreadFocus(null);
  }, [focusThread, thread.id]);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The question takes the focus; Keep gives it back to Delete thread….
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const send = () => {
    // The name typed (asked once, or changed) is remembered; else the one remembered signs.
    const author = rememberAuthor(name.trim() ? name : commentsUi.getState().author);
    if (author === '') return setError('Give your name first: comments are signed.');
    const refused = attempt(reply(thread.id, { author, at: new Date().toISOString(), text }));
    setError(refused);
    if (refused === null) setText('');
  };

  const resolved = thread.resolved;
  const count = thread.messages.length;
  return (
    <article className={`aa-thread${resolved ? ' aa-thread-resolved' : ''}`} aria-labelledby={`${base}-h`} data-thread={thread.id}>
      <h4 id={`${base}-h`} ref={heading} tabIndex={-1} className="aa-thread-head">
        <span className="aa-thread-state">{resolved ? '✓ Resolved' : '● Open'}</span> · {count} {count === 1 ? 'message' : 'messages'}
      </h4>
      <ol className="aa-thread-messages">
        {thread.messages.map((m) => (
          <li key={m.id}>
            <p className="aa-comment-meta">
              <strong>{m.author}</strong> <time dateTime={m.at}>{commentTime(m.at)}</time>
              {m.edited ? <span className="aa-muted"> (edited)</span> : null}
            </p>
            <p className="aa-comment-text" dir="auto">
              {m.text}
            </p>
          </li>
        ))}
      </ol>
      {!locked && (
        <form
          className="aa-thread-reply"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <AuthorField idBase={`${base}-reply`} value={name} onChange={setName} />
          <label className="aa-field" htmlFor={`${base}-text`}>
            Reply
            <textarea
              id={`${base}-text`}
              rows={2}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  send();
                }
              }}
              aria-describedby={error ? `${base}-error` : undefined}
            />
          </label>
          {error && (
            <p id={`${base}-error`} className="aa-error" role="alert">
              {error}
            </p>
          )}
          <div className="aa-thread-actions">
            <button type="submit" disabled={text.trim() === ''}>
              Reply
            </button>
            <button type="button" onClick={() => setError(attempt(resolved ? reopenThread(thread.id) : resolveThread(thread.id)))}>
              {resolved ? 'Reopen' : 'Resolve'}
            </button>
            {!confirming && (
              <button type="button" ref={deleteButton} className="aa-comment-delete" onClick={() => setConfirming(true)}>
                Delete thread…
              </button>
            )}
          </div>
          {confirming && (
            <div className="aa-thread-confirm" role="group" aria-label="Delete this thread?">
              <p>
                Delete this thread and its {count} {count === 1 ? 'message' : 'messages'}? (Undo brings it back.)
              </p>
              <button
                type="button"
                className="aa-comment-delete"
                onClick={() => {
                  const refused = attempt(deleteThread(thread.id));
                  if (refused) return setError(refused);
                  onDeleted();
                }}
              >
                Delete
              </button>
              <button type="button" ref={keep} onClick={() => setConfirming(false)}>
                Keep
              </button>
            </div>
          )}
        </form>
      )}
    </article>
  );
}
