// Connect without the mouse: from the selected node, choose a relation and a target
// by typing part of its text. Undercuts target inferences (arrows), the others nodes.
import { useEffect, useMemo, useRef, useState } from 'react';
import { NODE_KIND_LABELS, RELATION_KINDS, type ArgumentMap, type Id, type RelationKind } from '../../arguments/model';
import { connect, freshId } from '../../arguments/operations';
import { getMap, run, select, useEditor } from '../store/store';
import { closeConnectDialog, useConnectDialog } from './connectDialogState';

interface Choice {
  id: Id;
  label: string;
}

const nodeOf = (map: ArgumentMap, id: Id) => (Object.hasOwn(map.nodes, id) ? map.nodes[id] : undefined);

function nodeLabel(map: ArgumentMap, id: Id): string {
  const n = nodeOf(map, id);
  if (!n) return id;
  return `${n.title ? n.title + ': ' : ''}${n.text || n.quote?.exact || '(empty)'} — ${NODE_KIND_LABELS[n.kind]}`;
}

function choices(map: ArgumentMap, from: Id | null, kind: RelationKind): Choice[] {
  if (kind === 'undercuts')
    return Object.values(map.relations)
      .filter((r) => !r.from.includes(from ?? ''))
      .map((r) => ({ id: r.id, label: `Inference: ${r.from.map((f) => nodeOf(map, f)?.title ?? nodeOf(map, f)?.text.slice(0, 30)).join(' + ')} ${r.kind} ${nodeOf(map, r.to)?.title ?? nodeOf(map, r.to)?.text.slice(0, 30) ?? r.to}` }));
  return Object.keys(map.nodes)
    .filter((id) => id !== from)
    .map((id) => ({ id, label: nodeLabel(map, id) }));
}

export function ConnectDialog() {
  const { open, from: initialFrom, attack } = useConnectDialog((s) => s);
  const selectedNode = useEditor((s) => s.selection.nodes[0] ?? null);
  if (!open) return null;
  return <ConnectForm key={`${initialFrom}-${attack}`} from={initialFrom ?? selectedNode} attack={attack} />;
}

function ConnectForm({ from: fromInit, attack }: { from: Id | null; attack: Id | null }) {
  const map = getMap();
  const [from, setFrom] = useState<Id | null>(attack ? null : fromInit);
  const [kind, setKind] = useState<RelationKind>(attack ? 'undercuts' : 'supports');
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  // Choosing the attacker of a given inference, or the target from a given node.
  const pickingSource = attack !== null;
  const list = useMemo(() => {
    const all = pickingSource ? Object.keys(map.nodes).map((id) => ({ id, label: nodeLabel(map, id) })) : choices(map, from, kind);
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return all.filter((c) => words.every((w) => c.label.toLowerCase().includes(w))).slice(0, 50);
  }, [map, from, kind, filter, pickingSource]);

  const submit = (choice: Choice | undefined) => {
    if (!choice) return;
    const source = pickingSource ? choice.id : from;
    const target = pickingSource ? attack! : choice.id;
    if (!source) {
      setError('Select the node to connect from first.');
      return;
    }
    const id = freshId(getMap(), 'r');
    if (run(connect({ id, kind, from: [source], to: target }))) {
      select({ nodes: [], relations: [id] });
      closeConnectDialog();
    }
  };

  return (
    <div className="aa-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeConnectDialog()}>
      <div className="aa-modal" role="dialog" aria-modal="true" aria-labelledby="aa-connect-title" onKeyDown={(e) => e.key === 'Escape' && closeConnectDialog()}>
        <h2 id="aa-connect-title">{pickingSource ? 'Undercut an inference' : 'Connect'}</h2>
        {!pickingSource && (
          <p className="aa-muted">
            From: <strong>{from ? nodeLabel(map, from) : 'no node selected'}</strong>
          </p>
        )}
        {!pickingSource && (
          <label className="aa-field">
            Relation
            <select value={kind} onChange={(e) => { setKind(e.target.value as RelationKind); setActive(0); }}>
              {RELATION_KINDS.map((k) => (
                <option key={k} value={k}>{k}</option>
              ))}
            </select>
          </label>
        )}
        <label className="aa-field">
          {pickingSource ? 'Attacking node' : kind === 'undercuts' ? 'Inference to undercut' : 'To'}
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls="aa-connect-list"
            aria-activedescendant={list[active] ? `aa-choice-${list[active]!.id}` : undefined}
            value={filter}
            placeholder="Type to filter"
            onChange={(e) => { setFilter(e.target.value); setActive(0); }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, list.length - 1)); }
              else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
              else if (e.key === 'Enter') { e.preventDefault(); submit(list[active]); }
            }}
          />
        </label>
        <ul id="aa-connect-list" role="listbox" className="aa-choices" aria-label="Targets">
          {list.map((c, i) => (
            <li key={c.id} id={`aa-choice-${c.id}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); submit(c); }}>
              {c.label}
            </li>
          ))}
        </ul>
        {error && <p className="aa-error" role="alert">{error}</p>}
        <div className="aa-modal-buttons">
          <button type="button" onClick={() => submit(list[active])}>Connect</button>
          <button type="button" onClick={closeConnectDialog}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
