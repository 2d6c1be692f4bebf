// File > Export Handout…: an HTML handout (opens offline in any browser) or a PDF handout (a
// page per step or per claim, with Chicago notes and the bibliography), optionally a student
// worksheet with the counter-considerations or the nodes chosen left blank; then where to
// save. The place is asked for first (a browser's save picker needs the click), the handout
// made after, with progress; a failure is said in the dialog and nothing is written.
import { useEffect, useId, useRef, useState } from 'react';
import { worksheetNodes } from '../../arguments/export/handout';
import { HANDOUT_PAGINGS, type HandoutPaging } from '../../arguments/export/handout/pages';
import { NODE_KIND_LABELS, type Id } from '../../arguments/model';
import { shorten } from '../../arguments/outline/plan';
import { chooseTargetFor } from '../export/save';
import { Modal } from '../panels/Modal';
import { useEditor } from '../store/store';
import { closeHandoutExport, HANDOUT_FORMATS, readHandoutChoices, rememberHandoutChoices, useHandoutExportDialog, type BlankChoice, type HandoutChoices, type HandoutFormat } from './handoutState';
import { HANDOUT_KINDS, handoutFileName, prefetchHandoutFonts, produceHandout, type HandoutFile } from './produceHandout';
import '../export/export.css';
import './handout.css';
import { ExportFormFooter } from '../export/ExportFormFooter';

const FORMAT_LABELS = {
  html: 'HTML: one file that opens offline in any browser, with the step-through and the sources',
  pdf: 'PDF: for printing, with the quoted passages’ Chicago notes and the bibliography',
} satisfies Record<HandoutFormat, string>;

const PAGING_LABELS = {
  step: 'A page per step of the presentation order',
  claim: 'A page per thesis and claim, with its grounds and objections',
} satisfies Record<HandoutPaging, string>;

const BLANK_LABELS = {
  none: 'No: a handout with every text',
  counters: 'Yes, every counter-consideration',
  chosen: 'Yes, the nodes ticked below',
} satisfies Record<BlankChoice, string>;

export function HandoutDialog() {
  const open = useHandoutExportDialog((s) => s.open);
  return open ? <HandoutForm /> : null;
}

const message = (err: unknown) => (err instanceof Error && err.message ? err.message : String(err));

function HandoutForm() {
  const id = useId();
  const map = useEditor((s) => s.history.present);
  const docName = useEditor((s) => s.name);
  const selected = useEditor((s) => s.selection.nodes);
  const [choices, setChoices] = useState<HandoutChoices>(readHandoutChoices);
  const [chosen, setChosen] = useState<ReadonlySet<Id>>(() => new Set(selected));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ name: string; file: HandoutFile } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  // The fonts load while the choices are made: the HTML builder reads them synchronously.
  useEffect(() => void prefetchHandoutFonts(), []);
  useEffect(() => {
    if (done) closeButton.current?.focus();
  }, [done !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  const worksheet = choices.blanks !== 'none';
  const fileName = handoutFileName(docName, map, choices.format, worksheet);
  const nodes = Object.values(map.nodes);

  const close = () => {
    if (!busy) closeHandoutExport();
  };

  const doExport = async () => {
    if (busy) return;
    setError(null);
    const ticked = [...chosen].filter((n) => Object.hasOwn(map.nodes, n));
    if (choices.blanks === 'chosen' && ticked.length === 0) {
      setError('No node is ticked to leave blank: tick at least one, or choose another worksheet option.');
      return;
    }
    let blanked: Id[] = [];
    try {
      // The CLI's rule for --worksheet: "counters", or ids each in the map.
      if (choices.blanks === 'counters') blanked = worksheetNodes(map, 'counters');
      else if (choices.blanks === 'chosen') blanked = worksheetNodes(map, ticked.join(','));
    } catch (err) {
      setError(message(err));
      return;
    }
    rememberHandoutChoices(choices);
    let target;
    try {
      target = await chooseTargetFor(fileName, HANDOUT_KINDS[choices.format], 'handout');
    } catch (err) {
      setError(message(err));
      return;
    }
    if (!target) return;
    setBusy(true);
    try {
      const file = await produceHandout(map, { format: choices.format, paging: choices.paging, worksheet: blanked }, setStatus);
      setStatus('Saving…');
      const saved = await target.write(file.bytes);
      setStatus('');
      if (saved !== null) setDone({ name: saved, file });
    } catch (err) {
      setStatus('');
      setError(`The handout could not be exported: ${message(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-handout-export" onClose={close} initialFocus={first} busy={busy}>
      <h2 id={`${id}-title`}>Export handout</h2>
      {!done ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void doExport();
          }}
        >
          <p id={`${id}-about`} className="aa-hint">
            A handout for the seminar: the argument step by step in the presentation order, with the sources it quotes. A worksheet leaves chosen nodes’ text as blanks to fill in.
          </p>
          <fieldset className="aa-export-formats">
            <legend>Format</legend>
            {HANDOUT_FORMATS.map((f) => (
              <label key={f}>
                <input ref={choices.format === f ? first : undefined} type="radio" name={`${id}-format`} value={f} checked={choices.format === f} onChange={() => setChoices((c) => ({ ...c, format: f }))} disabled={busy} /> {FORMAT_LABELS[f]}
              </label>
            ))}
          </fieldset>
          <fieldset className="aa-export-formats" disabled={busy || choices.format !== 'pdf'}>
            <legend>Pages (PDF)</legend>
            {HANDOUT_PAGINGS.map((p) => (
              <label key={p}>
                <input type="radio" name={`${id}-paging`} value={p} checked={choices.paging === p} onChange={() => setChoices((c) => ({ ...c, paging: p }))} /> {PAGING_LABELS[p]}
              </label>
            ))}
          </fieldset>
          <fieldset className="aa-export-formats" disabled={busy}>
            <legend>Student worksheet: leave text blank?</legend>
            {(['none', 'counters', 'chosen'] as const).map((b) => (
              <label key={b}>
                <input type="radio" name={`${id}-blanks`} value={b} checked={choices.blanks === b} onChange={() => setChoices((c) => ({ ...c, blanks: b }))} /> {BLANK_LABELS[b]}
              </label>
            ))}
          </fieldset>
          {choices.blanks === 'chosen' && (
            <fieldset className="aa-handout-nodes" disabled={busy}>
              <legend>Nodes to leave blank ({chosen.size} ticked)</legend>
              <div className="aa-handout-node-list">
                {nodes.map((n) => (
                  <label key={n.id}>
                    <input
                      type="checkbox"
                      checked={chosen.has(n.id)}
                      onChange={(e) =>
                        setChosen((s) => {
                          const next = new Set(s);
                          if (e.target.checked) next.add(n.id);
                          else next.delete(n.id);
                          return next;
                        })
                      }
                    />{' '}
                    {n.title ?? NODE_KIND_LABELS[n.kind]}: {shorten(n.text, 60)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <p className="aa-hint">Saved as “{fileName}”.</p>
          <ExportFormFooter error={error} status={status} busy={busy} onCancel={close} />
        </form>
      ) : (
        <div>
          <p id={`${id}-about`} role="status">
            Exported “{done.name}”: {done.file.summary}.
          </p>
          <div className="aa-modal-buttons">
            <button ref={closeButton} type="button" className="aa-primary" onClick={() => closeHandoutExport()}>
              Close
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
