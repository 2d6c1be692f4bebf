// The join screen of a page opened at `http://HOST:PORT/#CODE`: the seminar's map title, a name
// field (checked as the host checks it) and Join; the host's refusals in words next to the field.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ROOM_MODE_LABELS, type RoomPreview } from '../../arguments/live/protocol';
import { readRemembered, remember } from '../export/remembered';
import { Modal } from '../panels/Modal';
import { live, useLive } from './liveState';
import { fetchRoomPreview, LiveJoinError, nameProblem } from './roomInfo';

const LAST_NAME_KEY = 'argument-atlas-live-name';

function rememberedName(): string {
  const name = readRemembered(LAST_NAME_KEY).name;
  return typeof name === 'string' ? name : '';
}

export function JoinScreen() {
  const join = useLive((s) => s.join);
  if (!join) return null;
  return <JoinForm code={join.code} joinKey={join.key} />;
}

function JoinForm({ code, joinKey }: { code: string; joinKey: string | undefined }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(rememberedName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<RoomPreview | 'unknown-code' | null | undefined>(undefined);
  useEffect(() => {
    let on = true;
    void fetchRoomPreview(location.origin, code).then((p) => on && setPreview(p));
    return () => {
      on = false;
    };
  }, [code]);
  const close = () => live.setState({ join: null });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = nameProblem(name);
    if (problem !== null) {
      setError(problem);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Yjs and the provider load with the first join: a page that never joins does not fetch them.
      const { joinLiveSeminar } = await import('./connection');
      const info = await joinLiveSeminar({ url: location.origin, code, name, ...(joinKey !== undefined ? { key: joinKey } : {}) });
      // A browser that keeps nothing asks for the name again next time.
      remember(LAST_NAME_KEY, { name: info.name });
    } catch (err) {
      setError(err instanceof LiveJoinError ? err.message : `Could not join: ${String(err)}`);
      setBusy(false);
      input.current?.focus();
    }
  };
  const title = preview && preview !== 'unknown-code' ? preview.title.trim() || 'Untitled map' : null;
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-live-join" onClose={close} initialFocus={input} busy={busy}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${id}-title`}>Join the seminar {code}</h2>
        <p id={`${id}-about`}>
          {preview === 'unknown-code'
            ? `There is no seminar with the code ${code} on this host. Check the code with your instructor.`
            : title !== null
              ? <>The map: <strong dir="auto">{title}</strong>. {ROOM_MODE_LABELS[(preview as RoomPreview).mode]}.</>
              : 'A live seminar: the class works on one shared map.'}
          {joinKey !== undefined && ' You join as the instructor.'}
        </p>
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          ref={input}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          maxLength={60}
          aria-invalid={error !== null || undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="aa-hint">
          The others see it next to your selection{joinKey === undefined ? ' and your nodes' : ''}.
        </p>
        {error && (
          <p id={`${id}-error`} className="aa-error" role="alert">
            {error}
          </p>
        )}
        <div className="aa-modal-buttons">
          <button type="button" onClick={close}>
            Not now
          </button>
          <button type="submit" disabled={busy || preview === 'unknown-code'}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
