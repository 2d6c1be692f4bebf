// Replace a source's text with a corrected transcription (or add the text of a source that
// has none): paste it or bring a file, see for each evidence node whether its quote is still
// found, moved or lost (with the closest passage) BEFORE confirming; one undoable step.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { reanchorReport, type ReanchorReport } from '../../arguments/operations';
import { Modal } from '../panels/Modal';
import { platform } from '../platform';
import { getMap, useMap } from '../store/store';
import { readSourceDocument } from './documentReader';
import { FilePanel } from './FilePanel';
import { nodeName, shorten } from './present';
import { cancelReplacementReading, chooseReplacementFile, confirmReplace, REANCHOR_LABELS, replaceBlocker, replacementText, reportSummary, setReplacePasted, setReplaceWay } from './replaceFlow';
import { closeReplaceText, useReplaceDialog } from './replaceState';
import { WayTabs } from './WayTabs';
import './dialogs.css';

export default function ReplaceTextDialog() {
  const open = useReplaceDialog((s) => s.open);
  const session = useReplaceDialog((s) => s.session);
  return open ? <ReplaceForm key={session} /> : null;
}

/** Lost quotes first, then moved ones: what needs the historian's attention. */
const SEVERITY = { lost: 0, moved: 1, found: 2 } as const satisfies Record<ReanchorReport['quotes'][number]['status'], number>;
const sortedQuotes = (report: ReanchorReport) => [...report.quotes].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);

/** The report is computed a moment after the last keystroke (a diff of two long texts takes a while). */
const COMPARE_DELAY_MS = 250;

function ReplaceForm() {
  const id = useId();
  const s = useReplaceDialog((st) => st);
  const source = useMap((m) => (s.sourceId !== null && Object.hasOwn(m.sources, s.sourceId) ? m.sources[s.sourceId] : undefined));
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const next = useMemo(() => replacementText(s), [s.way, s.pasted, s.file]); // eslint-disable-line react-hooks/exhaustive-deps
  const nextText = next && 'text' in next ? next.text : null;
  const [report, setReport] = useState<ReanchorReport | null>(null);
  const [comparing, setComparing] = useState(false);

  useEffect(() => {
    setReport(null);
    if (nextText === null || !source) {
      setComparing(false);
      return;
    }
    setComparing(true);
    const timer = setTimeout(() => {
      setReport(reanchorReport(getMap(), source.id, nextText));
      setComparing(false);
    }, COMPARE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [nextText, source]);

  if (!source) return null;
  const adding = source.text === '';
  const title = source.title || source.id;
  const map = getMap();
  const blocker = comparing ? 'Comparing the texts…' : replaceBlocker(map, report);
  const reading = s.file.stage === 'reading' || s.file.stage === 'choosing';

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-about`} className="aa-replace-dialog" onClose={closeReplaceText} initialFocus={pasteRef} busy={reading}>
      <h2 id={`${id}-title`}>{adding ? `Add the text of “${title}”` : `Replace the text of “${title}”`}</h2>
      <p id={`${id}-about`} className="aa-muted">
        {adding
          ? 'The text is kept exactly as you give it.'
          : 'For a corrected transcription. The new text is kept exactly as you give it; each quote of this source is looked for in it before anything changes.'}
      </p>
      <WayTabs id={`${id}-way`} way={s.way} onChoose={setReplaceWay} label="How to bring the new text in">
        {s.way === 'paste' ? (
          <div className="aa-field">
            <label htmlFor={`${id}-paste`}>{adding ? 'Text of the source' : 'New text of the source'}</label>
            <textarea id={`${id}-paste`} ref={pasteRef} className="aa-paste-text" rows={8} value={s.pasted} spellCheck={false} onChange={(e) => setReplacePasted(e.target.value)} />
          </div>
        ) : (
          <FilePanel file={s.file} onChoose={() => void chooseReplacementFile(platform, readSourceDocument)} onCancel={cancelReplacementReading} />
        )}
      </WayTabs>

      {next && 'problem' in next && (
        <p className="aa-error" role="alert">
          {next.problem}
        </p>
      )}
      <section className="aa-reanchor" aria-labelledby={`${id}-report`} aria-live="polite" aria-busy={comparing}>
        <h3 id={`${id}-report`}>What happens to the quotes</h3>
        {comparing && <p className="aa-muted">Comparing the texts…</p>}
        {!comparing && !report && <p className="aa-muted">{adding ? 'No evidence quotes this source yet.' : 'Give the new text to see, for each quote, whether it is still found.'}</p>}
        {report && report.quotes.length === 0 && <p>No evidence quotes this source{adding ? ' yet' : ''}: nothing to re-anchor.</p>}
        {report && report.quotes.length > 0 && (
          <>
            <p data-testid="reanchor-summary">
              {report.quotes.length === 1 ? 'One quote' : `${report.quotes.length} quotes`}: {reportSummary(report.counts)}.
            </p>
            <div className="aa-reanchor-table-wrap" tabIndex={0} role="region" aria-label="Each quote in the new text">
              <table className="aa-reanchor-table">
                <thead>
                  <tr>
                    <th scope="col">Evidence</th>
                    <th scope="col">Quote</th>
                    <th scope="col">In the new text</th>
                  </tr>
                </thead>
                <tbody>
                  {sortedQuotes(report).map((q) => {
                    const n = Object.hasOwn(map.nodes, q.node) ? map.nodes[q.node]! : undefined;
                    const label = REANCHOR_LABELS[q.status];
                    return (
                      <tr key={q.node} className={`aa-reanchor-${q.status}`} data-node-id={q.node}>
                        <th scope="row">{n ? nodeName(n) : q.node}</th>
                        <td>
                          <q>{shorten(q.was.exact, 100)}</q>
                        </td>
                        <td>
                          <strong>
                            <span aria-hidden="true">{label.symbol}</span> {label.word}
                          </strong>
                          <span className="aa-reanchor-message">{q.message}</span>
                          {q.status === 'lost' && q.closest && (
                            <span className="aa-reanchor-closest">
                              Closest passage: <q>{shorten(q.closest.text, 140)}</q>
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {report.counts.lost > 0 && <p className="aa-hint">Lost quotes are left as they are and marked ⚠ on their nodes.</p>}
          </>
        )}
        {report?.quotations && report.quotations.length > 0 && (
          <p className="aa-hint">
            {report.quotations.length === 1 ? 'One quotation' : `${report.quotations.length} quotations`} of this source by secondary sources will be checked differently:{' '}
            {report.quotations.map((c) => c.message).slice(0, 3).join(' ')}
          </p>
        )}
      </section>
      {s.problem && (
        <p className="aa-error" role="alert">
          {s.problem}
        </p>
      )}
      <div className="aa-modal-buttons">
        <button type="button" onClick={closeReplaceText}>
          Cancel
        </button>
        <button type="button" className="aa-primary" disabled={blocker !== null || reading} title={blocker ?? undefined} onClick={() => report && confirmReplace(report, title)}>
          {adding ? 'Add text' : 'Replace text'}
        </button>
      </div>
    </Modal>
  );
}
