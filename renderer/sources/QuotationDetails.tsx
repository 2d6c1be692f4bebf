// The check of one quotation of a secondary source against the primary source it quotes:
// its status, the audit's sentence and the word-by-word difference.
import type { AuditFinding } from '../../arguments/analysis/audit';
import type { Source } from '../../arguments/model';
import { diffRuns, shorten, STATUS_LABEL, STATUS_SYMBOL } from './present';

export function QuotationDetails({ id, finding, primary, onShow, onClose }: { id: string; finding: AuditFinding; primary: Source | undefined; onShow(): void; onClose(): void }) {
  const runs = finding.diff && (finding.status === 'altered' || finding.status === 'interpolated') ? diffRuns(finding.diff) : null;
  return (
    <section
      id={id}
      className={`aa-src-details aa-src-details-${finding.status}`}
      aria-label="Quotation check"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="aa-src-details-head">
        <h3>
          <span aria-hidden="true">{STATUS_SYMBOL[finding.status]}</span> Quotation {STATUS_LABEL[finding.status]}
        </h3>
        <button type="button" className="aa-src-button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="aa-src-details-quote">
        <q>{shorten(finding.quote, 240)}</q>
      </p>
      <p className="aa-src-details-message">{finding.message}</p>
      {runs && (
        <>
          <p className="aa-src-diff">
            {runs.map((r, i) => (
              <span key={i}>
                {i > 0 && ' '}
                {r.kind === 'del' ? <del>{r.text}</del> : r.kind === 'ins' ? <ins>{r.text}</ins> : r.text}
              </span>
            ))}
          </p>
          <p className="aa-src-diff-legend">
            <del>Struck through</del>: in {primary?.title || finding.source}, not in the quotation. <ins>Underlined</ins>: the quotation&rsquo;s own words.
          </p>
        </>
      )}
      {finding.passage && primary && (
        <button type="button" className="aa-src-button" onClick={onShow}>
          Show the passage in {primary.title || primary.id}
        </button>
      )}
    </section>
  );
}
