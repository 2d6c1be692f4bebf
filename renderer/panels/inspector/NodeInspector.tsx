// The inspector of one node: kind, text, title, voice, its quote and its relations.
import { KNOWN_VOICES, NODE_KINDS, NODE_KIND_LABELS, type ArgNode } from '../../../arguments/model';
import { editNode } from '../../../arguments/operations';
import { deleteSelection } from '../../commands';
import { getMap, run, select, useMap, useReadOnly } from '../../store/store';
import { openConnectDialog } from '../connectDialogState';
import { CommitField } from './CommitField';
import { describeRelation } from './describe';
import { QuoteSection } from './QuoteSection';
import { EvaluationSection, StatusSection } from '../../status/EvaluationSection';
import { ThreadsSection } from '../../comments/ThreadsSection';

const VOICES_ID = 'aa-voices';

export function NodeInspector({ node }: { node: ArgNode }) {
  // Not the whole map: the inspector must not re-render on every drag frame.
  const relations = useMap((m) => m.relations);
  const locked = useReadOnly();
  const related = Object.values(relations).filter((r) => r.to === node.id || r.from.includes(node.id));
  return (
    <>
      <h2 className="aa-inspector-title">{NODE_KIND_LABELS[node.kind]}{node.title ? `: ${node.title}` : ''}</h2>
      <label className="aa-field">
        Kind
        <select value={node.kind} disabled={locked} onChange={(e) => run(editNode(node.id, { kind: e.target.value as ArgNode['kind'] }))}>
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>{NODE_KIND_LABELS[k]}</option>
          ))}
        </select>
      </label>
      <CommitField label="Text" multiline value={node.text} onCommit={(text) => run(editNode(node.id, { text }))} />
      <CommitField label="Title" value={node.title ?? ''} placeholder="e.g. Claim 5" onCommit={(t) => run(editNode(node.id, { title: t.trim() || undefined }))} />
      <label className="aa-field">
        Voice
        <input
          type="text"
          list={VOICES_ID}
          defaultValue={node.voice ?? ''}
          readOnly={locked}
          key={`${node.id}-${node.voice}`}
          onBlur={(e) => e.target.value.trim() !== (node.voice ?? '') && run(editNode(node.id, { voice: e.target.value.trim() || undefined }))}
          onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }}
        />
        <datalist id={VOICES_ID}>{KNOWN_VOICES.map((v) => <option key={v} value={v} />)}</datalist>
      </label>
      <QuoteSection node={node} />
      <StatusSection id={node.id} />
      <EvaluationSection id={node.id} />
      <section aria-label="Relations">
        <h3>Relations</h3>
        {related.length === 0 && <p className="aa-muted">Not connected. Press C to connect.</p>}
        <ul className="aa-rel-list">
          {related.map((r) => (
            <li key={r.id}>
              <button type="button" className="aa-link" onClick={() => select({ nodes: [], relations: [r.id] })}>
                {describeRelation(getMap(), r)}
              </button>
            </li>
          ))}
        </ul>
        {!locked && <button type="button" onClick={() => openConnectDialog(node.id)}>Connect…</button>}
      </section>
      <ThreadsSection target={node.id} />
      {!locked && <button type="button" className="aa-danger" onClick={deleteSelection}>Delete node</button>}
    </>
  );
}
