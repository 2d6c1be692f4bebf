// The foot of a dialog's form (Export Outline…, Export Handout…, Start Live Seminar…): the refusal,
// the progress said to screen readers (where the dialog has any), and Cancel / the submit button,
// both held while the work runs (the submit button also while the form cannot be sent).
export function ExportFormFooter({
  error,
  status,
  busy,
  onCancel,
  submit = { label: 'Export…', busyLabel: 'Exporting…' },
}: {
  error: string | null;
  status?: string;
  busy: boolean;
  onCancel: () => void;
  submit?: { label: string; busyLabel: string; disabled?: boolean };
}) {
  return (
    <>
      {error && (
        <p className="aa-error" role="alert">
          {error}
        </p>
      )}
      {status !== undefined && (
        <p className="aa-export-status" role="status" aria-live="polite">
          {status}
        </p>
      )}
      <div className="aa-modal-buttons">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="aa-primary" disabled={busy || submit.disabled === true}>
          {busy ? submit.busyLabel : submit.label}
        </button>
      </div>
    </>
  );
}
