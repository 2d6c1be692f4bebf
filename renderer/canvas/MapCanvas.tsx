// The map on a React Flow canvas, controlled by the document store. Drag frames are
// previews (no history); the drop is one undoable step. Deletion, copy/paste and the
// rest of the keyboard are handled by the app's shortcuts, not by React Flow.
// Zoomed out past SUMMARY_BELOW the cards show their kind and title in large type: a class on
// the canvas and a CSS variable switch them, so zooming re-renders no card.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Viewport,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import { readingDirection, rectOfNode } from '../../arguments/layout/direction';
import type { Id, Point } from '../../arguments/model';
import { moveNodes } from '../../arguments/operations';
import { editor, previewMove, run, select, useEditor, useReadOnly } from '../store/store';
import { setViewportCentre } from '../commands';
import { setNodeSizeSource, warmAutoLayoutWhenIdle } from '../layout/autoLayout';
import { ArgumentNode } from './ArgumentNode';
import { estimatedSize } from './estimate';
import { setArrangement } from './arrangement';
import { FAR_BELOW, fitRects, openingViewport, SUMMARY_BELOW } from './viewports';
import { setZoomer } from './zoom';
import { EdgeMarkers, RelationEdge, UndercutEdge } from './edges';
import { Overview } from './Overview';
import { CardHoles } from './CardHoles';
import { routeWhenSettled } from './routes';
import type { Rect } from '../../arguments/geometry';
import { RelationPicker, type PendingConnection } from './RelationPicker';
import { CanvasMenu, type MenuState } from './CanvasMenu';
import { ROUTE_ARIA_LABELS, useCanvasRoute } from './navigation';
import { hiddenByCollapse, relationOfEdge, toFlowEdges, toFlowNodes, type Size } from './toFlow';
import type { FlowEdge, FlowNode } from './types';
import { fitTargets, layersRule, voicedEdges, withHiddenVoices } from './layers';
import { useLayers } from '../status/layersState';
import { VoicesPanel } from '../status/VoicesPanel';
import { StatusLegend } from '../status/StatusLegend';
import { WhyPopover } from '../status/WhyPopover';
import '../export/fonts.css';
import './canvas.css';

// Module constants: React Flow re-creates every node if these change identity.
const nodeTypes = { argument: ArgumentNode };
const edgeTypes = { relation: RelationEdge, undercut: UndercutEdge };
const proOptions = { hideAttribution: true };
/**
 * Small maps render every node, so all of them are in the DOM (for screen readers and
 * find-in-page); large ones render only what is in view, which keeps them fast.
 */
const RENDER_ALL_BELOW = 300;
const MIN_ZOOM = 0.05;
/** The summary type grows as the map shrinks, in steps of 8 % (each step restyles the cards once), up to this factor. */
const SUMMARY_STEP = 1.08;
const SUMMARY_MAX_SCALE = 6;

/**
 * The layers' rule, in a constructed style sheet (the CSP allows no inline style element; the
 * CSSOM is not inline style): a layer dimmed, hidden or shown again is this one sheet's change.
 */
function useLayersRule(rule: string): void {
  const sheet = useMemo(() => (typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype ? new CSSStyleSheet() : null), []);
  useEffect(() => {
    if (!sheet) return;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useLayoutEffect(() => sheet?.replaceSync(rule), [sheet, rule]);
}

export function MapCanvas() {
  const map = useEditor((s) => s.history.present);
  const selection = useEditor((s) => s.selection);
  const fitRequest = useEditor((s) => s.fitRequest);
  const readOnly = useReadOnly();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const [pending, setPending] = useState<PendingConnection | null>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const pointer = useRef<Point>({ x: 0, y: 0 });

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedRelations = useMemo(() => new Set(selection.relations), [selection.relations]);
  const [sizes, setSizes] = useState<ReadonlyMap<Id, Size>>(() => new Map());
  const relations = map.relations;
  const collapsedIds = map.view.collapsed;
  // Recomputed when relations or the collapsed list change, not on drag frames (positions).
  const collapsedAway = useMemo(() => hiddenByCollapse(relations, collapsedIds), [relations, collapsedIds]);
  // Voices as layers: a hidden voice's cards leave the canvas (and the keyboard's route) like
  // collapsed ones, but by the layers' rule: React Flow's hidden flag would re-render the cards.
  const visibility = useLayers((s) => s.visibility);
  const nodeRecordForLayers = map.nodes;
  const hidden = useMemo(() => withHiddenVoices(collapsedAway, nodeRecordForLayers, visibility), [collapsedAway, nodeRecordForLayers, visibility]);
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;
  const nodes = useMemo(() => toFlowNodes(map, selectedNodes, sizes, collapsedAway), [map, selectedNodes, sizes, collapsedAway]);
  const nodeRecord = map.nodes;
  // Edges read only the relations and which nodes exist. A drag frame changes positions alone, so
  // it keeps this array: React Flow then does not rebuild its connection lookup over every edge.
  // A hidden voice's arrows go by the layers' rule too, so a toggle keeps this array.
  const edges = useMemo(() => voicedEdges(toFlowEdges({ ...map, relations, nodes: nodeRecord }, selectedRelations), nodeRecord), [relations, nodeRecord, selectedRelations]);
  useLayersRule(layersRule(visibility));
  const voicesPanel = useLayers((s) => s.panel);
  const legend = useLayers((s) => s.legend);

  const route = useCanvasRoute({ map, nodes, edges, selection, hidden, collapsedAway, culled: nodes.length > RENDER_ALL_BELOW });
  const box = useRef<HTMLDivElement>(null);
  const sizesRef = useRef(sizes);
  sizesRef.current = sizes;
  // Measured, else estimated from the text (the estimate React Flow culls with before it mounts a card).
  const sizeOf = useCallback((id: Id) => {
    const measured = sizesRef.current.get(id);
    if (measured) return measured;
    const m = editor.getState().history.present;
    return Object.hasOwn(m.nodes, id) ? estimatedSize(m.nodes[id]!, m.sources) : undefined;
  }, []);
  const culled = nodes.length > RENDER_ALL_BELOW;
  // The canvas's size as a ResizeObserver last saw it: reading clientWidth right after an
  // auto-layout's DOM writes forced a synchronous layout of the page (120-210 ms at 3,000 nodes).
  const boxSize = useRef({ width: 800, height: 600 });
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    boxSize.current = { width: el.clientWidth, height: el.clientHeight };
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => (boxSize.current = { width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const canvasSize = () => boxSize.current;
  useEffect(() => {
    setViewportCentre(() => {
      const r = box.current?.getBoundingClientRect();
      return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
    });
    const unregister = setNodeSizeSource(() => Object.fromEntries(sizesRef.current));
    const unzoom = setZoomer((ids) => {
      const m = editor.getState().history.present;
      const rects = ids.flatMap((id) => rectOfNode(m, id, sizeOf) ?? []);
      const v = fitRects(rects, canvasSize(), MIN_ZOOM);
      if (v) void flow.setViewport(v, { duration: 200 });
    });
    return () => {
      unregister();
      unzoom();
    };
  }, [flow, sizeOf]);

  useEffect(() => warmAutoLayoutWhenIdle(), []);

  // The arrows' reading direction and the cards their words avoid, once the arrangement settles.
  const positions = map.view.positions;
  const gesture = useEditor((s) => s.history.gestureBase !== undefined);
  const [cards, setCards] = useState<readonly Rect[]>([]);
  useEffect(() => {
    if (gesture) return;
    const settle = () => {
      const m = editor.getState().history.present;
      const byId = new Map<Id, Rect>();
      for (const id of Object.keys(m.nodes)) {
        // A hidden layer's cards keep their place: its arrows are not re-routed by a toggle (which would cost a frame's worth).
        const r = collapsedAway.has(id) ? undefined : rectOfNode(m, id, sizeOf);
        if (r) byId.set(id, r);
      }
      const rects = [...byId.values()];
      setArrangement(readingDirection(m, sizeOf), rects);
      const holes = () => {
        setCards(rects);
        // Arrows routed around the cards once they are measured (a culled map's off-screen cards are
        // never mounted: their estimates stand in, as for a hidden layer's), and again whenever they settle.
        if (culled || [...byId.keys()].every((id) => sizesRef.current.has(id) || hiddenRef.current.has(id))) routeWhenSettled(m, byId);
      };
      if (!culled) return holes();
      timers.push(setTimeout(holes, 0));
    };
    if (!culled) return settle();
    // A large map settles in tasks of its own (the labels' grid, then the cards' holes and the
    // routes), not in the one that moved it: an auto-layout's apply held the page 50-80 ms longer.
    const timers = [setTimeout(settle, 0)];
    return () => timers.forEach(clearTimeout);
  }, [positions, relations, sizes, collapsedAway, gesture, sizeOf, culled]);

  // Semantic zoom, outside React: a class and a type scale on the canvas, changed only when they change.
  const store = useStoreApi<FlowNode, FlowEdge>();
  useEffect(() => {
    let summary: boolean | null = null;
    let far: boolean | null = null;
    let scale = 0;
    const apply = (zoom: number) => {
      const el = box.current;
      if (!el) return;
      const now = zoom < SUMMARY_BELOW;
      if (now !== summary) {
        summary = now;
        el.classList.toggle('aa-zoomed-out', now);
      }
      const farNow = zoom < FAR_BELOW;
      if (farNow !== far) {
        far = farNow;
        el.classList.toggle('aa-zoomed-far', farNow);
      }
      const step = Math.min(SUMMARY_MAX_SCALE, SUMMARY_STEP ** Math.round(Math.log(1 / zoom) / Math.log(SUMMARY_STEP)));
      if (now && step !== scale) {
        scale = step;
        el.style.setProperty('--aa-summary-scale', String(step));
      }
    };
    apply(store.getState().transform[2]);
    return store.subscribe((s) => apply(s.transform[2]));
  }, [store]);

  // Move the view once every node has been measured (fitting needs their sizes); a culled map
  // mounts only what is in view, so it fits at once with the estimates of the rest.
  const fitMode = useEditor((s) => s.fitMode);
  const fitNodes = useEditor((s) => s.fitNodes);
  const fitted = useRef(-1);
  useEffect(() => {
    if (fitted.current === fitRequest) return;
    // Hidden (collapsed-away) nodes are never rendered, so never measured: do not wait for them.
    if (!culled && Object.keys(map.nodes).some((id) => !hidden.has(id) && !sizes.has(id))) return;
    fitted.current = fitRequest;
    requestAnimationFrame(() => {
      // A document's opening view reads the canvas as it is now (one forced layout, once per
      // document): the observer's size can trail the first frames, while panes and toolbar settle.
      const el = box.current;
      const opening = fitMode === 'opening' ? openingViewport(map, sizeOf, el ? { width: el.clientWidth, height: el.clientHeight } : canvasSize()) : null;
      if (opening) void flow.setViewport(opening);
      // A presentation's step: the camera glides to the nodes it reveals, large enough to read across a room.
      else if (fitNodes) void flow.fitView({ nodes: fitNodes.map((id) => ({ id })), padding: 0.25, maxZoom: 1.6, duration: 700 });
      else {
        // A hidden voice's cards are still React Flow's nodes: fit the ones left (none left: stay).
        const targets = fitTargets(map.nodes, hidden, collapsedAway);
        if (targets?.length !== 0) void flow.fitView({ padding: 0.05, duration: fitMode === 'all' ? 200 : 0, ...(targets ? { nodes: targets } : {}) });
      }
    });
  }, [fitRequest, fitMode, fitNodes, flow, sizes, map, hidden, collapsedAway, culled, sizeOf]);

  // A node whose text is being written is shown whole: zoomed out, the view zooms in on it.
  const editing = useEditor((s) => s.editing);
  useEffect(() => {
    if (editing === null || store.getState().transform[2] >= SUMMARY_BELOW) return;
    const m = editor.getState().history.present;
    const r = rectOfNode(m, editing, sizeOf);
    if (r) void flow.setCenter(r.x + r.w / 2, r.y + r.h / 2, { zoom: 1, duration: 200 });
  }, [editing, flow, store, sizeOf]);

  // A node selected from elsewhere (the sources pane, the inspector) is brought into view.
  useEffect(() => {
    if (selection.nodes.length !== 1) return;
    const id = selection.nodes[0]!;
    const { positions } = editor.getState().history.present.view;
    const p = Object.hasOwn(positions, id) ? positions[id] : undefined;
    const el = box.current;
    if (!p || !el) return;
    const size = sizesRef.current.get(id) ?? { width: 260, height: 110 };
    const { x, y, zoom } = flow.getViewport();
    const left = p.x * zoom + x;
    const top = p.y * zoom + y;
    const inView = left >= 0 && top >= 0 && left + size.width * zoom <= el.clientWidth && top + size.height * zoom <= el.clientHeight;
    if (!inView) void flow.setCenter(p.x + size.width / 2, p.y + size.height / 2, { zoom, duration: 200 });
  }, [selection.nodes, flow]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const moved: Record<Id, Point> = {};
    const measured: [Id, Size][] = [];
    let selectionChanged = false;
    const next = new Set(editor.getState().selection.nodes);
    for (const c of changes) {
      if (c.type === 'position' && c.position) moved[c.id] = c.position;
      else if (c.type === 'dimensions' && c.dimensions) measured.push([c.id, c.dimensions]);
      else if (c.type === 'select') {
        // A hidden layer's card is still React Flow's: a selection box must not take it.
        if (c.selected && hiddenRef.current.has(c.id)) continue;
        selectionChanged = true;
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
    }
    if (Object.keys(moved).length > 0) {
      const dragging = changes.some((c) => c.type === 'position' && c.dragging);
      // Drag frames are previews; a keyboard nudge (no drag) is a step of its own.
      if (dragging) previewMove(moved);
      else run(moveNodes(moved));
    }
    if (measured.length > 0)
      setSizes((prev) => {
        // The same map when nothing changed size (a card reported again at the size it had): a
        // new one would rebuild every node for React Flow and redraw the Overview.
        let next: Map<Id, Size> | null = null;
        for (const [id, d] of measured) {
          const old = (next ?? prev).get(id);
          if (!old || old.width !== d.width || old.height !== d.height) (next ??= new Map(prev)).set(id, { width: d.width, height: d.height });
        }
        return next ?? prev;
      });
    if (selectionChanged) select({ nodes: [...next], relations: editor.getState().selection.relations });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const next = new Set(editor.getState().selection.relations);
    let changed = false;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      changed = true;
      if (c.selected) next.add(relationOfEdge(c.id));
      else next.delete(relationOfEdge(c.id));
    }
    if (changed) select({ nodes: editor.getState().selection.nodes, relations: [...next] });
  }, []);

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback((_e, _node, dragged) => {
    const final: Record<Id, Point> = {};
    for (const n of dragged) final[n.id] = n.position;
    run(moveNodes(final));
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target && c.source !== c.target) setPending({ from: c.source, to: c.target, at: { ...pointer.current } });
  }, []);

  return (
    <div
      ref={box}
      className="aa-canvas"
      {...route.box}
      onPointerMove={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onPointerUp={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
    >
      <EdgeMarkers />
      <CardHoles cards={cards} />
      <ReactFlow<FlowNode, FlowEdge>
        nodes={route.nodes}
        edges={route.edges}
        edgesFocusable={false}
        ariaLabelConfig={ROUTE_ARIA_LABELS}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        connectionRadius={40}
        onlyRenderVisibleElements={culled}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        minZoom={MIN_ZOOM}
        maxZoom={2.5}
        proOptions={proOptions}
        onPaneContextMenu={(e) => {
          e.preventDefault();
          setMenu({ kind: 'pane', x: e.clientX, y: e.clientY, flowPoint: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
        }}
        onNodeContextMenu={(e, node) => {
          e.preventDefault();
          if (!selectedNodes.has(node.id)) select({ nodes: [node.id], relations: [] });
          setMenu({ kind: 'node', id: node.id, x: e.clientX, y: e.clientY, flowPoint: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
        }}
        onEdgeContextMenu={(e, edge) => {
          e.preventDefault();
          const id = relationOfEdge(edge.id);
          select({ nodes: [], relations: [id] });
          setMenu({ kind: 'relation', id, x: e.clientX, y: e.clientY, flowPoint: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
        }}
        aria-label="Argument map"
      >
        <Background gap={24} size={1} />
        {/* Top left: a map opens on its thesis at the left, centred on its claims, so that corner is free. */}
        <Overview sizeOf={sizeOf} sizes={sizes} collapsedAway={collapsedAway} />
        <Controls aria-label="Zoom controls" />
      </ReactFlow>
      {pending && <RelationPicker pending={pending} onClose={() => setPending(null)} />}
      {menu && <CanvasMenu menu={menu} onClose={() => setMenu(null)} />}
      {voicesPanel && <VoicesPanel />}
      {legend && <StatusLegend />}
      <WhyPopover />
    </div>
  );
}
