// The "From a file" side of the Add Source and Replace Text dialogs: choose a file, watch a
// long PDF being read (with Cancel), then see what it is; a refusal in the intake's words.
import { useId, type RefObject } from 'react';
import { MAX_SOURCE_FILE_BYTES } from '../../arguments/intake/limits';
import { formatBytes } from '../../arguments/format/errors';
import type { FileStage } from './addSourceState';
import { DocumentPreview } from './DocumentPreview';

export function FilePanel({ file, onChoose, onCancel, chooseRef }: { file: FileStage; onChoose(): void; onCancel(): void; chooseRef?: RefObject<HTMLButtonElement | null> }) {
  const id = useId();
  const busy = file.stage === 'choosing' || file.stage === 'reading' || file.stage === 'pending';
  return (
    <div className="aa-file-panel">
      <div className="aa-file-choose">
        <button ref={chooseRef} type="button" onClick={onChoose} disabled={busy} aria-describedby={`${id}-kinds`}>
          {file.stage === 'ready' || file.stage === 'failed' ? 'Choose another file…' : 'Choose a file…'}
        </button>
        <span id={`${id}-kinds`} className="aa-hint">
          Plain text or Markdown (UTF-8, or UTF-16 with a byte order mark), PDF with a text layer, Word (.docx) or HTML; up to {formatBytes(MAX_SOURCE_FILE_BYTES)}.
        </span>
      </div>
      <div className="aa-file-status" aria-live="polite">
        {file.stage === 'choosing' && <p className="aa-muted">Choose the file in the Open dialog…</p>}
        {file.stage === 'pending' && <p className="aa-muted">Reading “{file.document.name}”…</p>}
        {file.stage === 'reading' && (
          <div className="aa-file-reading">
            <label htmlFor={`${id}-progress`}>
              Reading “{file.name}”{file.total > 0 ? `: page ${Math.min(file.done + 1, file.total).toLocaleString('en-US')} of ${file.total.toLocaleString('en-US')}` : '…'}
            </label>
            <progress id={`${id}-progress`} max={file.total || undefined} value={file.total ? file.done : undefined} />
            <button type="button" onClick={onCancel}>
              Cancel reading
            </button>
          </div>
        )}
      </div>
      {file.stage === 'failed' && (
        <p className="aa-error aa-file-error" role="alert">
          {file.message}
        </p>
      )}
      {file.stage === 'ready' && <DocumentPreview name={file.name} intake={file.intake} headingId={`${id}-doc`} />}
    </div>
  );
}
