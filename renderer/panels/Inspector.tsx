// The inspector: the full text and every field of what is selected, editable. Text is
// committed as one undo step when the field loses focus (or on Ctrl+Enter), not per key.
// A node's inspector (with its quote) is in inspector/.
import { RELATION_KINDS, type Relation, type RelationKind } from '../../arguments/model';
import { setMeta, setRelationKind, setRelationVoice } from '../../arguments/operations';
import { deleteSelection, unlinkSelectedPremises } from '../commands';
import { getMap, run, useEditor, useMap, useReadOnly } from '../store/store';
import { openConnectDialog } from './connectDialogState';
import { CommitField } from './inspector/CommitField';
import { describeRelation } from './inspector/describe';
import { NodeInspector } from './inspector/NodeInspector';
import { EvaluationSection, StatusSection } from '../status/EvaluationSection';
import { ThreadsSection } from '../comments/ThreadsSection';

function RelationInspector({ relation }: { relation: Relation }) {
  const locked = useReadOnly();
  const allowed = RELATION_KINDS.filter((k) => (k === 'undercuts') === (relation.kind === 'undercuts'));
  return (
    <>
      <h2 className="aa-inspector-title">Relation: {relation.kind}</h2>
      <p>{describeRelation(getMap(), relation)}</p>
      <label className="aa-field">
        Kind
        <select value={relation.kind} disabled={locked} onChange={(e) => run(setRelationKind(relation.id, e.target.value as RelationKind))}>
          {allowed.map((k) => (
            <option key={k} value={k}>{k}</option>
          ))}
        </select>
      </label>
      <CommitField label="Voice" value={relation.voice ?? ''} onCommit={(v) => run(setRelationVoice(relation.id, v.trim() || undefined))} />
      {relation.kind !== 'qualifies' && (
        <>
          <StatusSection id={relation.id} />
          <EvaluationSection id={relation.id} />
        </>
      )}
      {relation.from.length > 1 && (
        <p>
          Linked premises: the inference holds only with all {relation.from.length} together.{' '}
          {!locked && <button type="button" onClick={unlinkSelectedPremises}>Unlink</button>}
        </p>
      )}
      {!locked && <button type="button" onClick={() => openConnectDialog(null, relation.id)}>Undercut this inference…</button>}
      <ThreadsSection target={relation.id} />
      {!locked && <button type="button" className="aa-danger" onClick={deleteSelection}>Delete relation</button>}
    </>
  );
}

function MapInspector() {
  const meta = useMap((m) => m.meta);
  const counts = useMap((m) => `${Object.keys(m.nodes).length} nodes, ${Object.keys(m.relations).length} relations, ${Object.keys(m.sources).length} sources`);
  return (
    <>
      <h2 className="aa-inspector-title">Map</h2>
      <CommitField label="Title" value={meta.title} onCommit={(title) => run(setMeta({ title }))} />
      <CommitField label="Authors (comma-separated)" value={meta.authors.join(', ')} onCommit={(a) => run(setMeta({ authors: a.split(',').map((s) => s.trim()).filter(Boolean) }))} />
      <CommitField label="Description" multiline value={meta.description ?? ''} onCommit={(d) => run(setMeta({ description: d || undefined }))} />
      <p className="aa-muted">{counts}</p>
    </>
  );
}

export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const only = (ids: readonly string[], others: readonly string[]) => (ids.length === 1 && others.length === 0 ? ids[0]! : undefined);
  const nodeId = only(selection.nodes, selection.relations);
  const relationId = only(selection.relations, selection.nodes);
  const node = useMap((m) => (nodeId !== undefined && Object.hasOwn(m.nodes, nodeId) ? m.nodes[nodeId] : undefined));
  const relation = useMap((m) => (relationId !== undefined && Object.hasOwn(m.relations, relationId) ? m.relations[relationId] : undefined));
  const count = selection.nodes.length + selection.relations.length;
  const locked = useReadOnly();
  return (
    <aside className="aa-inspector" aria-label="Inspector">
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : relation ? (
        <RelationInspector key={relation.id} relation={relation} />
      ) : count > 1 ? (
        <>
          <h2 className="aa-inspector-title">{count} items selected</h2>
          {!locked && <button type="button" className="aa-danger" onClick={deleteSelection}>Delete {count} items</button>}
        </>
      ) : (
        <MapInspector />
      )}
    </aside>
  );
}
