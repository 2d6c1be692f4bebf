// A node's quote in the inspector: the passage, the short citation of its source (with the
// page or folio), whether the source still has it, and buttons to show it in the sources
// pane, change it or remove it (one undo step each). A node without a quote gets the form
// to attach one: open for evidence, on request for the other kinds.
//
// It subscribes to the map's sources only (with the node, whose object does not change
// while nodes are dragged): drag frames do not re-render it.
import { useLayoutEffect, useRef, useState } from 'react';
import type { ArgNode, Quote } from '../../../arguments/model';
import { anchorQuote } from '../../../arguments/operations';
import { checkQuote } from '../../canvas/quoteStatus';
import { getMap, run, useMap, useReadOnly } from '../../store/store';
import { keepsKey, QUOTE_OFFER, quoteAttribution, sourceOf } from './attach';
import { AttachQuoteForm } from './AttachQuoteForm';
import { showQuoteInSources } from './sourcesPane';
import './inspector.css';

const STATUS = {
  verbatim: '✓ Found word for word in the source.',
  normalized: '≈ Found in the source apart from spacing or quotation marks.',
  'not-found': '⚠ Not found in the source: the quote differs from the text.',
} as const;

type FocusTarget = 'region' | 'opener' | null;

export function QuoteSection({ node }: { node: ArgNode }) {
  const sources = useMap((m) => m.sources);
  const quote = node.quote;
  const [form, setForm] = useState(false);
  const locked = useReadOnly();
  // What the last change said, shown while the node's quote is the one it made (not after undo).
  const [said, setSaid] = useState<{ text: string; quote: Quote | undefined } | null>(null);
  const [focusNext, setFocusNext] = useState<FocusTarget>(null);
  const regionRef = useRef<HTMLElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    if (!focusNext) return;
    setFocusNext(null);
    (focusNext === 'opener' ? openerRef.current : regionRef.current)?.focus();
  }, [focusNext]);

  const tell = (text: string): void => setSaid({ text, quote: Object.hasOwn(getMap().nodes, node.id) ? getMap().nodes[node.id]!.quote : undefined });
  const message = said && said.quote === quote ? said.text : '';

  const onAttached = (text: string): void => {
    setForm(false);
    tell(text);
    setFocusNext('region');
  };
  const cancel = (): void => {
    setForm(false);
    setFocusNext('opener');
  };
  const remove = (): void => {
    if (!run(anchorQuote(node.id, undefined))) return;
    setForm(false);
    tell('Quote removed. Undo (Ctrl+Z) brings it back.');
    setFocusNext('region');
  };

  const source = quote ? sourceOf(sources, quote.source) : undefined;
  const attribution = quote ? quoteAttribution(sources, quote) : null;
  const check = checkQuote(sources, node);
  const formOpen = !locked && (form || (!quote && QUOTE_OFFER[node.kind] === 'open'));

  return (
    <section
      ref={regionRef}
      tabIndex={-1}
      className="aa-inspector-quote"
      aria-label="Quote"
      onKeyDown={(e) => {
        if (keepsKey(e)) e.stopPropagation();
      }}
    >
      {quote && (
        <>
          <h3>Quote</h3>
          <figure className="aa-insp-quote">
            <blockquote>“{quote.exact}”</blockquote>
            <figcaption className="aa-insp-attribution">{attribution ?? `The quoted source “${quote.source}” is not in this map.`}</figcaption>
          </figure>
          {check && <p className={`aa-audit aa-audit-${check.status}`}>{STATUS[check.status]}</p>}
        </>
      )}
      <p role="status" className="aa-attach-said">
        {message}
      </p>
      {quote && !form && (
        <div className="aa-insp-quote-buttons">
          {source && (
            <button type="button" onClick={() => void showQuoteInSources(node.id, source.id)}>
              Show in the sources pane
            </button>
          )}
          {!locked && (
            <>
              <button type="button" ref={openerRef} onClick={() => setForm(true)}>
                Change quote…
              </button>
              <button type="button" className="aa-insp-remove" onClick={remove}>
                Remove quote
              </button>
            </>
          )}
        </div>
      )}
      {!quote && !formOpen && !locked && (
        <button type="button" ref={openerRef} className="aa-attach-offer" onClick={() => setForm(true)}>
          Attach a quote…
        </button>
      )}
      {formOpen && (
        <AttachQuoteForm
          node={node}
          sources={sources}
          mode={quote ? 'change' : 'attach'}
          onAttached={onAttached}
          {...(form ? { onCancel: cancel } : {})}
        />
      )}
    </section>
  );
}
