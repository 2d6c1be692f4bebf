// Add a source: paste its text or bring a file (text, Markdown, PDF, Word, HTML), see what
// was read, give it a title, role, date and author, and add it as one undoable step.
import { useEffect, useId, useRef } from 'react';
import { formatEdtf } from '../../arguments/dates';
import { SOURCE_ROLES, type SourceRole } from '../../arguments/model';
import { Modal } from '../panels/Modal';
import { platform } from '../platform';
import { addPendingSource, cancelReading, chooseSourceFile, chooseWay, dateProblem, readPending, setField, setPasted } from './addSourceFlow';
import { closeAddSource, useAddSourceDialog } from './addSourceState';
import { readSourceDocument } from './documentReader';
import { FilePanel } from './FilePanel';
import { ROLE_LABELS } from './present';
import { WayTabs } from './WayTabs';
import './dialogs.css';

export default function AddSourceDialog() {
  const open = useAddSourceDialog((s) => s.open);
  const session = useAddSourceDialog((s) => s.session);
  // A fresh dialog (and fresh focus) for each opening.
  return open ? <AddSourceForm key={session} /> : null;
}

function AddSourceForm() {
  const id = useId();
  const s = useAddSourceDialog((st) => st);
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // A dropped file, or a document opened as a map, is read at once; pasted text offers its title.
    readPending(readSourceDocument);
    if (s.pasted) setPasted(s.pasted);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const badDate = dateProblem(s.fields.date);
  const reading = s.file.stage === 'reading' || s.file.stage === 'pending' || s.file.stage === 'choosing';
  const hasText = s.way === 'paste' ? s.pasted.trim() !== '' : s.file.stage === 'ready';
  const canAdd = hasText && !reading && !badDate && s.fields.title.trim() !== '';

  const close = () => closeAddSource();
  const submit = () => {
    if (canAdd) addPendingSource();
  };

  return (
    <Modal labelledBy={`${id}-title`} className="aa-add-source" onClose={close} initialFocus={s.way === 'paste' ? pasteRef : chooseRef} busy={reading}>
      <h2 id={`${id}-title`}>Add a source</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <WayTabs id={`${id}-way`} way={s.way} onChoose={chooseWay} label="How to bring the text in">
          {s.way === 'paste' ? (
            <div className="aa-field">
              <label htmlFor={`${id}-paste`}>Text of the source</label>
              <textarea
                id={`${id}-paste`}
                ref={pasteRef}
                className="aa-paste-text"
                rows={10}
                value={s.pasted}
                spellCheck={false}
                aria-describedby={`${id}-paste-hint`}
                onChange={(e) => setPasted(e.target.value)}
              />
              <span id={`${id}-paste-hint`} className="aa-hint">
                Kept exactly as pasted, spelling and line breaks included: a source’s text is never corrected afterwards.
              </span>
            </div>
          ) : (
            <FilePanel file={s.file} chooseRef={chooseRef} onChoose={() => void chooseSourceFile(platform, readSourceDocument)} onCancel={cancelReading} />
          )}
        </WayTabs>

        <fieldset className="aa-add-fields" disabled={reading}>
          <legend>About the source</legend>
          <div className="aa-field aa-field-wide">
            <label htmlFor={`${id}-name`}>Title</label>
            <input id={`${id}-name`} type="text" value={s.fields.title} onChange={(e) => setField('title', e.target.value)} placeholder="e.g. Stalin to Klement Gottwald, 27 August 1950" />
          </div>
          <div className="aa-field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={s.fields.role} onChange={(e) => setField('role', e.target.value as SourceRole)}>
              {SOURCE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="aa-field">
            <label htmlFor={`${id}-date`}>Date (EDTF)</label>
            <input
              id={`${id}-date`}
              type="text"
              value={s.fields.date}
              onChange={(e) => setField('date', e.target.value)}
              placeholder="e.g. 1950-08-27"
              aria-invalid={badDate ? true : undefined}
              aria-describedby={`${id}-date-note`}
            />
            <span id={`${id}-date-note`} className={badDate ? 'aa-error aa-field-note' : 'aa-hint aa-field-note'} aria-live="polite">
              {badDate ?? (s.fields.date.trim() ? `Reads: ${formatEdtf(s.fields.date.trim(), 'long')}` : 'Optional. 1950-08-27, 1950-08, 1950-08~ (circa), 195X, 1949/1950…')}
            </span>
          </div>
          <div className="aa-field aa-field-wide">
            <label htmlFor={`${id}-author`}>Author</label>
            <input
              id={`${id}-author`}
              type="text"
              value={s.fields.author}
              onChange={(e) => setField('author', e.target.value)}
              placeholder="e.g. Stalin, I. V."
              aria-describedby={`${id}-author-hint`}
            />
            <span id={`${id}-author-hint`} className="aa-hint">
              Optional. Several people separated by “;”.
            </span>
          </div>
        </fieldset>

        {s.problem && (
          <p className="aa-error" role="alert">
            {s.problem}
          </p>
        )}
        <div className="aa-modal-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="aa-primary" disabled={!canAdd}>
            Add source
          </button>
        </div>
      </form>
    </Modal>
  );
}
