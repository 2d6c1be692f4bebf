// The text of one source with its highlights: node quotes (<mark data-node-ids>),
// audited quotations (status label + details on click/focus), a revealed passage, and the
// current quote wrapped in one element with aria-current="true". The text is React text
// nodes only, cut into segments (segments.ts) that carry data-start, so DOM selections map
// back to exact source offsets (selectionOffsets.ts).
//
// The region is focusable: arrow keys move a caret (drawn by <TextCaret>, since the text is
// not editable), Shift+arrows select, Ctrl+A selects the whole text, Enter selects the
// nodes quoting the passage at the caret, Ctrl+Enter makes evidence of the selection.
import { Fragment, memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { Id, Source } from '../../arguments/model';
import type { QuoteStatus } from '../../arguments/analysis/audit';
import { partitionByRange, segmentText, type Segment, type TextRange } from './segments';
import { boundaryToOffset, offsetToBoundary, type DomLike } from './selectionOffsets';
import { STATUS_LABEL, STATUS_SYMBOL } from './present';

export interface NodeRange extends TextRange {
  kind: 'node';
  nodeId: Id;
  /** How the pane names the node (tooltip). */
  name: string;
}

export interface QuotationRange extends TextRange {
  kind: 'quotation';
  /** Index into the pane's list of this source's audited quotations. */
  index: number;
  status: QuoteStatus;
}

interface RevealRange extends TextRange {
  kind: 'reveal';
}

/** A match of Find (Ctrl+F). */
interface FoundRange extends TextRange {
  kind: 'found';
}

type Mark = NodeRange | QuotationRange | RevealRange | FoundRange;

export interface SourceTextProps {
  source: Source;
  nodeRanges: readonly NodeRange[];
  quotations: readonly QuotationRange[];
  /** A passage to show (e.g. the one a quotation was checked against). */
  reveal: TextRange | null;
  /** Find's matches in this text. */
  found?: readonly TextRange[];
  currentNodeId: Id | null;
  /** The quotation whose details are open. */
  openQuotation: number | null;
  detailsId: string;
  describedBy: string;
  textRef: RefObject<HTMLDivElement | null>;
  /** The scrolling element around the text. */
  scrollRef: RefObject<HTMLDivElement | null>;
  onSelectNodes(ids: Id[]): void;
  onOpenQuotation(index: number, via: 'click' | 'focus'): void;
  onMakeEvidence(): void;
}

const asDom = (n: Node): DomLike => n as unknown as DomLike;

function selectionInside(el: HTMLElement, sel: Selection): boolean {
  return sel.rangeCount > 0 && !!sel.anchorNode && !!sel.focusNode && el.contains(sel.anchorNode) && el.contains(sel.focusNode);
}

/** The source offset under a viewport point, if the browser can tell. */
function offsetAtPoint(el: HTMLElement, x: number, y: number, length: number): number | null {
  const doc = el.ownerDocument as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  let node: Node | null = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    if (p) ({ offsetNode: node, offset } = p);
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) ({ startContainer: node, startOffset: offset } = r);
  }
  return node && el.contains(node) ? boundaryToOffset(asDom(el), asDom(node), offset, length) : null;
}

interface Move {
  to?: 'start' | 'end';
  direction?: 'forward' | 'backward';
  granularity?: 'character' | 'word' | 'line' | 'lineboundary';
}

function keyMove(e: KeyboardEvent): Move | null {
  const word = e.ctrlKey || e.altKey;
  switch (e.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: e.metaKey ? 'lineboundary' : word ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'forward', granularity: e.metaKey ? 'lineboundary' : word ? 'word' : 'character' };
    case 'ArrowUp':
      return e.metaKey ? { to: 'start' } : { direction: 'backward', granularity: 'line' };
    case 'ArrowDown':
      return e.metaKey ? { to: 'end' } : { direction: 'forward', granularity: 'line' };
    case 'Home':
      return e.ctrlKey || e.metaKey ? { to: 'start' } : { direction: 'backward', granularity: 'lineboundary' };
    case 'End':
      return e.ctrlKey || e.metaKey ? { to: 'end' } : { direction: 'forward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/** Keys the text region handles itself or that must not reach the map's shortcuts (delete, copy, select all). */
const KEPT_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Delete', 'Backspace', 'PageUp', 'PageDown']);

/** Scrolls `scroller` so the selection's focus point is visible. */
function revealFocus(sel: Selection, scroller: HTMLElement | null): void {
  if (!scroller || !sel.focusNode) return;
  const r = document.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  r.collapse(true);
  const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
  if (!rect || (rect.top === 0 && rect.bottom === 0)) return;
  const box = scroller.getBoundingClientRect();
  const margin = 24;
  if (rect.top < box.top + margin) scroller.scrollTop -= box.top + margin - rect.top;
  else if (rect.bottom > box.bottom - margin) scroller.scrollTop += rect.bottom - (box.bottom - margin);
}

/** A caret for the non-editable text, shown while the region has focus and nothing is selected. */
function TextCaret({ textRef }: { textRef: RefObject<HTMLDivElement | null> }) {
  const [pos, setPos] = useState<{ left: number; top: number; height: number } | null>(null);
  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const update = (): void => {
      const sel = document.getSelection();
      if (!sel || document.activeElement !== el || !sel.isCollapsed || !selectionInside(el, sel)) {
        setPos(null);
        return;
      }
      const range = sel.getRangeAt(0);
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      if (!rect || (rect.top === 0 && rect.bottom === 0 && rect.left === 0)) {
        setPos(null);
        return;
      }
      const box = el.getBoundingClientRect();
      setPos({ left: Math.round(rect.left - box.left - el.clientLeft), top: Math.round(rect.top - box.top - el.clientTop), height: Math.round(rect.height) || 20 });
    };
    document.addEventListener('selectionchange', update);
    el.addEventListener('focus', update);
    el.addEventListener('blur', update);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      el.removeEventListener('focus', update);
      el.removeEventListener('blur', update);
      window.removeEventListener('resize', update);
    };
  }, [textRef]);
  return pos ? <span className="aa-src-caret" aria-hidden="true" style={{ left: pos.left, top: pos.top, height: pos.height }} /> : null;
}

export const SourceText = memo(function SourceText(props: SourceTextProps) {
  const { source, nodeRanges, quotations, reveal, found, currentNodeId, openQuotation, detailsId, describedBy, textRef, scrollRef, onSelectNodes, onOpenQuotation, onMakeEvidence } = props;
  const text = source.text;
  const length = text.length;
  const pointerFocus = useRef(false);

  const current = useMemo(() => nodeRanges.find((r) => r.nodeId === currentNodeId) ?? null, [nodeRanges, currentNodeId]);

  // Selecting a node from the text re-wraps the current quote, which replaces the DOM
  // nodes the caret was in: put the caret back where it was.
  const restoreCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const offset = restoreCaret.current;
    restoreCaret.current = null;
    const el = textRef.current;
    const sel = document.getSelection();
    if (offset === null || !el || !sel || document.activeElement !== el) return;
    if (sel.isCollapsed || !selectionInside(el, sel)) placeCaret(el, sel, offset);
  }, [current]); // eslint-disable-line react-hooks/exhaustive-deps

  const caretOffset = (el: HTMLDivElement): number | null => {
    const sel = document.getSelection();
    return sel && sel.focusNode && selectionInside(el, sel) ? boundaryToOffset(asDom(el), asDom(sel.focusNode), sel.focusOffset, length) : null;
  };

  const segments = useMemo(() => {
    const marks: Mark[] = [...nodeRanges, ...quotations];
    if (reveal) marks.push({ kind: 'reveal', start: reveal.start, end: reveal.end });
    for (const f of found ?? []) marks.push({ kind: 'found', start: f.start, end: f.end });
    return segmentText<Mark>(text, marks);
  }, [text, nodeRanges, quotations, reveal, found]);

  // Status labels go where their quotation starts.
  const labelsAt = useMemo(() => {
    const m = new Map<number, QuotationRange[]>();
    for (const q of quotations) m.set(q.start, [...(m.get(q.start) ?? []), q]);
    return m;
  }, [quotations]);

  /** Selects nodes from the text; when that changes the current quote, the caret is restored after the re-render. */
  const selectFromText = (ids: Id[], caret: number | null): void => {
    restoreCaret.current = ids.length === 1 && ids[0] !== currentNodeId ? caret : null;
    onSelectNodes(ids);
  };

  const nodesAt = (offset: number): Id[] => nodeRanges.filter((r) => r.start <= offset && offset < r.end).map((r) => r.nodeId);

  function initialCaret(el: HTMLDivElement): number {
    if (current) return current.start;
    const box = el.getBoundingClientRect();
    const view = scrollRef.current?.getBoundingClientRect();
    const top = Math.max(box.top, view?.top ?? box.top);
    const style = getComputedStyle(el);
    const x = box.left + el.clientLeft + (parseFloat(style.paddingLeft) || 0) + 2;
    const y = top + (parseFloat(style.paddingTop) || 0) + (parseFloat(style.lineHeight) || 20) / 2;
    return offsetAtPoint(el, x, y, length) ?? 0;
  }

  function placeCaret(el: HTMLDivElement, sel: Selection, offset: number): void {
    const b = offsetToBoundary(asDom(el), offset);
    if (b) sel.collapse(b.node as unknown as Node, b.offset);
  }

  function onFocus(e: FocusEvent<HTMLDivElement>): void {
    const pointer = pointerFocus.current;
    pointerFocus.current = false;
    if (e.target !== e.currentTarget) return;
    const sel = document.getSelection();
    // A click places the caret itself; keyboard focus starts at the current quote or the top of the view.
    if (!pointer && sel && !selectionInside(e.currentTarget, sel)) placeCaret(e.currentTarget, sel, initialCaret(e.currentTarget));
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.target !== e.currentTarget) return; // keys on the status buttons keep their default
    const el = e.currentTarget;
    const sel = document.getSelection();
    if (!sel) return;
    const mod = e.ctrlKey || e.metaKey;
    if (KEPT_KEYS.has(e.key) || (mod && (e.key === 'a' || e.key === 'A' || e.key === 'c' || e.key === 'C'))) e.stopPropagation();

    if (mod && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      const from = offsetToBoundary(asDom(el), 0);
      const to = offsetToBoundary(asDom(el), length);
      if (from && to) sel.setBaseAndExtent(from.node as unknown as Node, from.offset, to.node as unknown as Node, to.offset);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      if (mod) {
        onMakeEvidence();
        return;
      }
      const at = caretOffset(el);
      if (at === null) return;
      const ids = nodesAt(at);
      if (ids.length) selectFromText(ids, at);
      return;
    }
    if (e.key === 'Escape') {
      if (!sel.isCollapsed && selectionInside(el, sel)) {
        e.preventDefault();
        e.stopPropagation();
        sel.collapseToEnd();
      }
      return;
    }
    const move = keyMove(e);
    if (!move) return;
    e.preventDefault();
    if (!selectionInside(el, sel)) placeCaret(el, sel, initialCaret(el));
    if (move.to) {
      const b = offsetToBoundary(asDom(el), move.to === 'start' ? 0 : length);
      if (b) {
        if (e.shiftKey) sel.extend(b.node as unknown as Node, b.offset);
        else sel.collapse(b.node as unknown as Node, b.offset);
      }
    } else {
      sel.modify(e.shiftKey ? 'extend' : 'move', move.direction, move.granularity);
    }
    // Never let the caret wander out of the text.
    const f = sel.focusNode;
    if (f && !el.contains(f)) {
      const before = (el.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      const b = offsetToBoundary(asDom(el), before ? 0 : length);
      if (b) {
        if (e.shiftKey) sel.extend(b.node as unknown as Node, b.offset);
        else sel.collapse(b.node as unknown as Node, b.offset);
      }
    }
    revealFocus(sel, scrollRef.current);
  }

  function onClick(e: MouseEvent<HTMLDivElement>): void {
    const sel = document.getSelection();
    // The end of a drag that selected text is not a click on a highlight.
    if (sel && !sel.isCollapsed && selectionInside(e.currentTarget, sel)) return;
    const target = e.target as Element;
    const quotation = target.closest('[data-quotation]');
    if (quotation && e.currentTarget.contains(quotation)) onOpenQuotation(Number(quotation.getAttribute('data-quotation')), 'click');
    const hl = target.closest('[data-node-ids]');
    if (hl && e.currentTarget.contains(hl)) {
      const ids = (hl.getAttribute('data-node-ids') ?? '').split(' ').filter(Boolean);
      if (ids.length) selectFromText(ids, caretOffset(e.currentTarget));
    }
  }

  function renderSegment(seg: Segment<Mark>): ReactNode {
    let nodeIds: Id[] = [];
    const names: string[] = [];
    let quotation: QuotationRange | undefined;
    let revealed = false;
    let matched = false;
    for (const c of seg.covers) {
      if (c.kind === 'node') {
        nodeIds.push(c.nodeId);
        names.push(c.name);
      } else if (c.kind === 'quotation') quotation ??= c;
      else if (c.kind === 'found') matched = true;
      else revealed = true;
    }
    nodeIds = [...new Set(nodeIds)];
    const classes: string[] = [];
    if (nodeIds.length) classes.push('aa-src-hl');
    if (nodeIds.length > 1) classes.push('aa-src-hl-overlap');
    // Marks where a quote begins, so adjacent quotes do not read as one.
    if (seg.covers.some((c) => c.kind === 'node' && c.start === seg.start)) classes.push('aa-src-hl-start');
    if (quotation) classes.push('aa-src-q', `aa-src-q-${quotation.status}`);
    if (quotation && quotation.index === openQuotation) classes.push('aa-src-q-open');
    if (revealed) classes.push('aa-src-reveal');
    if (matched) classes.push('aa-src-found');
    const attrs = {
      className: classes.join(' ') || undefined,
      'data-start': seg.start,
      'data-node-ids': nodeIds.length ? nodeIds.join(' ') : undefined,
      'data-quotation': quotation?.index,
      'data-status': quotation?.status,
      title: names.length ? `Quoted by ${names.join(', ')}` : undefined,
    };
    const labels = labelsAt.get(seg.start);
    return (
      <Fragment key={seg.start}>
        {labels?.map((q) => (
          <button
            key={`q${q.index}`}
            type="button"
            className={`aa-src-qlabel aa-src-qlabel-${q.status}`}
            data-label={`${STATUS_SYMBOL[q.status]} ${STATUS_LABEL[q.status]}`}
            data-quotation-label={q.index}
            aria-label={`Quotation ${STATUS_LABEL[q.status]}: show the check`}
            aria-expanded={q.index === openQuotation}
            aria-controls={q.index === openQuotation ? detailsId : undefined}
            onClick={(e) => {
              e.stopPropagation();
              onOpenQuotation(q.index, 'click');
            }}
            onFocus={() => onOpenQuotation(q.index, 'focus')}
          />
        ))}
        {nodeIds.length ? <mark {...attrs}>{seg.text}</mark> : <span {...attrs}>{seg.text}</span>}
      </Fragment>
    );
  }

  const { before, inside, after } = partitionByRange(segments, current);
  return (
    <div
      ref={textRef}
      className="aa-src-text"
      data-testid="source-text"
      data-source-id={source.id}
      role="region"
      aria-label={`Text of ${source.title || source.id}`}
      aria-describedby={describedBy}
      tabIndex={0}
      onMouseDown={() => {
        pointerFocus.current = true;
      }}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      {before.map(renderSegment)}
      {inside.length > 0 && current && (
        <span className="aa-src-current" aria-current="true" data-current-node-id={current.nodeId}>
          {inside.map(renderSegment)}
        </span>
      )}
      {after.map(renderSegment)}
      <TextCaret textRef={textRef} />
    </div>
  );
});
