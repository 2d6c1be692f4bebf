// One node of the map. Kind is shown by a label with a glyph, a border style and a
// colour, so it survives grayscale; the voice by a badge; a quote by its short citation.
// Memoized: it re-renders only when its own domain node, position or selection changes
// (or, for the citation, its quoted source).
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { shortAttribution } from '../../arguments/cite/attribution';
import { locatorFor } from '../../arguments/cite/locator';
import { NODE_KIND_LABELS, type NodeKind, type Quote } from '../../arguments/model';
import { setCollapsed } from '../../arguments/operations';
import { run, startEditing, useEditor, useMap } from '../store/store';
import { finishEditing } from '../commands';
import type { ArgumentFlowNode } from './types';

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
function Attribution({ quote }: { quote: Quote }) {
  const source = useMap((m) => (Object.hasOwn(m.sources, quote.source) ? m.sources[quote.source] : undefined));
  const label = useMemo(() => (source ? shortAttribution(source, locatorFor(source, quote)) : null), [source, quote]);
  return label ? (
    <p className="aa-attribution" data-testid="attribution">
      {label}
    </p>
  ) : null;
}

export const ArgumentNode = memo(function ArgumentNode({ id, data, selected }: NodeProps<ArgumentFlowNode>) {
  const { node, quoteCheck } = data;
  const editing = useEditor((s) => s.editing === id);
  const label = NODE_KIND_LABELS[node.kind];
  const quoteProblem = quoteCheck?.status === 'not-found';
  return (
    <div
      className={`aa-node aa-kind-${node.kind}${selected ? ' selected' : ''}${quoteProblem ? ' aa-quote-problem' : ''}`}
      onDoubleClick={() => startEditing(id)}
    >
      <Handle type="source" position={Position.Top} id="top" className="aa-handle" />
      <div className="aa-node-head">
        <span className="aa-kind">
          <span aria-hidden="true">{KIND_GLYPH[node.kind]}</span> {label}
        </span>
        {node.title && <span className="aa-title">{node.title}</span>}
        {node.voice && <span className={`aa-voice aa-voice-${node.voice}`}>{node.voice}</span>}
      </div>
      {editing ? <InlineEditor id={id} text={node.text} /> : <div className="aa-text">{node.text || <em className="aa-placeholder">Double-click or press Enter to write</em>}</div>}
      {node.quote && (
        <>
          <blockquote className="aa-quote" title={node.quote.exact}>
            “{node.quote.exact}”
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
      <Handle type="source" position={Position.Bottom} id="bottom" className="aa-handle" />
    </div>
  );
});
