// The head of a source's tab: its title and facts (date as EDTF reads, citation as given and
// normalised, how its text came in), and what can be done with it: edit the details, see
// and copy its citations, replace (or add) its text, delete it. Deleting is refused while
// evidence quotes the source; the refusal names those nodes and offers to select them.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { formatCitation } from '../../arguments/citation';
import { formatEdtf } from '../../arguments/dates';
import { TRANSCRIPTION_METHOD_LABELS, type Id, type Source } from '../../arguments/model';
import { deleteSource, quotingNodes } from '../../arguments/operations';
import { attempt, getMap, notify, select } from '../store/store';
import { togglePanel, useSourcesPane } from './paneState';
import type { QuotedNode } from './paneHooks';
import { ROLE_LABELS } from './present';
import { openReplaceText } from './replaceState';
import { needsChecking } from './sourceForm';

const SourceDetailsForm = lazy(() => import('./SourceDetailsForm'));
const Citations = lazy(() => import('./Citations'));

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Facts({ source, sources, onOpen }: { source: Source; sources: Record<Id, Source>; onOpen(id: Id): void }) {
  const c = source.citation;
  const t = source.transcription;
  return (
    <dl className="aa-src-facts">
      <Fact term="Role">{ROLE_LABELS[source.role]}</Fact>
      {source.date && (
        <Fact term="Date">{ISO_DATE.test(source.date) ? <time dateTime={source.date}>{formatEdtf(source.date, 'long')}</time> : formatEdtf(source.date, 'long')}</Fact>
      )}
      {source.author && <Fact term="Author">{source.author}</Fact>}
      {source.recipient && <Fact term="Recipient">{source.recipient}</Fact>}
      {source.place && <Fact term="Place">{source.place}</Fact>}
      {source.language && <Fact term="Language">{source.language}</Fact>}
      {c && (
        <Fact term="Citation">
          <span className="aa-src-cite">{formatCitation(c)}</span>
          {c.archiveName && <span className="aa-src-cite-archive">{c.archiveName}</span>}
          {c.asGiven && (
            <span className="aa-src-cite-given">
              <span className="aa-src-cite-label">As given: </span>
              <span className="aa-src-verbatim">{c.asGiven}</span>
            </span>
          )}
          {c.page && <span className="aa-src-cite-field">Page: {c.page}</span>}
          {c.fields &&
            Object.entries(c.fields).map(([k, v]) => (
              <span key={k} className="aa-src-cite-field">
                {k}: {v}
              </span>
            ))}
        </Fact>
      )}
      {source.quotes && source.quotes.length > 0 && (
        <Fact term="Quotes">
          <span className="aa-src-quotes-list">
            {source.quotes.map((id) =>
              Object.hasOwn(sources, id) ? (
                <button key={id} type="button" className="aa-src-link" onClick={() => onOpen(id)}>
                  {sources[id]!.title || id}
                </button>
              ) : (
                <span key={id}>{id} (not in this map)</span>
              ),
            )}
          </span>
        </Fact>
      )}
      {t && (
        <Fact term="Text">
          {TRANSCRIPTION_METHOD_LABELS[t.method]}
          {t.file ? ` (${t.file})` : ''}
          {needsChecking(source) && (
            <span className={t.checked ? 'aa-src-checked' : 'aa-src-unchecked'}>{t.checked ? ' · checked against the original' : ' · not yet checked against the original'}</span>
          )}
        </Fact>
      )}
    </dl>
  );
}

interface Refusal {
  message: string;
  nodes: Id[];
}

export function SourceMeta({ source, sources, quoted, onOpen }: { source: Source; sources: Record<Id, Source>; quoted: readonly { q: QuotedNode; name: string }[]; onOpen(id: Id): void }) {
  const uid = useId();
  const details = useSourcesPane((s) => s.details);
  const cite = useSourcesPane((s) => s.cite);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) refusalRef.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal]);
  const title = source.title || source.id;

  const onDelete = () => {
    const map = getMap();
    const nodes = quotingNodes(map, source.id);
    const refused = attempt(deleteSource(source.id));
    if (refused) {
      setRefusal({ message: refused, nodes });
      return;
    }
    notify({ kind: 'info', title: `Deleted the source “${title}”`, lines: ['Undo (Ctrl+Z) brings it back.'] });
  };

  return (
    <header className="aa-src-meta">
      <h2 className="aa-src-title">{title}</h2>
      <Facts source={source} sources={sources} onOpen={onOpen} />
      <div className="aa-src-actions" role="group" aria-label={`What to do with ${title}`}>
        <button type="button" className="aa-src-button" aria-expanded={details} aria-controls={`${uid}-details`} onClick={() => togglePanel('details')}>
          Edit details
        </button>
        <button type="button" className="aa-src-button" aria-expanded={cite} aria-controls={`${uid}-cite`} onClick={() => togglePanel('cite')}>
          Cite
        </button>
        {source.text !== '' && (
          <button type="button" className="aa-src-button" onClick={() => openReplaceText(source.id)}>
            Replace text…
          </button>
        )}
        <button type="button" className="aa-src-button aa-src-danger" onClick={onDelete}>
          Delete source
        </button>
      </div>
      {refusal && (
        <div ref={refusalRef} className="aa-src-refusal" role="alert">
          <p>{refusal.message}</p>
          <div className="aa-src-refusal-buttons">
            {refusal.nodes.length > 0 && (
              <button type="button" className="aa-src-button" onClick={() => select({ nodes: refusal.nodes, relations: [] })}>
                Select {refusal.nodes.length === 1 ? 'it' : `them (${refusal.nodes.length})`}
              </button>
            )}
            <button type="button" className="aa-src-button" onClick={() => setRefusal(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      <Suspense fallback={<p className="aa-muted">Loading…</p>}>
        <div id={`${uid}-cite`} hidden={!cite}>
          {cite && <Citations source={source} quoted={quoted} />}
        </div>
        <div id={`${uid}-details`} hidden={!details}>
          {details && <SourceDetailsForm source={source} sources={sources} />}
        </div>
      </Suspense>
    </header>
  );
}
