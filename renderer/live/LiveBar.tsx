// The seminar's bar: the status chip ("Live · CODE · 24 connected", "Reconnecting…", "Offline…"),
// who is connected (name, role and colour, the colour never alone), "Follow the instructor" for
// students, and Leave. Shown only while the page is in a seminar.
import { useId, useState } from 'react';
import { draftsOffered, linkWords, live, useLive } from './liveState';
import { JoinScreen } from './JoinScreen';
import { DraftControl } from './DraftControl';
import { DraftsButton } from './drafts/DraftsButton';
import { presenceColor } from '../../arguments/live/protocol';
import './live.css';

export function LiveUi() {
  const inRoom = useLive((s) => s.room !== null);
  return (
    <>
      <JoinScreen />
      {inRoom && <LiveBar />}
    </>
  );
}

function LiveBar() {
  const id = useId();
  const room = useLive((s) => s.room)!;
  const link = useLive((s) => s.link);
  const words = useLive(linkWords);
  const peers = useLive((s) => s.peers);
  const follow = useLive((s) => s.follow);
  const inDraft = useLive((s) => s.draft?.shown === true);
  const draftsHere = useLive((s) => s.draftsOpenHere);
  const [open, setOpen] = useState(false);
  // In a draft everyone in it edits everything (the host's draft rooms are 'open').
  const role = inDraft ? 'editing' : room.mayEdit === 'nothing' ? 'read-only' : room.mayEdit === 'own-voice' ? 'your own nodes' : 'editing';
  return (
    <section
      className={`aa-live-bar${inDraft ? ' aa-live-in-draft' : ''}`}
      aria-label="Live seminar"
      onKeyDown={(e) => {
        // Esc closes the people list (and not, behind it, what the map's shortcuts do with Esc).
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        document.getElementById(`${id}-toggle`)?.focus();
      }}
    >
      <span className={`aa-live-chip aa-live-${link}`} role="status">
        {words}
      </span>
      <span className="aa-live-me">
        <span className="aa-live-swatch" style={{ background: presenceColor(room.name) }} aria-hidden="true" /> {room.name} ({room.role}, {role})
      </span>
      <DraftControl />
      <button type="button" id={`${id}-toggle`} aria-expanded={open} aria-controls={`${id}-peers`} onClick={() => setOpen(!open)}>
        People ({peers.length + 1})
      </button>
      {room.role === 'student' && (
        <label className="aa-live-follow">
          <input type="checkbox" checked={follow} onChange={(e) => live.setState({ follow: e.target.checked })} /> Follow the instructor
        </label>
      )}
      <DraftsButton />
      <button type="button" onClick={() => void import('./connection').then((m) => m.leaveLiveSeminar())} title="Leave the seminar: the map stays open here as an unsaved copy you can save">
        Leave
      </button>
      {open && (
        <ul
          id={`${id}-peers`}
          className="aa-live-peers"
          aria-label="People in the seminar"
        >
          <li>
            <span className="aa-live-swatch" style={{ background: presenceColor(room.name) }} aria-hidden="true" /> {room.name} (you, {room.role})
          </li>
          {peers.map((p) => (
            <li key={p.client}>
              <span className="aa-live-swatch" style={{ background: p.color }} aria-hidden="true" /> {p.name} ({p.role})
              {room.role === 'instructor' && p.role === 'student' && draftsOffered(room) && draftsHere && (
                <button type="button" className="aa-live-open-draft" onClick={() => void import('./connection').then((m) => m.openLiveDraft(p.name))}>
                  Open {p.name}’s draft
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
