// The file layer's UI: the Save / Don't Save / Cancel question and the crash-recovery banner.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { restoreFocusSoon } from '../canvas/navigation';
import { Modal } from '../panels/Modal';
import { answerNameQuestion, answerSaveQuestion, useFileDialogs } from './dialogState';
import { typedFileName } from './fileCommands';
import { discardRecovery, restoreRecovery } from './startup';
import './files.css';

export function FileDialogs() {
  const question = useFileDialogs((s) => s.saveQuestion);
  const nameQuestion = useFileDialogs((s) => s.nameQuestion);
  return (
    <>
      <RecoveryBanner />
      {nameQuestion && <SaveAsNameDialog key={nameQuestion.id} name={nameQuestion.name} />}
      {/* A key per question: a new question gets a fresh dialog and fresh focus. */}
      {question && <SaveChangesDialog key={question.id} name={question.name} kind={question.kind} />}
    </>
  );
}

function SaveChangesDialog({ name, kind }: { name: string; kind: 'save' | 'revert' }) {
  const dialog = useRef<HTMLDivElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement;
    saveButton.current?.focus();
    return () => {
      // Opened with focus nowhere (the page body): to the selected node, else the map.
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
      else restoreFocusSoon();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys stay in the dialog: the editor's shortcuts must not act on the map behind it.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      answerSaveQuestion('cancel');
    } else if (e.key === 'Tab') {
      // Focus cycles through the three buttons.
      const buttons = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
      if (buttons.length === 0) return;
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = (at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
      e.preventDefault();
      buttons[at === -1 ? 0 : next]!.focus();
    } else if ((e.ctrlKey || e.metaKey) && ['s', 'o', 'n'].includes(e.key.toLowerCase())) {
      e.preventDefault(); // not the browser's Save Page / Open File
    }
  };

  return (
    // Clicks outside do not close the question, and do not take focus out of it.
    <div className="aa-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div
        ref={dialog}
        className="aa-modal aa-save-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="aa-save-title"
        aria-describedby="aa-save-detail"
        onKeyDown={onKeyDown}
      >
        {kind === 'revert' ? (
          <>
            <h2 id="aa-save-title">Revert “{name}” to the saved version?</h2>
            <p id="aa-save-detail">The changes you made since it was last saved will be lost.</p>
            <div className="aa-modal-buttons aa-save-buttons">
              <span className="aa-spacer" />
              <button type="button" onClick={() => answerSaveQuestion('cancel')}>
                Cancel
              </button>
              <button ref={saveButton} type="button" className="aa-primary" onClick={() => answerSaveQuestion('discard')}>
                Revert
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 id="aa-save-title">Do you want to save the changes you made to “{name}”?</h2>
            <p id="aa-save-detail">Your changes will be lost if you don't save them.</p>
            <div className="aa-modal-buttons aa-save-buttons">
              <button type="button" className="aa-dont-save" onClick={() => answerSaveQuestion('discard')}>
                Don't Save
              </button>
              <span className="aa-spacer" />
              <button type="button" onClick={() => answerSaveQuestion('cancel')}>
                Cancel
              </button>
              <button ref={saveButton} type="button" className="aa-primary" onClick={() => answerSaveQuestion('save')}>
                Save
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

/** Save As in a browser that can only download: the name to save under, prefilled with the current one. */
function SaveAsNameDialog({ name }: { name: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    // The name without its ending is selected, ready to be typed over.
    const end = name.replace(/(\.argmap)?\.json$/i, '').length;
    input.current?.setSelectionRange(0, end);
  }, [name]);
  const submit = () => {
    const chosen = typedFileName(value);
    if (!chosen) {
      setProblem('Type a name for the file, e.g. “letter-analysis”; “.argmap.json” is added.');
      input.current?.focus();
      return;
    }
    answerNameQuestion(chosen);
  };
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-hint`} className="aa-save-as-dialog" onClose={() => answerNameQuestion(null)} initialFocus={input}>
      <h2 id={`${id}-title`}>Save As</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="aa-field">
          <label htmlFor={`${id}-name`}>File name</label>
          <input
            ref={input}
            id={`${id}-name`}
            type="text"
            value={value}
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(null);
            }}
          />
        </div>
        <p id={`${id}-hint`} className={problem ? 'aa-error' : 'aa-hint'} role={problem ? 'alert' : undefined}>
          {problem ?? 'The browser saves the map to its downloads folder under this name.'}
        </p>
        <div className="aa-modal-buttons">
          <button type="button" onClick={() => answerNameQuestion(null)}>
            Cancel
          </button>
          <button type="submit" className="aa-primary">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function RecoveryBanner() {
  const backup = useFileDialogs((s) => s.recovery);
  const [busy, setBusy] = useState(false);
  if (!backup) return null;
  const act = (fn: () => Promise<void>) => {
    setBusy(true);
    void fn().finally(() => setBusy(false));
  };
  return (
    <section className="aa-recovery" role="region" aria-labelledby="aa-recovery-title">
      <h2 id="aa-recovery-title">Recover unsaved work</h2>
      <p>
        Argument Atlas found unsaved changes to “{backup.name}” from <time dateTime={backup.savedAt}>{formatTime(backup.savedAt)}</time>.
      </p>
      <div className="aa-recovery-buttons">
        <button type="button" className="aa-primary" disabled={busy} onClick={() => act(restoreRecovery)}>
          Restore
        </button>
        <button type="button" disabled={busy} onClick={() => act(discardRecovery)}>
          Discard
        </button>
      </div>
    </section>
  );
}
