// A source's Chicago notes-bibliography citations, rendered by citeproc-rs: the full first
// note, the short note, the bibliography entry, and a footnote for each quote with its page
// or folio; each copied to the clipboard as text (and as HTML where the clipboard takes it).
// Shown as text only: citeproc's HTML goes to the clipboard, never into the page.
import { useEffect, useId, useRef, useState } from 'react';
import type { RenderedNote } from '../../arguments/cite/processor';
import type { Source } from '../../arguments/model';
import { citeQuotes, citeSource, type QuoteNote, type SourceCitations } from './citeService';
import { copyToClipboard } from './clipboard';
import type { QuotedNode } from './paneHooks';

type Rendered = { status: 'preparing' } | { status: 'ready'; cites: SourceCitations; quotes: QuoteNote[] } | { status: 'failed'; message: string };

function locatorText(n: QuoteNote): string {
  if (!n.locator) return '';
  const plural = /[–,-]/.test(n.locator.value);
  return n.locator.label === 'folio' ? `${plural ? 'll.' : 'l.'} ${n.locator.value}` : `${plural ? 'pp.' : 'p.'} ${n.locator.value}`;
}

export default function Citations({ source, quoted }: { source: Source; quoted: readonly { q: QuotedNode; name: string }[] }) {
  const id = useId();
  const [rendered, setRendered] = useState<Rendered>({ status: 'preparing' });
  const [copied, setCopied] = useState('');
  const clear = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    setRendered((r) => (r.status === 'ready' ? r : { status: 'preparing' }));
    Promise.all([citeSource(source), citeQuotes(source, quoted.map((x) => x.q.quote))]).then(
      ([cites, quotes]) => !cancelled && setRendered({ status: 'ready', cites, quotes }),
      (err: unknown) => !cancelled && setRendered({ status: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [source, quoted]);

  useEffect(() => () => clearTimeout(clear.current), []);

  const copy = (note: RenderedNote, what: string) => {
    clearTimeout(clear.current);
    copyToClipboard(note).then(
      () => setCopied(`Copied the ${what}.`),
      (err: unknown) => setCopied(err instanceof Error ? err.message : String(err)),
    );
    clear.current = setTimeout(() => setCopied(''), 5000);
  };

  const title = source.title || source.id;
  return (
    <section className="aa-cite" aria-labelledby={`${id}-h`} aria-busy={rendered.status === 'preparing'}>
      <h3 id={`${id}-h`}>Citation (Chicago, notes and bibliography)</h3>
      {rendered.status === 'preparing' && (
        <p className="aa-muted" role="status">
          Preparing citations…
        </p>
      )}
      {rendered.status === 'failed' && (
        <p className="aa-error" role="alert">
          The citations of “{title}” could not be rendered: {rendered.message}
        </p>
      )}
      {rendered.status === 'ready' && (
        <>
          <dl className="aa-cite-list">
            <div>
              <dt>Footnote (first)</dt>
              <dd>
                <p className="aa-cite-text" data-testid="cite-full">
                  {rendered.cites.full.plain}
                </p>
                <button type="button" className="aa-src-button" onClick={() => copy(rendered.cites.full, 'footnote')}>
                  Copy footnote
                </button>
              </dd>
            </div>
            <div>
              <dt>Short note</dt>
              <dd>
                <p className="aa-cite-text" data-testid="cite-short">
                  {rendered.cites.short.plain}
                </p>
                <button type="button" className="aa-src-button" onClick={() => copy(rendered.cites.short, 'short note')}>
                  Copy short note
                </button>
              </dd>
            </div>
            <div>
              <dt>Bibliography</dt>
              <dd>
                <p className="aa-cite-text" data-testid="cite-bibliography">
                  {rendered.cites.bibliography.plain}
                </p>
                <button type="button" className="aa-src-button" onClick={() => copy(rendered.cites.bibliography, 'bibliography entry')}>
                  Copy bibliography entry
                </button>
              </dd>
            </div>
          </dl>
          {quoted.length > 0 && (
            <details className="aa-cite-quotes">
              <summary>Footnotes for each quote ({quoted.length})</summary>
              <ul>
                {quoted.map(({ q, name }, i) => {
                  const note = rendered.quotes[i];
                  if (!note) return null;
                  const where = locatorText(note);
                  return (
                    <li key={q.nodeId} data-node-id={q.nodeId}>
                      <span className="aa-cite-quote-name">
                        {name}
                        {where ? ` (${where})` : ''}
                      </span>
                      <p className="aa-cite-text">{note.full.plain}</p>
                      <button type="button" className="aa-src-button" aria-label={`Copy the footnote for ${name}`} onClick={() => copy(note.full, `footnote for ${name}`)}>
                        Copy footnote
                      </button>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
        </>
      )}
      <p className="aa-cite-copied" role="status" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}
