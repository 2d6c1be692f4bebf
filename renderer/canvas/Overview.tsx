// The map's overview (top left): every card as a box in its kind's fill, and the part in view
// unmasked; dragging or clicking in it moves the view there, the wheel zooms. It draws one
// path per kind and voice rather than an element per card (React Flow's MiniMap subscribes one component
// per node to its store, so every pan frame and an auto-layout of 3,000 nodes re-rendered 3,000
// of them: 65 ms of rendering and 60 ms of attribute writes in one task, Chromium profile of
// bench/layoutTrace.ts). The paths are rebuilt in a task of their own, at most every
// GESTURE_REDRAW_MS during a drag, so a move of the map never waits for them.
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent } from 'react';
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import type { Rect } from '../../arguments/geometry';
import type { Id } from '../../arguments/model';
import { MINIMAP_FILL } from '../kinds';
import { editor, useEditor } from '../store/store';
import { useLayers } from '../status/layersState';
import { OVERVIEW_SIZE, overviewBox, overviewGroups, shownGroups } from './overviewPaths';
import type { Size } from './toFlow';

const GESTURE_REDRAW_MS = 150;

interface Props {
  sizeOf: (id: Id) => Size | undefined;
  /** Changes when a card's measured size changes (sizeOf itself is stable). */
  sizes: ReadonlyMap<Id, Size>;
  /** The cards collapsed away (a hidden voice's are left out by the layers, without a redraw). */
  collapsedAway: ReadonlySet<Id>;
}

export function Overview({ sizeOf, sizes, collapsedAway }: Props) {
  const flow = useReactFlow();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const positions = useEditor((s) => s.history.present.view.positions);
  const nodes = useEditor((s) => s.history.present.nodes);
  const gesture = useEditor((s) => s.history.gestureBase !== undefined);
  const visibility = useLayers((s) => s.visibility);
  const [groups, setGroups] = useState(() => overviewGroups(editor.getState().history.present, sizeOf, collapsedAway));
  const drawn = useMemo(() => shownGroups(groups, visibility), [groups, visibility]);
  const lastDraw = useRef(0);

  useEffect(() => {
    const wait = gesture ? Math.max(0, GESTURE_REDRAW_MS - (performance.now() - lastDraw.current)) : 0;
    const timer = setTimeout(() => {
      lastDraw.current = performance.now();
      setGroups(overviewGroups(editor.getState().history.present, sizeOf, collapsedAway));
    }, wait);
    return () => clearTimeout(timer);
  }, [positions, nodes, sizes, collapsedAway, gesture, sizeOf]);

  const view: Rect = { x: -tx / zoom, y: -ty / zoom, w: width / zoom, h: height / zoom };
  const box = overviewBox(drawn.bounds, view);
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);

  /** Centres the view on the flow point under the pointer. */
  const moveTo = useCallback(
    (clientX: number, clientY: number) => {
      const r = svg.current?.getBoundingClientRect();
      if (!r || r.width === 0 || r.height === 0) return;
      const fx = box.x + ((clientX - r.left) / r.width) * box.w;
      const fy = box.y + ((clientY - r.top) / r.height) * box.h;
      const v = flow.getViewport();
      void flow.setViewport({ x: width / 2 - fx * v.zoom, y: height / 2 - fy * v.zoom, zoom: v.zoom });
    },
    [flow, box.x, box.y, box.w, box.h, width, height],
  );
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    moveTo(e.clientX, e.clientY);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (dragging.current) moveTo(e.clientX, e.clientY);
  };
  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  const onWheel = (e: ReactWheelEvent<SVGSVGElement>) => {
    void flow.zoomTo(flow.getZoom() * Math.pow(2, -e.deltaY * 0.002));
  };

  const outer = `M${box.x} ${box.y}h${box.w}v${box.h}h${-box.w}z`;
  const inner = `M${view.x} ${view.y}h${view.w}v${view.h}h${-view.w}z`;
  return (
    <Panel position="top-left" className="react-flow__minimap aa-overview" style={OVERVIEW_SIZE}>
      <svg
        ref={svg}
        width={OVERVIEW_SIZE.width}
        height={OVERVIEW_SIZE.height}
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label="Overview of the map"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
      >
        {drawn.groups.map((g) => (
          <path key={`${g.kind}\u0000${g.voice === undefined ? '-' : `+${g.voice}`}`} className="aa-overview-cards" d={g.d} style={{ fill: MINIMAP_FILL[g.kind] }} />
        ))}
        <path className="react-flow__minimap-mask" d={outer + inner} fillRule="evenodd" />
      </svg>
    </Panel>
  );
}
