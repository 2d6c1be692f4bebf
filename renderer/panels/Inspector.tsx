// The inspector: the full text and every field of what is selected, editable. Text is
// committed as one undo step when the field loses focus (or on Ctrl+Enter), not per key.
import { useEffect, useState } from 'react';
import { formatCitation } from '../../arguments/citation';
import { KNOWN_VOICES, NODE_KINDS, NODE_KIND_LABELS, RELATION_KINDS, type ArgNode, type Id, type Relation, type RelationKind } from '../../arguments/model';
import { editNode, setMeta, setRelationKind, setRelationVoice } from '../../arguments/operations';
import { checkQuote } from '../canvas/quoteStatus';
import { deleteSelection, unlinkSelectedPremises } from '../commands';
import { getMap, run, select, useEditor, useMap } from '../store/store';
import { openConnectDialog } from './connectDialogState';

/** A text field that commits on blur / Ctrl+Enter and resets when the value changes elsewhere (undo). */
function CommitField({ label, value, onCommit, multiline, placeholder }: { label: string; value: string; onCommit: (v: string) => void; multiline?: boolean; placeholder?: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const props = {
    value: draft,
    placeholder,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !multiline)) {
        e.preventDefault();
        commit();
      }
      if (e.key === 'Escape') setDraft(value);
    },
  };
  return (
    <label className="aa-field">
      {label}
      {multiline ? <textarea rows={6} {...props} /> : <input type="text" {...props} />}
    </label>
  );
}

const VOICES_ID = 'aa-voices';

function NodeInspector({ node }: { node: ArgNode }) {
  // Not the whole map: the inspector must not re-render on every drag frame.
  const relations = useMap((m) => m.relations);
  const sources = useMap((m) => m.sources);
  const related = Object.values(relations).filter((r) => r.to === node.id || r.from.includes(node.id));
  const check = checkQuote(sources, node);
  const source = node.quote ? sources[node.quote.source] : undefined;
  return (
    <>
      <h2 className="aa-inspector-title">{NODE_KIND_LABELS[node.kind]}{node.title ? `: ${node.title}` : ''}</h2>
      <label className="aa-field">
        Kind
        <select value={node.kind} onChange={(e) => run(editNode(node.id, { kind: e.target.value as ArgNode['kind'] }))}>
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
          key={`${node.id}-${node.voice}`}
          onBlur={(e) => e.target.value.trim() !== (node.voice ?? '') && run(editNode(node.id, { voice: e.target.value.trim() || undefined }))}
          onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }}
        />
        <datalist id={VOICES_ID}>{KNOWN_VOICES.map((v) => <option key={v} value={v} />)}</datalist>
      </label>
      {node.quote && (
        <section className="aa-inspector-quote" aria-label="Quoted passage">
          <h3>Quote</h3>
          <blockquote>“{node.quote.exact}”</blockquote>
          <p className="aa-muted">
            {source ? source.title : `missing source “${node.quote.source}”`}
            {source?.citation ? ` — ${formatCitation(source.citation)}` : ''}
          </p>
          <p className={`aa-audit aa-audit-${check?.status}`}>
            {check?.status === 'verbatim' && '✓ Found word for word in the source.'}
            {check?.status === 'normalized' && '≈ Found in the source apart from spacing or quotation marks.'}
            {check?.status === 'not-found' && '⚠ Not found in the source: the quote differs from the text.'}
          </p>
        </section>
      )}
      <section aria-label="Relations">
        <h3>Relations</h3>
        {related.length === 0 && <p className="aa-muted">Not connected. Press C to connect.</p>}
        <ul className="aa-rel-list">
          {related.map((r) => (
            <li key={r.id}>
              <button type="button" className="aa-link" onClick={() => select({ nodes: [], relations: [r.id] })}>
                {describeRelation(r)}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => openConnectDialog(node.id)}>Connect…</button>
      </section>
      <button type="button" className="aa-danger" onClick={deleteSelection}>Delete node</button>
    </>
  );
}

function nodeName(id: Id): string {
  const n = getMap().nodes[id];
  if (!n) return id;
  const t = n.title ?? (n.text || n.quote?.exact || '(empty)');
  return t.length > 50 ? t.slice(0, 49) + '…' : t;
}

function describeRelation(r: Relation): string {
  const map = getMap();
  const target = r.kind === 'undercuts' ? `the inference ${map.relations[r.to] ? describeRelation(map.relations[r.to]!) : r.to}` : nodeName(r.to);
  return `${r.from.map(nodeName).join(' + ')} ${r.kind} ${target}`;
}

function RelationInspector({ relation }: { relation: Relation }) {
  const allowed = RELATION_KINDS.filter((k) => (k === 'undercuts') === (relation.kind === 'undercuts'));
  return (
    <>
      <h2 className="aa-inspector-title">Relation: {relation.kind}</h2>
      <p>{describeRelation(relation)}</p>
      <label className="aa-field">
        Kind
        <select value={relation.kind} onChange={(e) => run(setRelationKind(relation.id, e.target.value as RelationKind))}>
          {allowed.map((k) => (
            <option key={k} value={k}>{k}</option>
          ))}
        </select>
      </label>
      <CommitField label="Voice" value={relation.voice ?? ''} onCommit={(v) => run(setRelationVoice(relation.id, v.trim() || undefined))} />
      {relation.from.length > 1 && (
        <p>
          Linked premises: the inference holds only with all {relation.from.length} together.{' '}
          <button type="button" onClick={unlinkSelectedPremises}>Unlink</button>
        </p>
      )}
      <button type="button" onClick={() => openConnectDialog(null, relation.id)}>Undercut this inference…</button>
      <button type="button" className="aa-danger" onClick={deleteSelection}>Delete relation</button>
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
  const node = useMap((m) => (selection.nodes.length === 1 && selection.relations.length === 0 ? m.nodes[selection.nodes[0]!] : undefined));
  const relation = useMap((m) => (selection.nodes.length === 0 && selection.relations.length === 1 ? m.relations[selection.relations[0]!] : undefined));
  const count = selection.nodes.length + selection.relations.length;
  return (
    <aside className="aa-inspector" aria-label="Inspector">
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : relation ? (
        <RelationInspector key={relation.id} relation={relation} />
      ) : count > 1 ? (
        <>
          <h2 className="aa-inspector-title">{count} items selected</h2>
          <button type="button" className="aa-danger" onClick={deleteSelection}>Delete {count} items</button>
        </>
      ) : (
        <MapInspector />
      )}
    </aside>
  );
}
