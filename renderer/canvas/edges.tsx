// Relation edges. Each kind has its own line (solid, dashed, dotted, dash-dot), arrowhead
// and a word on the line, so the map reads in grayscale and print. Linked co-premises
// meet at one join, boxed together; an undercut ends on the inference it attacks, and an
// undercut of an undercut on the middle of that undercut's line. Lines are routed around the
// cards (routes.ts) once the arrangement settles; an arrow whose cards moved since (a drag in
// progress) draws its plain curve until the drop. Arrows are drawn above the cards, their words
// in free space.
import { memo, type CSSProperties, type ReactNode } from 'react';
import { BaseEdge, useStore, type EdgeProps, type ReactFlowState, type XYPosition } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import type { RelationKind } from '../../arguments/model';
import { freePlace, LABEL_TRIES, useDirection, useLabelObstacles } from './arrangement';
import { anchors, attackPoint, curve, curveAt, joinPoint, rectOf, undercutAt, undercutLine, undercutPath, union, type Rect } from './geometry';
import type { RelationFlowEdge, UndercutFlowEdge } from './types';
import { pointAlong } from '../../arguments/layout/routing';
import { roundedPath } from '../../arguments/export/edges';
import { cardsKey, useRoute, type ScreenRoute } from './routes';
import { usePeerOutline } from '../live/PresenceMark';

export const RELATION_STYLE: Record<RelationKind, { dash?: string; label: string }> = {
  supports: { label: '' },
  opposes: { dash: '8 5', label: 'opposes' },
  qualifies: { dash: '2 4', label: 'qualifies' },
  undercuts: { dash: '10 4 2 4', label: 'undercuts' },
};

function useRects(ids: readonly string[]): (Rect | null)[] {
  return useStore((s: ReactFlowState) => ids.map((id) => s.nodeLookup.get(id)), shallow).map(rectOf);
}

/** The relation's route if it was routed between the cards as they are now. */
function useFreshRoute(relationId: string, rects: readonly (Rect | null)[]): ScreenRoute | undefined {
  const route = useRoute(relationId);
  return route && route.key === cardsKey(rects) ? route : undefined;
}

/**
 * A word on a line, at the first place along it (`along(u)`, u from 0 to 1) where it covers no
 * card; with no such place the word is left out (the line's pattern and head say the same).
 */
const Label = memo(function Label({ text, along, tries = LABEL_TRIES }: { text: string; along: (u: number) => XYPosition; tries?: readonly number[] }) {
  const cards = useLabelObstacles();
  if (!text) return null;
  const at = freePlace(cards, text, tries.map(along));
  if (!at) return null;
  return (
    <text x={at.x} y={at.y} dy="0.35em" className="aa-edge-label" textAnchor="middle" data-label={text}>
      {text}
    </text>
  );
});

export const RelationEdge = memo(function RelationEdge({ id, target, data, selected }: EdgeProps<RelationFlowEdge>) {
  const { kind, premises, index, relationId } = data!;
  const direction = useDirection();
  const all = useRects([target, ...premises]);
  const route = useFreshRoute(relationId, all);
  // In a live seminar: others' selection of this relation (its own slice of the presence store).
  const peers = usePeerOutline(relationId);
  const [to, ...rects] = all;
  if (!to || rects.some((r) => !r)) return null;
  const premiseRects = rects as Rect[];
  const cls = `aa-edge aa-edge-${kind}${selected ? ' selected' : ''}${peers.className}`;
  const style = { strokeDasharray: RELATION_STYLE[kind].dash, ...peers.style };
  const marker = `url(#aa-head-${kind})`;

  const names = peers.label !== null && <title>{peers.label}</title>;
  if (route) return <RoutedRelation id={id} route={route} index={index} linked={premises.length > 1} premiseRects={premiseRects} cls={cls} style={style} marker={marker} label={RELATION_STYLE[kind].label} names={names} />;
  if (premises.length === 1) {
    const { s, t, axis } = anchors(premiseRects[0]!, to, direction);
    const mid = { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
    return (
      <g className={cls}>
        {names}
        <BaseEdge id={id} path={curve(s, t, axis)} markerEnd={marker} style={style} interactionWidth={16} />
        <circle cx={mid.x} cy={mid.y} r={3} className="aa-inference" />
        <Label text={RELATION_STYLE[kind].label} along={(u) => curveAt(s, t, axis, u)} />
      </g>
    );
  }
  // Linked: this edge draws its premise's branch to the join; the first also draws the
  // group box and the one arrow from the join to the target.
  const j = joinPoint(premiseRects, to, direction);
  const mine = premiseRects[index]!;
  const { s, axis } = anchors(mine, to, direction);
  const box = union(premiseRects);
  const { t } = anchors(box, to, direction);
  const lerp = (a: XYPosition, b: XYPosition) => (u: number) => ({ x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u });
  return (
    <g className={cls}>
      {names}
      {index === 0 && (
        <rect x={box.x - 10} y={box.y - 10} width={box.w + 20} height={box.h + 20} rx={14} className="aa-linked-box" />
      )}
      <BaseEdge id={id} path={curve(s, j, axis)} style={style} interactionWidth={16} />
      {index === 0 && (
        <>
          <BaseEdge path={`M${j.x},${j.y} L${t.x},${t.y}`} markerEnd={marker} style={style} interactionWidth={16} />
          <circle cx={j.x} cy={j.y} r={5} className="aa-inference aa-join" />
          {/* Above the box, else below it: the box's own premises are cards too. */}
          <Label text="linked premises" along={(u) => ({ x: box.x + box.w / 2, y: u < 0.5 ? box.y - 20 : box.y + box.h + 20 })} tries={[0, 1]} />
          <Label text={RELATION_STYLE[kind].label} along={lerp(j, t)} />
        </>
      )}
    </g>
  );
});

/** A relation drawn along its route: one premise's line, or a linked premise's branch (and, for the first, the box, the join and the line on). */
function RoutedRelation({ id, route, index, linked, premiseRects, cls, style, marker, label, names }: { id: string; route: ScreenRoute; index: number; linked: boolean; premiseRects: Rect[]; cls: string; style: CSSProperties; marker: string; label: string; names: ReactNode }) {
  const along = (u: number) => pointAlong(route.line, u);
  if (!linked)
    return (
      <g className={cls} data-routed="">
        {names}
        <BaseEdge id={id} path={roundedPath(route.line)} markerEnd={marker} style={style} interactionWidth={16} />
        <circle cx={route.inference.x} cy={route.inference.y} r={3} className="aa-inference" />
        <Label text={label} along={along} />
      </g>
    );
  const box = union(premiseRects);
  const j = route.inference;
  return (
    <g className={cls} data-routed="">
      {names}
      {index === 0 && <rect x={box.x - 10} y={box.y - 10} width={box.w + 20} height={box.h + 20} rx={14} className="aa-linked-box" />}
      <BaseEdge id={id} path={roundedPath(route.branches[index] ?? [])} style={style} interactionWidth={16} />
      {index === 0 && (
        <>
          <BaseEdge path={roundedPath(route.line)} markerEnd={marker} style={style} interactionWidth={16} />
          <circle cx={j.x} cy={j.y} r={5} className="aa-inference aa-join" />
          <Label text="linked premises" along={(u) => ({ x: box.x + box.w / 2, y: u < 0.5 ? box.y - 20 : box.y + box.h + 20 })} tries={[0, 1]} />
          <Label text={label} along={along} />
        </>
      )}
    </g>
  );
}

export const UndercutEdge = memo(function UndercutEdge({ id, source, data, selected }: EdgeProps<UndercutFlowEdge>) {
  const { attackedPremises, attackedTarget, through, relationId } = data!;
  const direction = useDirection();
  const rects = useRects([source, attackedTarget, ...attackedPremises, ...through]);
  const route = useFreshRoute(relationId, rects);
  const peers = usePeerOutline(relationId);
  if (rects.some((r) => !r)) return null;
  const cls = `aa-edge aa-edge-undercuts${selected ? ' selected' : ''}${peers.className}`;
  const style = { strokeDasharray: RELATION_STYLE.undercuts.dash, ...peers.style };
  const names = peers.label !== null && <title>{peers.label}</title>;
  if (route)
    return (
      <g className={cls} data-attacks={data!.attacks} data-routed="">
        {names}
        <BaseEdge id={id} path={roundedPath(route.line)} markerEnd="url(#aa-head-undercuts)" style={style} interactionWidth={16} />
        <Label text="undercuts" along={(u) => pointAlong(route.line, u)} />
      </g>
    );
  const [from, to, ...rest] = rects as Rect[];
  const premises = rest.slice(0, attackedPremises.length);
  const attackers = rest.slice(attackedPremises.length);
  const line = undercutLine(from!, attackPoint(premises, to!, attackers, direction));
  return (
    <g className={cls} data-attacks={data!.attacks}>
      {names}
      <BaseEdge id={id} path={undercutPath(line)} markerEnd="url(#aa-head-undercuts)" style={style} interactionWidth={16} />
      <Label text="undercuts" along={(u) => undercutAt(line, u)} />
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
