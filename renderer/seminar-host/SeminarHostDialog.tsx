// File > Start Live Seminar…: the address, port and room mode, then the running seminar: the join
// address as text and as a QR code, the join code in large type, who is connected, and Stop.
// The desktop host runs the seminar (renderer/platform/live.ts); in the browser the dialog says
// that hosting needs the desktop app. The instructor's key is never shown here.
import { useEffect, useId, useRef, useState } from 'react';
import { ROOM_MODES, ROOM_MODE_LABELS, type RoomMode } from '../../arguments/live/protocol';
import { saveMap } from '../files/fileCommands';
import { platform } from '../platform';
import { ANY_FREE_PORT, DEFAULT_LIVE_PORT, portProblem, readTypedPort, type LiveAddress, type LiveHostBridge, type LiveSeminar } from '../platform/live';
import { ExportFormFooter } from '../export/ExportFormFooter';
import { Modal } from '../panels/Modal';
import { isDirty, useEditor } from '../store/store';
import { joinAsInstructor, leaveAsInstructor } from './joinAsInstructor';
import { QrCode } from './QrCode';
import { closeSeminarHost, seminarHost, seminarStarted, seminarStopped, useSeminarHost } from './seminarHostState';
import './seminar-host.css';

const message = (err: unknown) => (err instanceof Error && err.message ? err.message : String(err));

export function SeminarHostDialog() {
  const open = useSeminarHost((s) => s.open);
  if (!open) return null;
  const live = platform.live;
  return live ? <HostDialog live={live} /> : <NoHost />;
}

function NoHost() {
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-seminar-host" onClose={closeSeminarHost}>
      <h2 id={`${id}-title`}>Live seminar</h2>
      <p id={`${id}-about`}>
        Hosting a live seminar needs the desktop app: it runs the room on this computer and serves the map to the students’ browsers. In a browser you can join a seminar someone hosts by opening the address they show.
      </p>
      <div className="aa-modal-buttons">
        <button type="button" className="aa-primary" onClick={closeSeminarHost}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function HostDialog({ live }: { live: LiveHostBridge }) {
  const id = useId();
  const seminar = useSeminarHost((s) => s.seminar);
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-seminar-host" onClose={closeSeminarHost}>
      <h2 id={`${id}-title`}>{seminar ? 'Live seminar' : 'Start live seminar'}</h2>
      {seminar ? <Running id={id} live={live} seminar={seminar} /> : <StartForm id={id} live={live} />}
    </Modal>
  );
}

function StartForm({ id, live }: { id: string; live: LiveHostBridge }) {
  const fileRef = useEditor((s) => s.fileRef ?? null);
  const dirty = useEditor((s) => isDirty(s));
  const docName = useEditor((s) => s.name);
  const ended = useSeminarHost((s) => s.ended);
  const [addresses, setAddresses] = useState<LiveAddress[] | null>(null);
  const [address, setAddress] = useState('');
  const [port, setPort] = useState(String(DEFAULT_LIVE_PORT));
  const [anyPort, setAnyPort] = useState(false);
  const [mode, setMode] = useState<RoomMode>('students-read-only');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // After Stop the running view is gone with the focused button: the focus stays in the dialog
  // (its keys, Esc and Tab, work there), and goes to the address list once it is read.
  const focusLost = () => document.activeElement === null || document.activeElement === document.body || document.activeElement === form.current?.closest('[role="dialog"]');
  useEffect(() => {
    if (focusLost()) form.current?.closest<HTMLElement>('[role="dialog"]')?.focus();
  }, []);
  useEffect(() => {
    if (addresses && focusLost()) first.current?.focus();
  }, [addresses]);

  useEffect(() => {
    let gone = false;
    live.addresses().then(
      (list) => {
        if (gone) return;
        setAddresses(list);
        // A LAN address when there is one (students are on other computers); this computer only otherwise.
        setAddress((list.find((a) => !a.loopback) ?? list[0])?.address ?? '');
      },
      (err: unknown) => !gone && setError(`This computer’s addresses could not be read: ${message(err)}`),
    );
    return () => {
      gone = true;
    };
  }, [live]);

  const unsaved = fileRef === null || dirty;
  const chosen = addresses?.find((a) => a.address === address);

  const start = async () => {
    if (busy || unsaved || !chosen) return;
    const portNumber = anyPort ? ANY_FREE_PORT : readTypedPort(port);
    // Main's own rule, said before asking it.
    const refusal = portProblem(portNumber);
    if (refusal) {
      setError(refusal);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const started = await live.start(fileRef, { address: chosen.address, port: portNumber, mode });
      seminarStarted(started);
      // The instructor's own window joins the room through the main process (the key stays there); the running view says how that went.
      const note = await joinAsInstructor(started, live);
      seminarHost.setState({ joinNote: note, leave: note === null ? leaveAsInstructor : null });
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <p id={`${id}-about`} className="aa-hint">
        The class edits one shared map from their browsers on this network, without installing anything. This computer hosts it and writes every change to “{docName}” within a second.
      </p>
      {ended && <p role="status">{ended}</p>}
      {unsaved && (
        <div className="aa-seminar-unsaved" role="note">
          <p>{fileRef === null ? 'Save the map first: a live seminar hosts a map saved on this computer.' : 'Save your changes first: the seminar starts from the saved file.'}</p>
          <button type="button" onClick={() => void saveMap()} disabled={busy}>
            {fileRef === null ? 'Save As…' : 'Save'}
          </button>
        </div>
      )}
      <div className="aa-seminar-field">
        <label htmlFor={`${id}-address`}>Address students connect to</label>
        <select ref={first} id={`${id}-address`} value={address} onChange={(e) => setAddress(e.target.value)} disabled={busy || addresses === null} aria-describedby={`${id}-address-hint`}>
          {addresses === null && <option value="">Reading this computer’s addresses…</option>}
          {addresses?.map((a) => (
            <option key={a.address} value={a.address}>
              {a.label}
            </option>
          ))}
        </select>
        <span id={`${id}-address-hint`} className="aa-hint">
          {chosen?.loopback ? 'Only this computer can join: for trying it out.' : 'Students’ computers must be on this network, and its firewall must let them reach the port.'}
        </span>
      </div>
      <div className="aa-seminar-field aa-seminar-port">
        <label htmlFor={`${id}-port`}>Port</label>
        <input id={`${id}-port`} type="text" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} disabled={busy || anyPort} size={6} />
        <label>
          <input type="checkbox" checked={anyPort} onChange={(e) => setAnyPort(e.target.checked)} disabled={busy} /> Any free port
        </label>
      </div>
      <fieldset className="aa-export-formats" disabled={busy}>
        <legend>Who may edit</legend>
        {ROOM_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} /> {ROOM_MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <ExportFormFooter error={error} busy={busy} onCancel={closeSeminarHost} submit={{ label: 'Start Seminar', busyLabel: 'Starting…', disabled: unsaved || !chosen }} />
    </form>
  );
}

function Running({ id, live, seminar }: { id: string; live: LiveHostBridge; seminar: LiveSeminar }) {
  const peers = useSeminarHost((s) => s.peers);
  const problem = useSeminarHost((s) => s.problem);
  const joinNote = useSeminarHost((s) => s.joinNote);
  const joined = useSeminarHost((s) => s.leave !== null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState('');
  const [error, setError] = useState<string | null>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const connected = peers.filter((p) => p.connected);

  // After Start, to the Copy button; after the dialog's own opening (Modal's effect runs after this
  // one and notes what had the focus before), so the focus still goes back there on closing.
  useEffect(() => {
    const t = setTimeout(() => copyButton.current?.focus(), 0);
    return () => clearTimeout(t);
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(seminar.joinUrl);
      setCopied('The address was copied.');
    } catch {
      setCopied('The address could not be copied; select it and copy it by hand.');
    }
  };

  const stop = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await live.stop();
      seminarStopped('The live seminar was stopped; the map was saved.');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="aa-seminar-running">
      <p id={`${id}-about`} className="aa-hint">
        Students open this address in a browser on this network, or scan the code, then type their name. “{seminar.mapName}” is saved within a second of each change.
      </p>
      {seminar.notice && <p role="note">{seminar.notice}</p>}
      {joined && (
        <p role="note" className="aa-seminar-note">
          This window is in the room as the instructor: your edits reach the class, and theirs show here. The host saves “{seminar.mapName}”, so there is nothing to save while the seminar runs.
        </p>
      )}
      {joinNote && (
        <p role="note" className="aa-seminar-note">
          {joinNote}
        </p>
      )}
      <div className="aa-seminar-join">
        <QrCode text={seminar.joinUrl} label={`QR code of the join address ${seminar.joinUrl}`} />
        <div>
          <p className="aa-seminar-code-label" id={`${id}-code`}>
            Join code
          </p>
          <p className="aa-seminar-code" aria-labelledby={`${id}-code`}>
            {seminar.code}
          </p>
          <label htmlFor={`${id}-url`}>Join address</label>
          <div className="aa-seminar-url">
            <input id={`${id}-url`} type="text" readOnly value={seminar.joinUrl} onFocus={(e) => e.currentTarget.select()} />
            <button ref={copyButton} type="button" onClick={() => void copy()}>
              Copy
            </button>
          </div>
          <p className="aa-hint" role="status">
            {copied}
          </p>
          <p className="aa-hint">{ROOM_MODE_LABELS[seminar.mode]}.</p>
        </div>
      </div>
      <h3 id={`${id}-people`}>
        Connected: {connected.length} {connected.length === 1 ? 'person' : 'people'}
      </h3>
      {peers.length === 0 ? (
        <p className="aa-hint">No one has joined yet.</p>
      ) : (
        <ul className="aa-seminar-peers" aria-labelledby={`${id}-people`}>
          {peers.map((p) => (
            <li key={`${p.role}:${p.name}`} data-connected={p.connected}>
              <span>{p.name}</span> <span className="aa-hint">{p.role === 'instructor' ? 'instructor' : 'student'}{p.connected ? '' : ', disconnected'}</span>
            </li>
          ))}
        </ul>
      )}
      {(error ?? problem) && (
        <p className="aa-error" role="alert">
          {error ?? problem}
        </p>
      )}
      <div className="aa-modal-buttons">
        <button type="button" onClick={closeSeminarHost} disabled={busy}>
          Close (the seminar goes on)
        </button>
        <button type="button" className="aa-seminar-stop" onClick={() => void stop()} disabled={busy}>
          {busy ? 'Stopping…' : 'Stop Seminar'}
        </button>
      </div>
    </div>
  );
}
