// The instructor's list of the students' drafts (opened by Drafts in the seminar's bar:
// DraftsButton.tsx): name, open now or not, how many nodes, when last changed, each with Compare &
// bring…, which closes the list and opens the comparison with that draft beside the class map. A
// draft that cannot be read says why here; the list is read again with Refresh.
import { useEffect, useId, useState } from 'react';
import type { DraftSummary } from '../../../arguments/live/protocol';
import { Modal } from '../../panels/Modal';
import { platform } from '../../platform';
import { live, showsDraft, useLive } from '../liveState';
import { bridgeDraftsSource, changedWords, httpDraftsSource, type DraftsSource } from './draftsSource';
import { compareDraft, draftTitle } from './pullDraft';
import './drafts.css';

/** The page's way to the drafts: the key it joined with (a browser), else the desktop host's bridge; null when it has neither. */
async function sourceFor(code: string): Promise<DraftsSource | null> {
  const access = (await import('../connection')).instructorKeyAccess();
  if (access) return httpDraftsSource(access.url, code, access.key);
  return platform.live ? bridgeDraftsSource(platform.live) : null;
}

type Listing = { state: 'reading' } | { state: 'read'; drafts: DraftSummary[]; at: number } | { state: 'failed'; message: string };

export default function DraftsDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const code = useLive((s) => s.room?.code ?? '');
  const [listing, setListing] = useState<Listing>({ state: 'reading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let gone = false;
    setListing({ state: 'reading' });
    void (async () => {
      try {
        const source = await sourceFor(code);
        if (!source) throw new Error('This page has no way to the seminar’s drafts: only the instructor’s own page reads them.');
        const drafts = await source.list();
        if (!gone) setListing({ state: 'read', drafts, at: Date.now() });
      } catch (err) {
        if (!gone) setListing({ state: 'failed', message: `The drafts could not be listed: ${err instanceof Error ? err.message : String(err)}` });
      }
    })();
    return () => {
      gone = true;
    };
  }, [code, round]);

  const pull = async (name: string) => {
    if (busy) return;
    setBusy(name);
    setProblem(null);
    const source = await sourceFor(code);
    // The instructor looking into a student's draft: the class map is shown first, as what is brought goes into the map shown.
    const classMap = async () => {
      if (showsDraft(live.getState())) (await import('../connection')).showClassMap();
    };
    const why = source ? await compareDraft(source, name, classMap) : 'This page has no way to the seminar’s drafts.';
    setBusy(null);
    if (why === null) onClose();
    else setProblem(why);
  };

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-drafts" onClose={onClose} busy={busy !== null}>
      <h2 id={`${id}-title`}>Students’ drafts</h2>
      <p id={`${id}-about`} className="aa-hint">
        Each student’s private draft, started from the class map. Compare one with the class map to see what it has that the class map lacks, and bring the nodes you choose into the class map: every student sees them, and Undo takes them back in one step.
      </p>
      {listing.state === 'reading' && <p role="status">Reading the drafts…</p>}
      {listing.state === 'failed' && (
        <p className="aa-error" role="alert">
          {listing.message}
        </p>
      )}
      {listing.state === 'read' && listing.drafts.length === 0 && <p role="status">No student has a draft yet: a draft is made when its student first opens “My draft”.</p>}
      {listing.state === 'read' && listing.drafts.length > 0 && (
        <ul className="aa-drafts-list" aria-labelledby={`${id}-title`}>
          {listing.drafts.map((d) => (
            <li key={d.name}>
              <span className="aa-drafts-name">{d.name}</span>
              <span className="aa-hint">
                {d.open ? 'open now' : 'closed'} · {d.nodes === null ? 'unreadable' : `${d.nodes} ${d.nodes === 1 ? 'node' : 'nodes'}`} · changed <time dateTime={d.changedAt}>{changedWords(d.changedAt, listing.at)}</time>
              </span>
              <button type="button" disabled={busy !== null} aria-label={`Compare & bring… ${draftTitle(d.name)}`} onClick={() => void pull(d.name)}>
                {busy === d.name ? 'Reading…' : 'Compare & bring…'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="aa-error" role="alert">
          {problem}
        </p>
      )}
      <div className="aa-modal-buttons">
        <button type="button" onClick={() => setRound((r) => r + 1)} disabled={busy !== null || listing.state === 'reading'}>
          Refresh
        </button>
        <button type="button" className="aa-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
