// The foot of an export dialog's form (Export Outline…, Export Handout…): the refusal, the
// progress said to screen readers, and Cancel / Export…, both held while the export runs.
export function ExportFormFooter({ error, status, busy, onCancel }: { error: string | null; status: string; busy: boolean; onCancel: () => void }) {
  return (
    <>
      {error && (
        <p className="aa-error" role="alert">
          {error}
        </p>
      )}
      <p className="aa-export-status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="aa-modal-buttons">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="aa-primary" disabled={busy}>
          {busy ? 'Exporting…' : 'Export…'}
        </button>
      </div>
    </>
  );
}
