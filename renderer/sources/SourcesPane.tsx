// The sources pane: one tab per source with its metadata and full text, every node's quote
// highlighted, the current node's quote scrolled to and emphasised, quotation audit
// results marked in secondary sources, and "Make evidence" from a selected passage.
//
// It subscribes to `sources` and to the nodes' quotes only (derived from the `nodes` record
// identity): dragging nodes changes `view` and never re-renders it.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ArgumentMap, ArgNode, Id, NodeKind, Quote, Source } from '../../arguments/model';
import { auditEvidence, auditSourceQuotations, type AuditFinding } from '../../arguments/analysis/audit';
import { formatCitation } from '../../arguments/citation';
import { makeEvidence } from '../commands';
import { checkQuote } from '../canvas/quoteStatus';
import { select, useEditor, useMap } from '../store/store';
import { diffRuns, formatSourceDate, nodeName, ROLE_LABELS, shorten, STATUS_LABEL, STATUS_SYMBOL, statusSummary } from './present';
import { domContainment, rangeToOffsets, type DomLike } from './selectionOffsets';
import type { TextRange } from './segments';
import { SourceText, type NodeRange, type QuotationRange } from './SourceText';
import './sources.css';

interface QuotedNode {
  nodeId: Id;
  kind: NodeKind;
  title: string | undefined;
  quote: Quote;
}

const sameQuoted = (a: readonly QuotedNode[], b: readonly QuotedNode[]): boolean =>
  a.length === b.length && a.every((x, i) => {
    const y = b[i] as QuotedNode;
    return x.nodeId === y.nodeId && x.quote === y.quote && x.kind === y.kind && x.title === y.title;
  });

/** The nodes that quote something, kept identical while no quote, kind or title changes (editing a node's text re-derives nothing). */
function useQuotedNodes(): readonly QuotedNode[] {
  const nodes = useMap((m) => m.nodes);
  const last = useRef<readonly QuotedNode[]>([]);
  return useMemo(() => {
    const next: QuotedNode[] = [];
    for (const n of Object.values(nodes)) if (n.quote) next.push({ nodeId: n.id, kind: n.kind, title: n.title, quote: n.quote });
    if (!sameQuoted(last.current, next)) last.current = next;
    return last.current;
  }, [nodes]);
}

/** A map holding only the sources: what the audits and quote checks read. */
function sourcesOnly(sources: Record<Id, Source>, nodes: Record<Id, ArgNode> = {}): ArgumentMap {
  return { meta: { title: '', authors: [], created: '', modified: '' }, sources, nodes, relations: {}, view: { positions: {}, collapsed: [] } };
}

const asNode = (q: QuotedNode): ArgNode => ({ id: q.nodeId, kind: q.kind, text: '', quote: q.quote, ...(q.title !== undefined ? { title: q.title } : {}) });

/** The selected node if it is the only one and quotes something, else the store's focusQuote. */
function useCurrentNodeId(): Id | null {
  return useEditor((s) => {
    const only = s.selection.nodes.length === 1 ? s.selection.nodes[0] : undefined;
    return only && s.history.present.nodes[only]?.quote ? only : s.focusQuote;
  });
}

interface SelectedPassage {
  source: Id;
  start: number;
  end: number;
}

/** The passage of `source` selected in the text container, as source offsets; null when none. */
function useSelectedPassage(textRef: RefObject<HTMLDivElement | null>, source: Source | undefined): SelectedPassage | null {
  const [passage, setPassage] = useState<SelectedPassage | null>(null);
  useLayoutEffect(() => {
    if (!source) return;
    const update = (): void => {
      const el = textRef.current;
      const sel = document.getSelection();
      let next: SelectedPassage | null = null;
      if (el && sel && sel.rangeCount > 0 && !sel.isCollapsed) {
        const range = sel.getRangeAt(0);
        if (range.intersectsNode(el)) {
          const r = rangeToOffsets(el as unknown as DomLike, range as unknown as Parameters<typeof rangeToOffsets>[1], source.text.length, domContainment<Node>(el));
          if (r) next = { source: source.id, ...r };
        }
      }
      setPassage((prev) => (prev && next && prev.source === next.source && prev.start === next.start && prev.end === next.end ? prev : next));
    };
    update();
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [source, textRef]);
  return passage && source && passage.source === source.id ? passage : null;
}

function SourceMeta({ source, sources, onOpen }: { source: Source; sources: Record<Id, Source>; onOpen(id: Id): void }) {
  const c = source.citation;
  return (
    <header className="aa-src-meta">
      <h2 className="aa-src-title">{source.title || source.id}</h2>
      <dl className="aa-src-facts">
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[source.role] ?? source.role}</dd>
        </div>
        {source.date && (
          <div>
            <dt>Date</dt>
            <dd>
              <time dateTime={source.date}>{formatSourceDate(source.date)}</time>
            </dd>
          </div>
        )}
        {source.author && (
          <div>
            <dt>Author</dt>
            <dd>{source.author}</dd>
          </div>
        )}
        {c && (
          <div>
            <dt>Citation</dt>
            <dd>
              <span className="aa-src-cite">{formatCitation(c)}</span>
              {c.archiveName && <span className="aa-src-cite-archive">{c.archiveName}</span>}
              <span className="aa-src-cite-given">
                <span className="aa-src-cite-label">As given: </span>
                <span className="aa-src-verbatim">{c.asGiven}</span>
              </span>
              {c.fields &&
                Object.entries(c.fields).map(([k, v]) => (
                  <span key={k} className="aa-src-cite-field">
                    {k}: {v}
                  </span>
                ))}
            </dd>
          </div>
        )}
        {source.quotes && source.quotes.length > 0 && (
          <div>
            <dt>Quotes</dt>
            <dd className="aa-src-quotes-list">
              {source.quotes.map((id) =>
                sources[id] ? (
                  <button key={id} type="button" className="aa-src-link" onClick={() => onOpen(id)}>
                    {sources[id]!.title || id}
                  </button>
                ) : (
                  <span key={id}>{id} (not in this map)</span>
                ),
              )}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}

function QuotationDetails({ id, finding, primary, onShow, onClose }: { id: string; finding: AuditFinding; primary: Source | undefined; onShow(): void; onClose(): void }) {
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

export function SourcesPane() {
  const sources = useMap((m) => m.sources);
  const quoted = useQuotedNodes();
  const current = useCurrentNodeId();
  const list = useMemo(() => Object.values(sources), [sources]);
  const sourceMap = useMemo(() => sourcesOnly(sources), [sources]);
  // Re-audited only when a source changes, never on node edits.
  // The quotation audit word-aligns against whole sources (hundreds of ms for a long one):
  // it runs after the first paint, so opening a map is not held up by it.
  const [quotations, setQuotations] = useState<AuditFinding[]>([]);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      if (!cancelled) setQuotations(auditSourceQuotations(sourceMap));
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [sourceMap]);

  const uid = useId();
  const panelId = `${uid}-panel`;
  const hintId = `${uid}-hint`;
  const detailsId = `${uid}-details`;
  const tabId = (i: number): string => `${uid}-tab-${i}`;

  const [chosen, setChosen] = useState<Id | null>(null);
  const [reveal, setReveal] = useState<(TextRange & { source: Id }) | null>(null);
  const [openQuotation, setOpenQuotation] = useState<number | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  /** A node selected by clicking its highlight is already in view: do not scroll. */
  const noScrollFor = useRef<Id | null>(null);

  // The current node's source becomes the open tab (derived state, set during render so the
  // first commit already shows the right text).
  const currentSource = current ? quoted.find((q) => q.nodeId === current)?.quote.source : undefined;
  const currentKey = current && currentSource ? `${current}\u0000${currentSource}` : null;
  const [seenKey, setSeenKey] = useState<string | null>(null);
  if (currentKey !== seenKey) {
    setSeenKey(currentKey);
    if (currentSource && Object.hasOwn(sources, currentSource) && currentSource !== chosen) {
      setChosen(currentSource);
      setOpenQuotation(null);
    }
  }

  const active: Source | undefined = (chosen && Object.hasOwn(sources, chosen) ? sources[chosen] : undefined) ?? list[0];
  const activeId = active?.id;

  const openSource = useCallback((id: Id) => {
    setChosen(id);
    setOpenQuotation(null);
    setReveal(null);
  }, []);

  // This source's quotes: found ones are highlighted, missing ones listed.
  const { nodeRanges, missing, quotedHere } = useMemo(() => {
    const here = quoted.filter((q) => q.quote.source === activeId);
    const ranges: NodeRange[] = [];
    const lost: QuotedNode[] = [];
    const rows: { q: QuotedNode; name: string; start: number | null }[] = [];
    for (const q of here) {
      const check = checkQuote(sources, asNode(q));
      const name = nodeName({ id: q.nodeId, kind: q.kind, title: q.title });
      if (check && check.status !== 'not-found' && check.start !== undefined && check.end !== undefined) {
        ranges.push({ kind: 'node', start: check.start, end: check.end, nodeId: q.nodeId, name });
        rows.push({ q, name, start: check.start });
      } else {
        lost.push(q);
        rows.push({ q, name, start: null });
      }
    }
    rows.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
    return { nodeRanges: ranges, missing: lost, quotedHere: rows };
  }, [quoted, activeId, sources]);

  // Why each missing quote is missing (the closest passage, if any): audited for those nodes only.
  const missingFindings = useMemo(() => {
    if (missing.length === 0) return [];
    const nodes: Record<Id, ArgNode> = {};
    for (const q of missing) nodes[q.nodeId] = asNode(q);
    return auditEvidence(sourcesOnly(sources, nodes));
  }, [missing, sources]);

  const findings = useMemo(() => quotations.filter((f) => f.quotedIn?.source === activeId), [quotations, activeId]);
  const quotationRanges = useMemo<QuotationRange[]>(
    () => findings.map((f, index) => ({ kind: 'quotation', index, status: f.status, start: f.quotedIn!.start, end: f.quotedIn!.end })),
    [findings],
  );
  const revealHere = useMemo(() => (reveal && reveal.source === activeId ? { start: reveal.start, end: reveal.end } : null), [reveal, activeId]);

  const passage = useSelectedPassage(textRef, active);

  const onSelectNodes = useCallback((ids: Id[]) => {
    noScrollFor.current = ids.length === 1 ? (ids[0] as Id) : null;
    select({ nodes: ids, relations: [] });
  }, []);
  const selectNode = (id: Id): void => {
    noScrollFor.current = null;
    select({ nodes: [id], relations: [] });
  };
  /** Focus returned to a status label after closing its check must not reopen it. */
  const quietFocus = useRef<number | null>(null);
  const onOpenQuotation = useCallback((index: number, via: 'click' | 'focus') => {
    const quiet = quietFocus.current;
    quietFocus.current = null;
    if (via === 'focus' && quiet === index) return;
    setOpenQuotation(index);
  }, []);
  const closeQuotation = (): void => {
    const index = openQuotation;
    setOpenQuotation(null);
    const label = index === null ? null : textRef.current?.querySelector<HTMLElement>(`[data-quotation-label="${index}"]`);
    if (label) {
      quietFocus.current = index;
      label.focus();
    }
  };

  const passageRef = useRef(passage);
  passageRef.current = passage;
  const onMakeEvidence = useCallback(() => {
    const p = passageRef.current;
    if (!p) return;
    const id = makeEvidence(p.source, p.start, p.end);
    if (id) {
      // The new quote is where the user just selected it: no need to scroll.
      noScrollFor.current = id;
      document.getSelection()?.removeAllRanges();
    }
  }, []);

  // Scroll the current quote into view when the current node changes (not when it was clicked here).
  useLayoutEffect(() => {
    if (!current) return;
    if (noScrollFor.current === current) {
      noScrollFor.current = null;
      return;
    }
    noScrollFor.current = null;
    const el =
      textRef.current?.querySelector<HTMLElement>('[aria-current="true"]') ?? scrollRef.current?.querySelector<HTMLElement>('.aa-src-problem[aria-current="true"]');
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [currentKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useLayoutEffect(() => {
    if (reveal) textRef.current?.querySelector<HTMLElement>('.aa-src-reveal')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [reveal]);

  const onTabKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = list.findIndex((s) => s.id === activeId);
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % list.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    openSource((list[next] as Source).id);
    tabRefs.current[next]?.focus();
  };

  if (!active) {
    return (
      <aside className="aa-sources aa-src-pane" aria-label="Sources">
        <p className="aa-src-empty">This map has no sources.</p>
      </aside>
    );
  }

  const activeIndex = list.indexOf(active);
  const openFinding = openQuotation !== null ? findings[openQuotation] : undefined;
  const checkedAgainst = (active.quotes ?? []).filter((id) => Object.hasOwn(sources, id)).map((id) => sources[id]!.title || id);

  return (
    <aside className="aa-sources aa-src-pane" aria-label="Sources">
      <div role="tablist" aria-label="Sources" className="aa-src-tabs" onKeyDown={onTabKeyDown}>
        {list.map((s, i) => (
          <button
            key={s.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(i)}
            className="aa-src-tab"
            aria-selected={s === active}
            aria-controls={s === active ? panelId : undefined}
            tabIndex={s === active ? 0 : -1}
            title={s.title}
            onClick={() => openSource(s.id)}
          >
            <span className="aa-src-tab-role" aria-hidden="true">
              {s.role === 'primary' ? 'P' : 'S'}
            </span>
            <span className="aa-src-tab-title">{s.title || s.id}</span>
          </button>
        ))}
      </div>

      <div role="tabpanel" id={panelId} aria-labelledby={tabId(activeIndex)} className="aa-src-panel">
        <div className="aa-src-toolbar">
          <button
            type="button"
            className="aa-src-button aa-src-make"
            disabled={!passage}
            aria-keyshortcuts="Control+Enter"
            aria-describedby={hintId}
            onMouseDown={(e) => e.preventDefault()}
            onClick={onMakeEvidence}
          >
            Make evidence
          </button>
          <span className="aa-src-selection" data-testid="source-selection">
            {passage ? (
              <>
                Selected {passage.end - passage.start} characters: <q>{shorten(active.text.slice(passage.start, passage.end), 60)}</q>
              </>
            ) : (
              'No passage selected'
            )}
          </span>
        </div>

        <div className="aa-src-scroll" ref={scrollRef}>
          <SourceMeta source={active} sources={sources} onOpen={openSource} />

          {missing.length > 0 && (
            <section className="aa-src-problems" aria-label="Quotes not found">
              <ul>
                {missing.map((q) => {
                  const finding = missingFindings.find((f) => f.node === q.nodeId);
                  return (
                    <li key={q.nodeId} className="aa-src-problem" data-node-id={q.nodeId} aria-current={q.nodeId === current ? 'true' : undefined}>
                      <span aria-hidden="true" className="aa-src-problem-icon">
                        ⚠
                      </span>{' '}
                      <strong>Quote not found</strong>:{' '}
                      <button type="button" className="aa-src-link" onClick={() => selectNode(q.nodeId)}>
                        {nodeName({ id: q.nodeId, kind: q.kind, title: q.title })}
                      </button>{' '}
                      quotes <q>{shorten(q.quote.exact, 120)}</q>
                      {finding && <p className="aa-src-problem-message">{finding.message}</p>}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          {findings.length > 0 && (
            <p className="aa-src-audit">
              Quotations checked against {checkedAgainst.join(', ') || 'its declared sources'}: {statusSummary(findings.map((f) => f.status))}. Each is marked in the text; click or focus
              its label for the check.
            </p>
          )}

          {quotedHere.length > 0 && (
            <details className="aa-src-quoted">
              <summary>
                Quoted by {quotedHere.length} {quotedHere.length === 1 ? 'node' : 'nodes'}
              </summary>
              <ul>
                {quotedHere.map(({ q, name, start }) => (
                  <li key={q.nodeId} className={q.nodeId === current ? 'aa-src-quoted-current' : undefined}>
                    <button type="button" className="aa-src-link" onClick={() => selectNode(q.nodeId)}>
                      {name}
                    </button>{' '}
                    {start === null && <span className="aa-src-tag">⚠ not found</span>} <q>{shorten(q.quote.exact, 80)}</q>
                  </li>
                ))}
              </ul>
            </details>
          )}

          <p id={hintId} className="aa-src-hint">
            Select a passage with the mouse, or in the text with Shift and the arrow keys, then press Make evidence (or Ctrl+Enter). Enter selects the node quoting the passage at the caret.
          </p>

          <SourceText
            key={active.id}
            source={active}
            nodeRanges={nodeRanges}
            quotations={quotationRanges}
            reveal={revealHere}
            currentNodeId={current}
            openQuotation={openQuotation}
            detailsId={detailsId}
            describedBy={hintId}
            textRef={textRef}
            scrollRef={scrollRef}
            onSelectNodes={onSelectNodes}
            onOpenQuotation={onOpenQuotation}
            onMakeEvidence={onMakeEvidence}
          />
        </div>

        {openFinding && (
          <QuotationDetails
            id={detailsId}
            finding={openFinding}
            primary={Object.hasOwn(sources, openFinding.source) ? sources[openFinding.source] : undefined}
            onClose={closeQuotation}
            onShow={() => {
              const p = openFinding.passage;
              if (!p) return;
              setChosen(openFinding.source);
              setOpenQuotation(null);
              setReveal({ source: openFinding.source, start: p.start, end: p.end });
            }}
          />
        )}
      </div>
    </aside>
  );
}
