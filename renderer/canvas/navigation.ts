// The canvas from the keyboard: one Tab stop (a roving tabindex: the node last focused, else the
// selected one, else the thesis), and arrow keys that follow the argument rather than the
// screen: ↑ to what a node supports or attacks, ↓ to what bears on it, ← → to its neighbours
// under the same target in their visual order (the outline's tree, arguments/analysis/outline.ts).
// Alt+arrows move the node. Also where focus goes after a command took it away (Delete, Connect,
// a cancelled new node): to the node acted on or a neighbour, never the page body.
import { useCallback, useMemo, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { createStore, useStore } from 'zustand';
import type { ArgumentMap, Id, Point } from '../../arguments/model';
import { moveNodes } from '../../arguments/operations';
import { editor, getMap, run, select, type Selection } from '../store/store';
import { withEdgeLabels } from './describe';
import { step, type Direction } from './route';
import type { FlowEdge, FlowNode } from './types';

/** What React Flow tells a screen reader about a node: the keys of this route, not its own. */
export const ROUTE_ARIA_LABELS = {
  'node.a11yDescription.default':
    'Arrow keys follow the argument: up to what this node bears on, down to what bears on it, left and right to its neighbours. Alt with the arrow keys moves the node. Enter selects it, Enter again edits its text, C connects it.',
};

const route = createStore<{ focused: Id | null }>(() => ({ focused: null }));

// ----- focus --------------------------------------------------------------------

const nodeElement = (id: Id) => document.querySelector<HTMLElement>(`.aa-canvas .react-flow__node[data-id="${CSS.escape(id)}"]`);
const outlineElement = (id: Id) => document.querySelector<HTMLElement>(`.aa-outline [role="treeitem"][data-primary][data-node-id="${CSS.escape(id)}"]`);
const canvasStop = () =>
  document.querySelector<HTMLElement>('.aa-canvas .react-flow__node[tabindex="0"]') ?? document.querySelector<HTMLElement>('.aa-canvas[tabindex="0"]');
const outlineStop = () => document.querySelector<HTMLElement>('.aa-outline [role="treeitem"][tabindex="0"]');

export type FocusArea = 'canvas' | 'outline';

/** Where keyboard focus is now: in the outline, or (anywhere else) the canvas. */
export function focusArea(): FocusArea {
  return document.activeElement?.closest('.aa-outline') ? 'outline' : 'canvas';
}

let request = 0;

/**
 * Focuses `id` on the canvas or in the outline (`area`, else where focus is now; the other if it
 * is not shown there), retrying for a moment: a node just drawn is hidden until React Flow has
 * measured it. With no node, the canvas's (or outline's) Tab stop. A later request wins.
 */
export function focusNodeSoon(id: Id | null, area: FocusArea = focusArea()): void {
  const token = ++request;
  const until = performance.now() + 1500;
  const attempt = () => {
    if (token !== request) return;
    const here = area === 'outline' ? outlineElement : nodeElement;
    const there = area === 'outline' ? nodeElement : outlineElement;
    const el = (id !== null ? (here(id) ?? there(id)) : null) ?? (area === 'outline' ? (outlineStop() ?? canvasStop()) : (canvasStop() ?? outlineStop()));
    if (el) {
      // The canvas pans itself; letting the browser scroll its clipped box would shift it.
      el.focus({ preventScroll: !el.closest('.aa-outline') });
      if (document.activeElement === el) return;
    }
    if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** After a dialog closed: if focus fell to the page body, to the selected node, else the canvas. */
export function restoreFocusSoon(area: FocusArea = focusArea()): void {
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now && now !== document.body && now.isConnected) return;
    focusNodeSoon(editor.getState().selection.nodes[0] ?? null, area);
  });
}

// ----- the route ------------------------------------------------------------------

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const NUDGE: Record<Direction, Point> = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/** The key of the outline item the route last arrived at: a node reached twice keeps its place. */
let lastArrived: string | null = null;

function go(id: Id, direction: Direction, extend: boolean, hidden: ReadonlySet<Id>): void {
  const target = step(getMap(), id, direction, hidden, lastArrived);
  if (!target?.node) return;
  lastArrived = target.key;
  const { selection } = editor.getState();
  const nodes = extend ? [...selection.nodes.filter((n) => n !== target.node), target.node] : [target.node];
  select({ nodes, relations: extend ? selection.relations : [] });
  focusNodeSoon(target.node, 'canvas');
}

/** Alt+arrow: moves the selection (or the focused node) 5 px, 20 with Shift; one undo step per press. */
function nudge(id: Id, direction: Direction, far: boolean): void {
  const map = getMap();
  const { selection } = editor.getState();
  const ids = selection.nodes.includes(id) ? selection.nodes : [id];
  const d = NUDGE[direction];
  const by = far ? 20 : 5;
  const moved: Record<Id, Point> = {};
  for (const n of ids) if (Object.hasOwn(map.view.positions, n)) moved[n] = { x: map.view.positions[n]!.x + d.x * by, y: map.view.positions[n]!.y + d.y * by };
  if (Object.keys(moved).length > 0) run(moveNodes(moved));
}

// ----- the hook MapCanvas uses ------------------------------------------------------------

const unstopped = new WeakMap<FlowNode, FlowNode>();
/** The last call: a drag frame changes one node of the array, so the rest are taken by index, not looked up. */
let lastStop: { nodes: readonly FlowNode[]; stop: Id | null; out: FlowNode[] } | null = null;
/** Every node but `stop` out of the Tab order (the objects reused, so React Flow redraws only the two that change). */
function withTabStop(nodes: readonly FlowNode[], stop: Id | null): FlowNode[] {
  const l = lastStop && lastStop.stop === stop && lastStop.nodes.length === nodes.length ? lastStop : null;
  const out = nodes.map((n, i) => {
    if (l && l.nodes[i] === n) return l.out[i]!;
    if (n.id === stop) return n;
    let o = unstopped.get(n);
    if (!o) {
      o = { ...n, domAttributes: { ...n.domAttributes, tabIndex: -1 } };
      unstopped.set(n, o);
    }
    return o;
  });
  lastStop = { nodes, stop, out };
  return out;
}

function firstThesis(nodes: ArgumentMap['nodes']): Id | null {
  let first: Id | null = null;
  for (const n of Object.values(nodes)) {
    if (n.kind === 'thesis') return n.id;
    first ??= n.id;
  }
  return first;
}

export interface CanvasRouteInput {
  map: ArgumentMap;
  nodes: FlowNode[];
  edges: FlowEdge[];
  selection: Selection;
  hidden: ReadonlySet<Id>;
  /** The part of `hidden` collapsed away (the rest is hidden voices' cards, by the layers' style rule). */
  collapsedAway: ReadonlySet<Id>;
  /** React Flow draws only the nodes in view (large maps): the Tab stop may be out of the DOM. */
  culled: boolean;
}

/** The nodes and edges MapCanvas hands React Flow (one Tab stop, labelled arrows) and the canvas box's handlers and tabIndex. */
export function useCanvasRoute({ map, nodes, edges, selection, hidden, collapsedAway, culled }: CanvasRouteInput) {
  const focused = useStore(route, (s) => s.focused);
  const fallback = useMemo(() => firstThesis(map.nodes), [map.nodes]);
  // A stop whose voice is hidden stays the stop (its card is out of the Tab order, hidden by
  // the layers' rule; the canvas box stands in, as for a stop out of view): a layer toggle then leaves the
  // nodes handed to React Flow as they are, which at 10,000 it re-read in full.
  const usable = (id: Id | null | undefined): id is Id => id != null && Object.hasOwn(map.nodes, id) && !collapsedAway.has(id);
  const stop = [focused, selection.nodes[0], fallback].find(usable) ?? null;
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;
  const routed = useMemo(() => withTabStop(nodes, stop), [nodes, stop]);
  const labelled = useMemo(() => withEdgeLabels(edges, map), [edges, map.nodes]); // eslint-disable-line react-hooks/exhaustive-deps

  // On a large map the stop can be out of view, so out of the DOM: the canvas box stands in for it.
  const stopDrawn = useFlowStore(
    useCallback(
      (s: ReactFlowState) => {
        if (stop !== null && hidden.has(stop)) return false;
        if (!culled || stop === null) return true;
        const n = s.nodeLookup.get(stop);
        if (!n) return false;
        const [tx, ty, zoom] = s.transform;
        const { x, y } = n.internals.positionAbsolute;
        const w = n.measured.width ?? 0;
        const h = n.measured.height ?? 0;
        return x * zoom + tx < s.width && (x + w) * zoom + tx > 0 && y * zoom + ty < s.height && (y + h) * zoom + ty > 0;
      },
      [culled, stop, hidden],
    ),
  );

  const onFocusCapture = useCallback((e: FocusEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    if (el === e.currentTarget) {
      if (!el.matches(':focus-visible')) return;
      // Tabbed to the stand-in: bring the stop into view, then focus it.
      const m = getMap();
      const shown = (id: Id | null | undefined): id is Id => id != null && Object.hasOwn(m.nodes, id) && !hiddenRef.current.has(id);
      const id = [route.getState().focused, editor.getState().selection.nodes[0], firstThesis(m.nodes)].find(shown) ?? Object.keys(m.nodes).find(shown) ?? null;
      if (id !== null) {
        select({ nodes: [id], relations: [] });
        focusNodeSoon(id, 'canvas');
      }
      return;
    }
    const id = el.classList.contains('react-flow__node') ? el.getAttribute('data-id') : null;
    if (id !== null && route.getState().focused !== id) route.setState({ focused: id });
  }, []);

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const el = e.target as HTMLElement;
      // Only keys on a node itself: its inline editor and buttons keep theirs.
      if (!el.classList.contains('react-flow__node') || e.ctrlKey || e.metaKey) return;
      const id = el.getAttribute('data-id');
      const direction = Object.hasOwn(ARROWS, e.key) ? ARROWS[e.key]! : null;
      if (id === null || direction === null) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.altKey) nudge(id, direction, e.shiftKey);
      else go(id, direction, e.shiftKey, hidden);
    },
    [hidden],
  );
  return { nodes: routed, edges: labelled, box: { onFocusCapture, onKeyDownCapture, tabIndex: stopDrawn ? undefined : 0 } };
}
