// One node of the map. Kind is shown by a label with a glyph, a border style and a
// colour, so it survives grayscale; the voice by a badge; a quote by its short citation.
// Memoized: it re-renders only when its own domain node, position or selection changes
// (or, for the citation, its quoted source). Each card also holds its summary — kind and
// title (evidence: its citation) — which canvas.css shows in large type instead of the card's
// text when the map is zoomed far out; zooming itself re-renders no card.
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { shortAttribution } from '../../arguments/cite/attribution';
import { locatorFor } from '../../arguments/cite/locator';
import { NODE_KIND_LABELS, type ArgNode, type NodeKind, type Quote } from '../../arguments/model';
import { editNode, setCollapsed } from '../../arguments/operations';
import { run, startEditing, useEditor, useMap } from '../store/store';
import { finishEditing } from '../commands';
import type { ArgumentFlowNode } from './types';
import { checkQuoteIn, type QuoteCheck } from './quoteStatus';
import { CommentBadge } from '../comments/CommentBadge';
import { VisibleText } from './VisibleText';
import { farTitleEm } from './farTitle';
import { visibleControls } from '../../arguments/text/controls';
import { StatusBadge, useStatusClass } from '../status/StatusBadge';
import { voiceClass } from './layers';
import { CompareBadge, useCompareMark } from '../compare/CompareMark';
import { PeerLabel, usePeerOutline } from '../live/PresenceMark';

export const KIND_GLYPH: Record<NodeKind, string> = {
  thesis: '◆',
  claim: '■',
  premise: '▪',
  evidence: '❝',
  counter: '✕',
  rebuttal: '↺',
  note: '✎',
};

function InlineEditor({ id, text }: { id: string; text: string }) {
  const [value, setValue] = useState(text);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // A new node stays hidden until React Flow has measured it, and hidden elements
    // cannot take focus: retry for a few frames.
    let frame = 0;
    const until = performance.now() + 2000;
    const focus = () => {
      const el = ref.current;
      if (!el) return;
      el.focus({ preventScroll: true });
      if (document.activeElement === el) el.select();
      else if (performance.now() < until) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);
  const finish = (save: boolean) => {
    finishEditing(id, save ? value : null);
    // Give keyboard focus back to the node so shortcuts keep working.
    // Unless something else (a dialog opened meanwhile) has taken focus.
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      (document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus();
    });
  };
  return (
    <textarea
      ref={ref}
      className="aa-inline-editor nodrag nowheel nopan"
      aria-label="Node text"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') finish(false);
        else if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        }
      }}
    />
  );
}

/**
 * "Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, ll. 71–72" under a quote. It subscribes
 * to its source alone: a drag, or an edit of another source, re-renders no card.
 */
function useAttribution(quote: Quote | undefined): string | null {
  const source = useMap((m) => (quote && Object.hasOwn(m.sources, quote.source) ? m.sources[quote.source] : undefined));
  return useMemo(() => (source && quote ? shortAttribution(source, locatorFor(source, quote)) : null), [source, quote]);
}

function Attribution({ quote }: { quote: Quote }) {
  const label = useAttribution(quote);
  return label ? (
    <p className="aa-attribution" data-testid="attribution">
      <VisibleText text={label} />
    </p>
  ) : null;
}

/** The first words of a text, for a card too small to show it whole. */
function firstWords(text: string, count = 8): string {
  const words = text.trim().split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

/** What a zoomed-out card shows: its kind, and its title (evidence: the short citation of its source). */
function Summary({ node }: { node: ArgNode }) {
  const citation = useAttribution(node.kind === 'evidence' ? node.quote : undefined);
  const name = citation ?? node.title ?? (firstWords(node.text || node.quote?.exact || '') || 'empty');
  return (
    <div className="aa-summary" aria-hidden="true" style={{ '--aa-far-em': farTitleEm(name) } as CSSProperties}>
      <span className="aa-summary-kind">
        {KIND_GLYPH[node.kind]}
        <span className="aa-summary-name"> {NODE_KIND_LABELS[node.kind]}</span>
      </span>
      <span className="aa-summary-title" data-testid="summary-title">
        <VisibleText text={name} />
      </span>
    </div>
  );
}

/**
 * Whether the card's quote is still found in its source, worked out when the card is shown (a
 * large map's off-screen cards anchor nothing); it subscribes to its source's text alone.
 */
function useQuoteCheck(node: ArgNode): QuoteCheck | null {
  const quote = node.quote;
  const text = useMap((m) => (quote && Object.hasOwn(m.sources, quote.source) ? m.sources[quote.source]!.text : undefined));
  return useMemo(() => (quote ? checkQuoteIn(text, quote) : null), [text, quote]);
}

export const ArgumentNode = memo(function ArgumentNode({ id, data, selected }: NodeProps<ArgumentFlowNode>) {
  const { node } = data;
  const quoteCheck = useQuoteCheck(node);
  const editing = useEditor((s) => s.editing === id);
  const label = NODE_KIND_LABELS[node.kind];
  const quoteProblem = quoteCheck?.status === 'not-found';
  // Per-card selectors: a layer switched or a status changed re-renders only the cards it touches.
  const statusClass = useStatusClass(id);
  // Its voice's class: a dimmed layer fades it by one style rule (layers.ts), re-rendering no card.
  const voice = voiceClass(node.voice);
  // A comparison's or a merge's mark: an outline style and its words (renderer/compare).
  const mark = useCompareMark(id);
  // In a live seminar: others' selection of this card (its own slice of the presence store).
  const peers = usePeerOutline(id);
  return (
    <div
      className={`aa-node aa-kind-${node.kind}${selected ? ' selected' : ''}${quoteProblem ? ' aa-quote-problem' : ''}${editing ? ' aa-editing' : ''}${statusClass}${voice ? ` ${voice}` : ''}${mark ? ` aa-compare-mark aa-compare-${mark}` : ''}${peers.className}`}
      style={peers.style}
      onDoubleClick={() => startEditing(id)}
    >
      {peers.label !== null && <PeerLabel label={peers.label} />}
      <Handle type="source" position={Position.Left} id="left" className="aa-handle" />
      <div className="aa-node-head">
        <span className="aa-kind">
          <span aria-hidden="true">{KIND_GLYPH[node.kind]}</span> {label}
        </span>
        {node.title && (
          <span className="aa-title" dir="auto">
            <VisibleText text={node.title} />
          </span>
        )}
        <StatusBadge id={id} />
        {node.voice && (
          <span className={`aa-voice aa-voice-${node.voice}`}>
            <VisibleText text={node.voice} />
          </span>
        )}
        <CommentBadge target={id} />
        {mark && <CompareBadge mark={mark} />}
      </div>
      {editing ? (
        <InlineEditor id={id} text={node.text} />
      ) : (
        <div className="aa-text" dir="auto">
          {node.text ? <VisibleText text={node.text} /> : <em className="aa-placeholder">Double-click or press Enter to write</em>}
        </div>
      )}
      {node.quote && (
        <>
          <blockquote className="aa-quote" dir="auto" title={visibleControls(node.quote.exact).text}>
            “<VisibleText text={node.quote.exact} />”
          </blockquote>
          <Attribution quote={node.quote} />
        </>
      )}
      {data.collapsed && (
        <button type="button" className="aa-expand nodrag" onClick={() => run(setCollapsed(id, false))} title="Show what bears on this node">
          ▸ Collapsed: expand
        </button>
      )}
      {quoteProblem && (
        <div className="aa-badge-problem" role="status">
          ⚠ Quote not found in its source
        </div>
      )}
      <Handle type="source" position={Position.Right} id="right" className="aa-handle" />
      <Summary node={node} />
    </div>
  );
});
