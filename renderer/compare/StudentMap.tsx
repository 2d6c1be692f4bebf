// The student's map beside the model, read-only: its cards where the student put them, marked
// "In the model" or "Not in the model". Selecting cards here selects their counterparts on the
// model's canvas; a node selected there highlights its counterpart here. The selection can be
// brought into the open map (with its relations) as one undo step.
import { useCallback, useEffect, useId, useMemo } from 'react';
import { Controls, Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeChange, type NodeProps } from '@xyflow/react';
import { NODE_KIND_LABELS, type ArgNode, type ArgumentMap, type Id } from '../../arguments/model';
import { KIND_GLYPH } from '../canvas/ArgumentNode';
import { VisibleText } from '../canvas/VisibleText';
import { useEditor, useReadOnly } from '../store/store';
import { bringIntoMap, partnersOfSelection, selectStudentNodes, setSideBySide, useCompare, type CompareSession } from './compareState';
import { CompareBadge } from './CompareMark';

type StudentCardData = { node: ArgNode; mark: 'extra' | 'shared'; partner: boolean };
type StudentFlowNode = Node<StudentCardData, 'student'>;

function StudentCard({ data }: NodeProps<StudentFlowNode>) {
  const { node } = data;
  return (
    <div className={`aa-node aa-student-card aa-kind-${node.kind} aa-compare-mark aa-compare-${data.mark}${data.partner ? ' aa-compare-partner' : ''}`}>
      <Handle type="target" position={Position.Left} className="aa-handle" isConnectable={false} />
      <div className="aa-node-head">
        <span className="aa-kind">
          <span aria-hidden="true">{KIND_GLYPH[node.kind]}</span> {NODE_KIND_LABELS[node.kind]}
        </span>
        {node.title && (
          <span className="aa-title" dir="auto">
            <VisibleText text={node.title} />
          </span>
        )}
        <CompareBadge mark={data.mark} />
      </div>
      <div className="aa-text" dir="auto">
        <VisibleText text={node.text || node.quote?.exact || ''} />
      </div>
      <Handle type="source" position={Position.Right} className="aa-handle" isConnectable={false} />
    </div>
  );
}

const nodeTypes = { student: StudentCard };
const proOptions = { hideAttribution: true };

function studentNodes(s: CompareSession, selection: ReadonlySet<Id>, partners: ReadonlySet<Id>): StudentFlowNode[] {
  const map = s.student;
  return Object.values(map.nodes).map((node) => ({
    id: node.id,
    type: 'student',
    position: Object.hasOwn(map.view.positions, node.id) ? map.view.positions[node.id]! : { x: 0, y: 0 },
    selected: selection.has(node.id),
    draggable: false,
    connectable: false,
    ariaLabel: `${NODE_KIND_LABELS[node.kind]}${node.title ? ` ${node.title}` : ''}: ${node.text || node.quote?.exact || 'empty'}`.slice(0, 200),
    data: { node, mark: s.studentMarks.get(node.id) ?? 'extra', partner: partners.has(node.id) },
  }));
}

/** Each premise's arrow to what it bears on; an undercut to the target of the inference it attacks. */
function studentEdges(map: ArgumentMap): Edge[] {
  const edges: Edge[] = [];
  for (const r of Object.values(map.relations)) {
    let to: Id | undefined = r.to;
    for (let hops = 0; to !== undefined && !Object.hasOwn(map.nodes, to) && hops < 16; hops++) to = Object.hasOwn(map.relations, to) ? map.relations[to]!.to : undefined;
    if (to === undefined || !Object.hasOwn(map.nodes, to)) continue;
    r.from.forEach((f, i) => {
      if (Object.hasOwn(map.nodes, f)) edges.push({ id: `${r.id}::${i}`, source: f, target: to, className: `aa-student-edge aa-student-edge-${r.kind}`, label: r.kind, focusable: false });
    });
  }
  return edges;
}

function Flow({ session }: { session: CompareSession }) {
  const studentSelection = useCompare((s) => s.studentSelection);
  const modelSelection = useEditor((s) => s.selection.nodes);
  const selection = useMemo(() => new Set(studentSelection), [studentSelection]);
  const partners = useMemo(() => partnersOfSelection(session, modelSelection), [session, modelSelection]);
  const nodes = useMemo(() => studentNodes(session, selection, partners), [session, selection, partners]);
  const edges = useMemo(() => studentEdges(session.student), [session]);
  // The counterparts of what is selected on the model are brought into view here.
  const flow = useReactFlow();
  useEffect(() => {
    if (partners.size > 0 && ![...partners].every((id) => selection.has(id))) void flow.fitView({ nodes: [...partners].map((id) => ({ id })), maxZoom: 1, duration: 400 });
    // Only when the model's selection changes.
  }, [partners]); // eslint-disable-line react-hooks/exhaustive-deps
  const onNodesChange = useCallback(
    (changes: NodeChange<StudentFlowNode>[]) => {
      const next = new Set(selection);
      for (const c of changes) if (c.type === 'select') c.selected ? next.add(c.id) : next.delete(c.id);
      if (next.size !== selection.size || [...next].some((id) => !selection.has(id))) selectStudentNodes([...next]);
    },
    [selection],
  );
  return (
    <ReactFlow<StudentFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      deleteKeyCode={null}
      multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      fitView
      minZoom={0.05}
      proOptions={proOptions}
      aria-label="The student’s map (read-only)"
    >
      <Controls showInteractive={false} aria-label="Zoom the student’s map" />
    </ReactFlow>
  );
}

export function StudentMap() {
  const base = useId();
  const session = useCompare((s) => s.session)!;
  const chosen = useCompare((s) => s.studentSelection);
  const readOnly = useReadOnly();
  return (
    <section className="aa-compare-student" aria-labelledby={`${base}-h`}>
      <div className="aa-compare-bar">
        <h2 id={`${base}-h`}>
          The student’s map <span className="aa-compare-quiet">(read-only)</span>
        </h2>
        <div className="aa-compare-actions">
          <button type="button" disabled={readOnly || chosen.length === 0} onClick={() => bringIntoMap()} title={readOnly ? 'The open map is read-only' : 'Bring the selected nodes, with their connections, into the open map (one undo step)'}>
            {chosen.length > 1 ? `Bring ${chosen.length} nodes into this map` : 'Bring into this map'}
          </button>
          <button type="button" onClick={() => setSideBySide(false)}>
            Hide
          </button>
        </div>
      </div>
      <div className="aa-compare-flow">
        <ReactFlowProvider>
          <Flow session={session} />
        </ReactFlowProvider>
      </div>
    </section>
  );
}
