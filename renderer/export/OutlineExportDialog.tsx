// File > Export Outline…: choose Word, Markdown, LaTeX, Argdown or AIF (and, for outlines,
// whether to say what stands), then where to save. Progress is shown while the citation
// processor loads; afterwards the dialog says what was written and, in full, what the file
// could not carry or printed differently. LaTeX's BibLaTeX file is saved by a second click,
// because a browser's save picker needs a click of its own.
import { useEffect, useId, useRef, useState } from 'react';
import { useEditor } from '../store/store';
import { Modal } from '../panels/Modal';
import { BIBLATEX_KIND, isProse, OUTLINE_FORMATS, OUTLINE_KINDS, outlineFileName, produceOutline, type OutlineFile, type OutlineFormat } from './outlineExport';
import { closeOutlineExport, readOutlineChoices, rememberOutlineChoices, useOutlineExportDialog, type OutlineChoices } from './outlineExportState';
import { chooseTargetFor } from './save';
import './export.css';
import { ExportFormFooter } from './ExportFormFooter';

const LABELS = {
  docx: 'Word (.docx), with footnotes',
  md: 'Markdown (.md), Pandoc footnotes',
  tex: 'LaTeX (.tex), with its BibLaTeX .bib',
  argdown: 'Argdown (.argdown)',
  aif: 'AIF (.json), for OVA and AIFdb',
} satisfies Record<OutlineFormat, string>;

export function OutlineExportDialog() {
  const open = useOutlineExportDialog((s) => s.open);
  return open ? <OutlineExportForm /> : null;
}

interface Done {
  name: string;
  file: OutlineFile;
  bibSaved: string | null;
}

const message = (err: unknown) => (err instanceof Error && err.message ? err.message : String(err));

function OutlineExportForm() {
  const id = useId();
  const map = useEditor((s) => s.history.present);
  const docName = useEditor((s) => s.name);
  const [choices, setChoices] = useState<OutlineChoices>(readOutlineChoices);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  // The form gives way to the result: focus goes to its Close, not to the page.
  useEffect(() => {
    if (done) closeButton.current?.focus();
  }, [done !== null]); // eslint-disable-line react-hooks/exhaustive-deps
  const fileName = outlineFileName(docName, map, choices.format);

  const close = () => {
    if (!busy) closeOutlineExport();
  };

  const doExport = async () => {
    if (busy) return;
    setError(null);
    rememberOutlineChoices(choices);
    let target;
    try {
      // First, while the click still counts as one: where to save.
      target = await chooseTargetFor(fileName, OUTLINE_KINDS[choices.format], 'outline');
    } catch (err) {
      setError(message(err));
      return;
    }
    if (!target) return;
    setBusy(true);
    try {
      const file = await produceOutline(map, choices.format, { status: choices.status && isProse(choices.format), fileName }, setStatus);
      setStatus('Saving…');
      const saved = await target.write(file.bytes);
      setStatus('');
      if (saved !== null) setDone({ name: saved, file, bibSaved: null });
    } catch (err) {
      setStatus('');
      setError(`The outline could not be exported: ${message(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const saveBib = async () => {
    const bib = done?.file.bib;
    if (!done || !bib || busy) return;
    setError(null);
    try {
      const target = await chooseTargetFor(bib.name, BIBLATEX_KIND, 'bibliography');
      if (!target) return;
      setBusy(true);
      const saved = await target.write(bib.bytes);
      if (saved !== null) setDone({ ...done, bibSaved: saved });
    } catch (err) {
      setError(`The bibliography could not be saved: ${message(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-outline-export" onClose={close} initialFocus={first} busy={busy}>
      <h2 id={`${id}-title`}>Export outline</h2>
      {!done ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void doExport();
          }}
        >
          <p id={`${id}-about`} className="aa-hint">
            The argument as prose — title, thesis, a section per claim, its evidence quoted with Chicago footnotes, objections and replies, bibliography — or the map for Argdown and AIF tools.
          </p>
          <fieldset className="aa-export-formats">
            <legend>Format</legend>
            {OUTLINE_FORMATS.map((f) => (
              <label key={f}>
                <input ref={choices.format === f ? first : undefined} type="radio" name={`${id}-format`} value={f} checked={choices.format === f} onChange={() => setChoices((c) => ({ ...c, format: f }))} disabled={busy} /> {LABELS[f]}
              </label>
            ))}
          </fieldset>
          <label className="aa-export-checks">
            <input type="checkbox" checked={choices.status && isProse(choices.format)} onChange={(e) => setChoices((c) => ({ ...c, status: e.target.checked }))} disabled={busy || !isProse(choices.format)} /> Include what stands (each claim’s dialectical status)
          </label>
          <p className="aa-hint">
            Saved as “{fileName}”{choices.format === 'tex' ? `; its sources go in “${fileName.replace(/\.tex$/, '.bib')}”, saved next` : ''}.
          </p>
          <ExportFormFooter error={error} status={status} busy={busy} onCancel={close} />
        </form>
      ) : (
        <div>
          <p id={`${id}-about`} role="status">
            Exported “{done.name}”: {done.file.summary}.
          </p>
          {done.file.notes.length > 0 ? (
            <>
              <p>What the file does not carry as the map has it:</p>
              <ul className="aa-outline-notes" aria-label="What the file does not carry">
                {done.file.notes.map((n, k) => (
                  <li key={k}>{n}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Everything in the map is in the file.</p>
          )}
          {done.file.bib && (
            <p>
              {done.bibSaved ? (
                <>Saved the sources as “{done.bibSaved}”.</>
              ) : (
                <>
                  The .tex reads its sources from “{done.file.bib.name}”: save it beside the .tex under that name.{' '}
                  <button type="button" onClick={() => void saveBib()} disabled={busy}>
                    Save {done.file.bib.name}…
                  </button>
                </>
              )}
            </p>
          )}
          {error && (
            <p className="aa-error" role="alert">
              {error}
            </p>
          )}
          <div className="aa-modal-buttons">
            <button ref={closeButton} type="button" className="aa-primary" onClick={() => closeOutlineExport()} disabled={busy}>
              Close
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
