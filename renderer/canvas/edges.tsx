// Relation edges. Each kind has its own line (solid, dashed, dotted, dash-dot), arrowhead
// and a word on the line, so the map reads in grayscale and print. Linked co-premises
// meet at one join, boxed together; an undercut ends on the inference it attacks.
import { memo } from 'react';
import { BaseEdge, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import type { RelationKind } from '../../arguments/model';
import { anchors, curve, inferencePoint, joinPoint, rectOf, union, type Rect } from './geometry';
import type { RelationFlowEdge, UndercutFlowEdge } from './types';

export const RELATION_STYLE: Record<RelationKind, { dash?: string; label: string }> = {
  supports: { label: '' },
  opposes: { dash: '8 5', label: 'opposes' },
  qualifies: { dash: '2 4', label: 'qualifies' },
  undercuts: { dash: '10 4 2 4', label: 'undercuts' },
};

function useRects(ids: readonly string[]): (Rect | null)[] {
  return useStore((s: ReactFlowState) => ids.map((id) => s.nodeLookup.get(id)), shallow).map(rectOf);
}

function Label({ x, y, text }: { x: number; y: number; text: string }) {
  if (!text) return null;
  return (
    <text x={x} y={y - 6} className="aa-edge-label" textAnchor="middle">
      {text}
    </text>
  );
}

export const RelationEdge = memo(function RelationEdge({ id, target, data, selected }: EdgeProps<RelationFlowEdge>) {
  const { kind, premises, index } = data!;
  const [to, ...rects] = useRects([target, ...premises]);
  if (!to || rects.some((r) => !r)) return null;
  const premiseRects = rects as Rect[];
  const cls = `aa-edge aa-edge-${kind}${selected ? ' selected' : ''}`;
  const style = { strokeDasharray: RELATION_STYLE[kind].dash };
  const marker = `url(#aa-head-${kind})`;

  if (premises.length === 1) {
    const { s, t } = anchors(premiseRects[0]!, to);
    const mid = inferencePoint(premiseRects, to);
    return (
      <g className={cls}>
        <BaseEdge id={id} path={curve(s, t)} markerEnd={marker} style={style} interactionWidth={16} />
        <circle cx={mid.x} cy={mid.y} r={3} className="aa-inference" />
        <Label x={mid.x} y={mid.y} text={RELATION_STYLE[kind].label} />
      </g>
    );
  }
  // Linked: this edge draws its premise's branch to the join; the first also draws the
  // group box and the one arrow from the join to the target.
  const j = joinPoint(premiseRects, to);
  const mine = premiseRects[index]!;
  const { s } = anchors(mine, to);
  const box = union(premiseRects);
  const { t } = anchors(box, to);
  return (
    <g className={cls}>
      {index === 0 && (
        <rect x={box.x - 10} y={box.y - 10} width={box.w + 20} height={box.h + 20} rx={14} className="aa-linked-box" />
      )}
      <BaseEdge id={id} path={curve(s, j)} style={style} interactionWidth={16} />
      {index === 0 && (
        <>
          <BaseEdge path={`M${j.x},${j.y} L${t.x},${t.y}`} markerEnd={marker} style={style} interactionWidth={0} />
          <circle cx={j.x} cy={j.y} r={5} className="aa-inference aa-join" />
          <text x={box.x + box.w / 2} y={box.y - 16} className="aa-edge-label" textAnchor="middle">
            linked premises
          </text>
          <Label x={(j.x + t.x) / 2} y={(j.y + t.y) / 2} text={RELATION_STYLE[kind].label} />
        </>
      )}
    </g>
  );
});

export const UndercutEdge = memo(function UndercutEdge({ id, source, data, selected }: EdgeProps<UndercutFlowEdge>) {
  const { attackedPremises, attackedTarget } = data!;
  const rects = useRects([source, attackedTarget, ...attackedPremises]);
  const [from, to, ...premises] = rects;
  if (!from || !to || premises.some((r) => !r)) return null;
  const point = inferencePoint(premises as Rect[], to);
  const start = { x: from.x + (point.x < from.x ? 0 : point.x > from.x + from.w ? from.w : from.w / 2), y: from.y + from.h / 2 };
  if (start.x === from.x + from.w / 2) start.y = point.y < from.y ? from.y : from.y + from.h;
  const path = `M${start.x},${start.y} Q${(start.x + point.x) / 2},${start.y} ${point.x},${point.y}`;
  return (
    <g className={`aa-edge aa-edge-undercuts${selected ? ' selected' : ''}`}>
      <BaseEdge id={id} path={path} markerEnd="url(#aa-head-undercuts)" style={{ strokeDasharray: RELATION_STYLE.undercuts.dash }} interactionWidth={16} />
      <Label x={(start.x + point.x) / 2} y={(start.y + point.y) / 2} text="undercuts" />
    </g>
  );
});

/** Arrowheads, one per relation kind: filled (supports), barred (opposes), open (qualifies), T-bar (undercuts). */
export function EdgeMarkers() {
  return (
    <svg className="aa-markers" aria-hidden="true" width="0" height="0">
      <defs>
        <marker id="aa-head-supports" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="aa-head aa-head-supports" />
        </marker>
        <marker id="aa-head-opposes" viewBox="0 0 12 10" refX="11" refY="5" markerWidth="11" markerHeight="9" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z M11,0 L11,10" className="aa-head aa-head-opposes" />
        </marker>
        <marker id="aa-head-qualifies" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10" className="aa-head aa-head-qualifies" fill="none" />
        </marker>
        <marker id="aa-head-undercuts" viewBox="0 0 6 12" refX="5" refY="6" markerWidth="7" markerHeight="12" orient="auto-start-reverse">
          <path d="M5,0 L5,12" className="aa-head aa-head-undercuts" />
        </marker>
      </defs>
    </svg>
  );
}
