// The sources pane: one tab per source with its metadata and full text, every node's quote
// highlighted, the current node's quote scrolled to and emphasised, quotation audit
// results marked in secondary sources, and "Make evidence" from a selected passage. Sources
// are added (pasted, from a file, imported from a bibliography) and exported from its head.
//
// It subscribes to `sources` and to the nodes' quotes only (derived from the `nodes` record
// identity): dragging nodes changes `view` and never re-renders it.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ArgNode, Id, Source } from '../../arguments/model';
import { auditEvidence, auditSourceQuotations, type AuditFinding } from '../../arguments/analysis/audit';
import { makeEvidence } from '../commands';
import { checkQuote } from '../canvas/quoteStatus';
import { select, useMap } from '../store/store';
import { asNode, sourcesOnly, useAfterFirstFrames, useCurrentNodeId, useQuotedNodes, useSelectedPassage, type QuotedNode } from './paneHooks';
import { useSourcesPane } from './paneState';
import { useFind, useFoundIn } from '../find/findState';
import { nodeName, shorten, statusSummary } from './present';
import { NoSources, PaneTools } from './PaneTools';
import { QuotationDetails } from './QuotationDetails';
import { openReplaceText } from './replaceState';
import type { TextRange } from './segments';
import { SourceMeta } from './SourceMeta';
import { SourceText, type NodeRange, type QuotationRange } from './SourceText';
import './sources.css';

export function SourcesPane() {
  const sources = useMap((m) => m.sources);
  const quoted = useQuotedNodes();
  const current = useCurrentNodeId();
  const list = useMemo(() => Object.values(sources), [sources]);
  // Re-audited only when a source changes, never on node edits.
  const [quotations, setQuotations] = useState<AuditFinding[]>([]);

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

  // A source shown from outside (just added or imported) becomes the open tab.
  const request = useSourcesPane((s) => s.request);
  const [seenRequest, setSeenRequest] = useState(request);
  if (request !== seenRequest) {
    setSeenRequest(request);
    if (request) {
      setChosen(request.id);
      setOpenQuotation(null);
    }
  }

  // A passage gone to by Find: its source's tab, the passage shown as current.
  const foundPassage = useFind((s) => s.passage);
  const [seenPassage, setSeenPassage] = useState<typeof foundPassage>(null);
  if (foundPassage !== seenPassage) {
    setSeenPassage(foundPassage);
    if (foundPassage) {
      setChosen(foundPassage.source);
      setOpenQuotation(null);
      setReveal({ ...foundPassage });
    } else if (seenPassage && reveal?.source === seenPassage.source && reveal.start === seenPassage.start) setReveal(null);
  }

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

  // The quotation audit word-aligns a secondary source's quotations against whole primary sources
  // (hundreds of ms for a long one). Only the open source's marks are shown, so only it is
  // audited, against the sources it declares it quotes, after the first paint.
  const audited = useMemo(() => {
    if (!active || (active.quotes ?? []).length === 0) return null;
    const needed: Record<Id, Source> = { [active.id]: active };
    for (const id of active.quotes ?? []) if (Object.hasOwn(sources, id)) needed[id] = sources[id]!;
    return sourcesOnly(needed);
  }, [active, sources]);
  useEffect(() => {
    if (!audited) {
      setQuotations([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      if (!cancelled) setQuotations(auditSourceQuotations(audited));
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [audited]);

  const openSource = useCallback((id: Id) => {
    setChosen(id);
    setOpenQuotation(null);
    setReveal(null);
  }, []);

  // The text and its quotes wait for the map's first frames (at start only): see useAfterFirstFrames.
  const textReady = useAfterFirstFrames();

  // This source's quotes: found ones are highlighted, missing ones listed.
  const { nodeRanges, missing, quotedHere } = useMemo(() => {
    const here = textReady ? quoted.filter((q) => q.quote.source === activeId) : [];
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
  }, [quoted, activeId, sources, textReady]);

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
  const found = useFoundIn(active);

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
  }, [currentKey, textReady]); // eslint-disable-line react-hooks/exhaustive-deps

  useLayoutEffect(() => {
    if (reveal) textRef.current?.querySelector<HTMLElement>('.aa-src-reveal')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [reveal, textReady]);

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
        <PaneTools hasSources={false} />
        <NoSources />
      </aside>
    );
  }

  const activeIndex = list.indexOf(active);
  const openFinding = openQuotation !== null ? findings[openQuotation] : undefined;
  const checkedAgainst = (active.quotes ?? []).filter((id) => Object.hasOwn(sources, id)).map((id) => sources[id]!.title || id);

  return (
    <aside className="aa-sources aa-src-pane" aria-label="Sources">
      <PaneTools hasSources />
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
          <SourceMeta key={`meta:${active.id}`} source={active} sources={sources} quoted={quotedHere} onOpen={openSource} />

          {active.text === '' && (
            <section className="aa-src-notext" aria-label="No text yet">
              <p>
                <strong>This source has no text yet.</strong> Its record was imported without one. Add the text (paste it, or bring the document) to quote it.
              </p>
              <button type="button" className="aa-src-button aa-src-make" onClick={() => openReplaceText(active.id)}>
                Add text…
              </button>
            </section>
          )}

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

          {textReady ? (
          <SourceText
            key={active.id}
            source={active}
            nodeRanges={nodeRanges}
            quotations={quotationRanges}
            reveal={revealHere}
            found={found}
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
          ) : (
            <p className="aa-src-wait" aria-busy="true">
              The text follows once the map is drawn…
            </p>
          )}
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
