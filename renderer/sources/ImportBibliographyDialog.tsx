// Import Bibliography: the records of a BibTeX/BibLaTeX or CSL-JSON file, each with a
// checkbox, the entries that could not be read with their lines, then "Add N sources".
import { useEffect, useId, useRef } from 'react';
import { Modal } from '../panels/Modal';
import { addChosenRecords, chooseAllRecords, chooseRecord, parsePending } from './importFlow';
import { closeImport, useImportDialog } from './importState';
import './dialogs.css';

export default function ImportBibliographyDialog() {
  const open = useImportDialog((s) => s.open);
  const session = useImportDialog((s) => s.session);
  return open ? <ImportForm key={session} /> : null;
}

function ImportForm() {
  const id = useId();
  const file = useImportDialog((s) => s.file);
  const problem = useImportDialog((s) => s.problem);
  const addRef = useRef<HTMLButtonElement>(null);
  const allRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Parsed after the dialog is up, so a large library shows "Reading…" rather than a frozen window.
    const t = setTimeout(parsePending, 0);
    return () => clearTimeout(t);
  }, []);

  const rows = file?.stage === 'ready' ? file.rows : [];
  const chosen = rows.filter((r) => r.chosen).length;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = chosen > 0 && chosen < rows.length;
  }, [chosen, rows.length]);

  const name = file?.stage === 'ready' ? file.name : file?.document.name;
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-import-dialog" onClose={closeImport} busy={file?.stage === 'reading'}>
      <h2 id={`${id}-title`}>Import bibliography</h2>
      <p id={`${id}-about`} className="aa-muted">
        Records from “{name}”. Each becomes a source with its bibliographic details and no text yet; add its text later (Add text… in its tab).
      </p>
      {file?.stage === 'reading' && <p aria-live="polite">Reading the records…</p>}
      {file?.stage === 'ready' && (
        <>
          {rows.length > 0 ? (
            <div className="aa-import-table-wrap">
              <table className="aa-import-table">
                <caption className="aa-visually-hidden">Records in {name}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input ref={allRef} type="checkbox" aria-label="All records" checked={chosen === rows.length} onChange={(e) => chooseAllRecords(e.target.checked)} />
                    </th>
                    <th scope="col">Title</th>
                    <th scope="col">Author</th>
                    <th scope="col">Year</th>
                    <th scope="col">Type</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={i}>
                      <td>
                        <input type="checkbox" id={`${id}-r${i}`} checked={r.chosen} onChange={(e) => chooseRecord(i, e.target.checked)} />
                      </td>
                      <td>
                        <label htmlFor={`${id}-r${i}`}>{r.title}</label>
                      </td>
                      <td>{r.authors}</td>
                      <td>{r.year}</td>
                      <td>{r.type}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>No record in this file could be read.</p>
          )}
          {file.problems.length > 0 && (
            <section className="aa-import-problems" aria-labelledby={`${id}-problems`}>
              <h3 id={`${id}-problems`}>
                {file.problems.length === 1 ? 'One entry was not imported' : `${file.problems.length} entries were not imported`}
              </h3>
              <ul>
                {file.problems.map((p, i) => (
                  <li key={i}>
                    <strong>Line {p.line}:</strong> {p.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {problem && (
        <p className="aa-error" role="alert">
          {problem}
        </p>
      )}
      <div className="aa-modal-buttons">
        <button type="button" onClick={closeImport}>
          Cancel
        </button>
        <button ref={addRef} type="button" className="aa-primary" disabled={chosen === 0} onClick={() => addChosenRecords()}>
          {chosen === 1 ? 'Add 1 source' : `Add ${chosen} sources`}
        </button>
      </div>
    </Modal>
  );
}
