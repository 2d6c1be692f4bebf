// The seminar bar's part about which map is shown: "Class map" (everyone sees it) with "My draft"
// for a student, or "Your draft — only you and the instructor see it" with "Back to the class
// map"; and, in words, why a draft could not be opened or was dropped. The draft's connection is
// connection.ts's (openLiveDraft, showClassMap).
import { draftsOffered, draftWords, live, useLive } from './liveState';

const connection = () => import('./connection');

export function DraftControl() {
  const room = useLive((s) => s.room)!;
  const draft = useLive((s) => s.draft);
  const opening = useLive((s) => s.draftOpening);
  const problem = useLive((s) => s.draftProblem);
  // Two strings, not the words' object: a selector must return what compares equal when nothing changed.
  const title = useLive((s) => draftWords(s).title);
  const detail = useLive((s) => draftWords(s).detail);
  const inDraft = draft?.shown === true;
  const student = room.role === 'student';
  return (
    <>
      <span className={`aa-live-where${inDraft ? ' aa-live-where-draft' : ''}`} aria-live="polite" data-testid="live-where">
        <strong>{title}</strong> — {detail}
      </span>
      {inDraft ? (
        <button type="button" onClick={() => void connection().then((m) => m.showClassMap())}>
          Back to the class map
        </button>
      ) : student && !draftsOffered(room) ? (
        <span className="aa-live-note">No drafts: this seminar is a display, no one edits</span>
      ) : student ? (
        <button
          type="button"
          disabled={opening !== null}
          onClick={() => void connection().then((m) => m.openLiveDraft())}
          title="Your private copy of the class map: add, change, move and delete anything; only you and the instructor see it"
        >
          {opening !== null ? 'Opening your draft…' : 'My draft'}
        </button>
      ) : opening !== null ? (
        <span className="aa-live-note">Opening {opening}’s draft…</span>
      ) : null}
      {problem !== null && (
        <span className="aa-live-problem" role="alert">
          {problem}{' '}
          <button type="button" onClick={() => live.setState({ draftProblem: null })}>
            Dismiss
          </button>
        </span>
      )}
    </>
  );
}
