// The inspector's comments on the selected node or relation: its threads, open first, and
// "New comment". Deleting a thread gives the focus to "New comment".
import { useId, useMemo, useRef, useState } from 'react';
import type { Id } from '../../arguments/model';
import { freshThreadId, startThread, threadsOn } from '../../arguments/operations';
import { attempt, getMap, useMap, useReadOnly } from '../store/store';
import { AuthorField } from './AuthorField';
import { commentsUi, rememberAuthor } from './commentsState';
import { ThreadView } from './ThreadView';
import { openCount } from './words';

export function ThreadsSection({ target }: { target: Id }) {
  const comments = useMap((m) => m.comments);
  const threads = useMemo(() => threadsOn(getMap(), target).sort((a, b) => Number(a.resolved) - Number(b.resolved)), [comments, target]); // eslint-disable-line react-hooks/exhaustive-deps
  const open = threads.filter((t) => !t.resolved).length;
  const base = useId();
  const newButton = useRef<HTMLButtonElement>(null);
  const locked = useReadOnly();
  const [writing, setWriting] = useState(false);
  const [text, setText] = useState('');
  const [name, setName] = useState(() => commentsUi.getState().author);
  const [error, setError] = useState<string | null>(null);

  const finish = () => {
    setWriting(false);
    setText('');
    setError(null);
    requestAnimationFrame(() => newButton.current?.focus());
  };
  const add = () => {
    // The name typed (asked once, or changed) is remembered; else the one remembered signs.
    const author = rememberAuthor(name.trim() ? name : commentsUi.getState().author);
    if (author === '') return setError('Give your name first: comments are signed.');
    const refused = attempt(startThread(freshThreadId(getMap()), target, { author, at: new Date().toISOString(), text }));
    if (refused) return setError(refused);
    finish();
  };

  return (
    <section className="aa-comments-section" aria-labelledby={`${base}-h`} onKeyDown={(e) => !e.ctrlKey && !e.metaKey && e.stopPropagation()}>
      <h3 id={`${base}-h`}>
        Comments{threads.length > 0 ? ` (${openCount(open)}${threads.length > open ? `, ${threads.length - open} resolved` : ''})` : ''}
      </h3>
      {threads.length === 0 && !writing && <p className="aa-muted">No comments on this yet.</p>}
      {threads.map((t) => (
        <ThreadView key={t.id} thread={t} onDeleted={() => requestAnimationFrame(() => newButton.current?.focus())} />
      ))}
      {locked ? null : writing ? (
        <form
          className="aa-thread-new"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <AuthorField idBase={`${base}-new`} value={name} onChange={setName} />
          <label className="aa-field" htmlFor={`${base}-new-text`}>
            New comment
            <textarea
              id={`${base}-new-text`}
              rows={3}
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === 'Escape') {
                  e.preventDefault();
                  finish();
                } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  add();
                }
              }}
              aria-describedby={error ? `${base}-new-error` : undefined}
            />
          </label>
          {error && (
            <p id={`${base}-new-error`} className="aa-error" role="alert">
              {error}
            </p>
          )}
          <div className="aa-thread-actions">
            <button type="submit" disabled={text.trim() === ''}>
              Add comment
            </button>
            <button type="button" onClick={finish}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" ref={newButton} onClick={() => setWriting(true)}>
          New comment
        </button>
      )}
    </section>
  );
}
