// What a read document is, before it becomes a source text: its kind, pages, length,
// warnings, the note that extracted text must be checked, and the beginning of the text
// (as text: page breaks drawn as labels, the characters themselves never changed).
import { DOCUMENT_KIND_LABELS, type Intake } from '../../arguments/intake';
import { previewOf } from './addSourceFlow';

const count = (n: number) => n.toLocaleString('en-US');

/** The text with each form feed (a PDF's page break) shown as a page label. */
function PagedText({ text, firstPage }: { text: string; firstPage: number }) {
  const pages = text.split('\f');
  return (
    <>
      {pages.map((page, i) => (
        <span key={i}>
          {i > 0 && (
            <span className="aa-preview-page" aria-label={`Page ${firstPage + i}`}>
              {'\n'}— page {firstPage + i} —{'\n'}
            </span>
          )}
          {page}
        </span>
      ))}
    </>
  );
}

export function DocumentPreview({ name, intake, headingId }: { name: string; intake: Intake; headingId: string }) {
  const { shown, more } = previewOf(intake.text);
  const label = DOCUMENT_KIND_LABELS[intake.kind];
  return (
    <section className="aa-doc-preview" aria-labelledby={headingId}>
      <h3 id={headingId} className="aa-doc-name">
        {name}
      </h3>
      <p className="aa-doc-facts" data-testid="document-facts">
        {label}
        {intake.pages !== undefined && ` · ${count(intake.pages)} ${intake.pages === 1 ? 'page' : 'pages'}`} · {count(intake.text.length)} characters
        {intake.encoding ? ` · ${intake.encoding}` : ''}
      </p>
      {intake.extracted && (
        <p className="aa-doc-check" role="note">
          <strong>Check this text against the original.</strong> It was extracted from the {label} by a program: line breaks, hyphenation, notes and unusual characters
          may differ from the document. The text is kept exactly as extracted; once you have compared it, mark it “Checked against the original” in the source’s details.
        </p>
      )}
      {intake.warnings.length > 0 && (
        <ul className="aa-doc-warnings" aria-label="Warnings">
          {intake.warnings.map((w, i) => (
            <li key={i}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
      <p className="aa-doc-preview-label">{more > 0 ? `The first ${count(shown.length)} characters:` : 'The whole text:'}</p>
      <div className="aa-doc-text" role="region" aria-label={`Beginning of the text of ${name}`} tabIndex={0} data-testid="document-preview">
        <PagedText text={shown} firstPage={1} />
      </div>
      {more > 0 && <p className="aa-hint">… and {count(more)} more characters.</p>}
    </section>
  );
}
