// Benchmark baseline: bare @xyflow/react 12 with default settings, as its documentation
// starts an app: controlled nodes and edges (useNodesState / useEdgesState), one custom node
// type (a plain card showing the same text as the app's node: kind, title, text, quote),
// default edges (one per premise; an undercut drawn to the target of the inference it
// attacks, as the app does), editing through updateNodeData. Only the view matches the app:
// the same zoom range and the same opening view (the first thesis at the top, centred, at the
// app's zoom), so both draw the same part of the map.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import * as xyflow from '@xyflow/react';
import { Position, ReactFlow, ReactFlowProvider, useEdgesState, useNodesState, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './baseline.css';
import { installProbe, reportError, reportWhenReady } from './probe.js';

installProbe();

// (A named import of Handle trips TypeScript's checkJs: the package exports a type of the same name.)
const Handle = xyflow.Handle;

/**
 * @typedef {{ kind: string, title?: string, text: string, quote?: string, voice?: string }} CardData
 * @typedef {import('@xyflow/react').Node<CardData, 'card'>} CardNode
 * @typedef {import('@xyflow/react').Edge} PlainEdge
 */

/** @param {import('@xyflow/react').NodeProps<CardNode>} props */
function Card({ id, data }) {
  const { updateNodeData } = useReactFlow();
  const [editing, setEditing] = useState(false);
  return (
    <div className={`card card-${data.kind}`} onDoubleClick={() => setEditing(true)}>
      <Handle type="target" position={Position.Top} />
      <div className="card-head">
        {data.kind}
        {data.title ? ` · ${data.title}` : ''}
      </div>
      {editing ? (
        <textarea className="nodrag" aria-label="Node text" autoFocus value={data.text} onChange={(e) => updateNodeData(id, { text: e.target.value })} onBlur={() => setEditing(false)} />
      ) : (
        <div className="card-text">{data.text}</div>
      )}
      {data.quote && <blockquote className="card-quote">“{data.quote}”</blockquote>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

const nodeTypes = { card: Card };

/**
 * @param {{ nodes: CardNode[], edges: PlainEdge[], voices: string[], viewport: import('@xyflow/react').Viewport }} props
 */
function Flow(props) {
  const [nodes, setNodes, onNodesChange] = useNodesState(props.nodes);
  const [edges, , onEdgesChange] = useEdgesState(props.edges);
  /**
   * A voice's layer the plain React Flow way (the layer toggle's baseline): its nodes hidden, or dimmed by style.
   * @param {string} voice
   * @param {string} how
   */
  const showVoice = (voice, how) =>
    setNodes((ns) => ns.map((n) => (n.data.voice !== voice ? n : { ...n, hidden: how === 'hidden', style: how === 'dimmed' ? { opacity: 0.35 } : {} })));
  return (
    <>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} nodeTypes={nodeTypes} defaultViewport={props.viewport} minZoom={0.05} maxZoom={2.5} />
      <div className="voice-layers">
        {props.voices.map((voice) => (
          <select key={voice} aria-label={`${voice} on the map`} defaultValue="shown" onChange={(e) => showVoice(voice, e.target.value)}>
            <option value="shown">shown</option>
            <option value="dimmed">dimmed</option>
            <option value="hidden">hidden</option>
          </select>
        ))}
      </div>
    </>
  );
}

/**
 * The file as plain React Flow nodes and edges.
 * @param {any} file
 * @returns {{ nodes: CardNode[], edges: PlainEdge[] }}
 */
function toPlain(file) {
  /** @type {Record<string, { x: number, y: number }>} */
  const positions = file.view.positions;
  /** @type {CardNode[]} */
  const nodes = file.nodes.map((/** @type {any} */ n) => ({
    id: n.id,
    type: 'card',
    position: positions[n.id] ?? { x: 0, y: 0 },
    data: { kind: n.kind, title: n.title, text: n.text, quote: n.quote?.exact, voice: n.voice },
  }));
  /** @type {Map<string, any>} */
  const relations = new Map(file.relations.map((/** @type {any} */ r) => [r.id, r]));
  /** @type {PlainEdge[]} */
  const edges = [];
  for (const r of file.relations) {
    if (r.kind === 'undercuts') {
      const attacked = relations.get(r.to);
      if (attacked) edges.push({ id: r.id, source: r.from[0], target: attacked.to });
    } else r.from.forEach((/** @type {string} */ premise, /** @type {number} */ i) => edges.push({ id: `${r.id}:${i}`, source: premise, target: r.to }));
  }
  return { nodes, edges };
}

/**
 * The app's opening view (renderer/canvas/MapCanvas.tsx: openingViewport), for cards 260 px wide:
 * the first thesis centred at the top, its claims in view if they fit, at a zoom of 45-100 %.
 * @param {any} file
 * @param {number} width
 */
function openingViewport(file, width) {
  /** @type {Record<string, { x: number, y: number }>} */
  const positions = file.view.positions;
  const theses = file.nodes.filter((/** @type {any} */ n) => n.kind === 'thesis').map((/** @type {any} */ n) => n.id);
  const top = new Set(theses);
  for (const r of file.relations) if (top.has(r.to) && r.kind !== 'undercuts') r.from.forEach((/** @type {string} */ f) => top.add(f));
  const ids = [...top].filter((id) => positions[id]);
  const anchor = theses[0] && positions[theses[0]];
  if (ids.length < 2 || !anchor) return { x: 0, y: 0, zoom: 1 };
  const xs = ids.flatMap((id) => [/** @type {any} */ (positions[id]).x, /** @type {any} */ (positions[id]).x + 260]);
  const span = Math.max(...xs) - Math.min(...xs);
  const zoom = Math.min(1, Math.max(0.45, (width - 40) / span));
  return { x: width / 2 - (anchor.x + 130) * zoom, y: 24 - anchor.y * zoom, zoom };
}

async function main() {
  const size = new URLSearchParams(location.search).get('map') ?? '100';
  const response = await fetch(`maps/${encodeURIComponent(size)}.argmap.json`);
  if (!response.ok) throw new Error(`maps/${size}.argmap.json: HTTP ${response.status}`);
  const file = await response.json();
  const { nodes, edges } = toPlain(file);
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    <StrictMode>
      <ReactFlowProvider>
        <Flow nodes={nodes} edges={edges} voices={[...new Set(nodes.map((n) => n.data.voice ?? ''))].filter((v) => v !== '').sort()} viewport={openingViewport(file, window.innerWidth)} />
      </ReactFlowProvider>
    </StrictMode>,
  );
  reportWhenReady({ viewportMoved: false });
}

main().catch(reportError);
