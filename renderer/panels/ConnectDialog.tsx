// Connect without the mouse: from a node (the selected one, else chosen first), choose a relation
// (proposed from the node's kind) and a target by typing part of its text. Nothing is connected
// until Enter or Connect; focus then goes to the node connected from. Undercuts target
// inferences (arrows), the others nodes.
import { useId, useMemo, useRef, useState } from 'react';
import { NODE_KIND_LABELS, RELATION_KINDS, type ArgumentMap, type Id, type RelationKind } from '../../arguments/model';
import { connect } from '../../arguments/operations';
import { excerpt } from '../../arguments/text/excerpt';
import { describeRelationForReader } from '../canvas/describe';
import { focusArea, focusNodeSoon, restoreFocusSoon } from '../canvas/navigation';
import { attempt, getMap, newId, select, useEditor } from '../store/store';
import { closeConnectDialog, DEFAULT_RELATION, useConnectDialog } from './connectDialogState';
import { Modal } from './Modal';

interface Choice {
  id: Id;
  /** Shown: the title and the first words, cut between words. */
  label: string;
  /** What typing is matched against: everything the reader may remember, not only the label. */
  words: string;
}

const RELATION_LABELS = {
  supports: 'supports',
  opposes: 'opposes',
  qualifies: 'qualifies',
  undercuts: 'undercuts (attacks an inference)',
} as const satisfies Record<RelationKind, string>;

function nodeChoice(map: ArgumentMap, id: Id): Choice {
  const n = map.nodes[id]!;
  const body = n.text || n.quote?.exact || '';
  const kind = NODE_KIND_LABELS[n.kind];
  return {
    id,
    label: `${n.title ? `${n.title}: ` : ''}${excerpt(body, 120) || '(empty)'} — ${kind}`,
    words: `${kind} ${n.title ?? ''} ${n.text} ${n.quote?.exact ?? ''} ${n.voice ?? ''}`.toLowerCase(),
  };
}

function nodeChoices(map: ArgumentMap, except: Id | null): Choice[] {
  return Object.keys(map.nodes)
    .filter((id) => id !== except)
    .map((id) => nodeChoice(map, id));
}

function inferenceChoices(map: ArgumentMap, from: Id | null): Choice[] {
  const text = (id: Id) => (Object.hasOwn(map.nodes, id) ? nodeChoice(map, id).words : '');
  return Object.values(map.relations)
    .filter((r) => from === null || !r.from.includes(from))
    .map((r) => ({ id: r.id, label: `Inference: ${describeRelationForReader(map, r)}`, words: `${r.kind} ${r.from.map(text).join(' ')} ${text(r.to)}` }));
}

const matching = (all: Choice[], filter: string) => {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((c) => words.every((w) => c.words.includes(w) || c.label.toLowerCase().includes(w))).slice(0, 50);
};

export function ConnectDialog() {
  const { open, from, attack } = useConnectDialog((s) => s);
  const selectedNode = useEditor((s) => s.selection.nodes[0] ?? null);
  if (!open) return null;
  return <ConnectForm key={`${from}-${attack}`} initialFrom={attack ? null : (from ?? selectedNode)} attack={attack} />;
}

function ConnectForm({ initialFrom, attack }: { initialFrom: Id | null; attack: Id | null }) {
  const [map] = useState(getMap);
  // Where focus was when the dialog opened (canvas or outline): it goes back there.
  const [area] = useState(focusArea);
  const uid = useId();
  const kindOf = (id: Id | null) => (id !== null && Object.hasOwn(map.nodes, id) ? map.nodes[id]!.kind : null);
  const [from, setFrom] = useState<Id | null>(kindOf(initialFrom) ? initialFrom : null);
  const [kind, setKind] = useState<RelationKind>(() => (attack ? 'undercuts' : DEFAULT_RELATION[kindOf(initialFrom) ?? 'claim']));
  const [kindChosen, setKindChosen] = useState(false);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // Choosing the attacker of a given inference; else the node to connect from (when none is selected), then the target.
  const pickingAttacker = attack !== null;
  const step: 'from' | 'to' = !pickingAttacker && from === null ? 'from' : 'to';
  const list = useMemo(() => {
    const all = step === 'from' || pickingAttacker ? nodeChoices(map, null) : kind === 'undercuts' ? inferenceChoices(map, from) : nodeChoices(map, from);
    return matching(all, filter);
  }, [map, from, kind, filter, step, pickingAttacker]);

  const close = () => {
    closeConnectDialog();
    restoreFocusSoon(area);
  };

  const chooseFrom = (id: Id) => {
    setFrom(id);
    if (!kindChosen) setKind(DEFAULT_RELATION[kindOf(id) ?? 'claim']);
    setFilter('');
    setActive(0);
    setError(null);
    requestAnimationFrame(() => input.current?.focus());
  };

  const submit = () => {
    const choice = list[active];
    if (!choice) {
      setError(filter ? `Nothing matches “${filter}”. Type fewer or other words.` : 'There is nothing to choose.');
      return;
    }
    if (step === 'from') return chooseFrom(choice.id);
    const source = pickingAttacker ? choice.id : from!;
    const target = pickingAttacker ? attack! : choice.id;
    const id = newId('r');
    const refusal = attempt(connect({ id, kind, from: [source], to: target }));
    if (refusal !== null) {
      setError(refusal);
      return;
    }
    select({ nodes: [], relations: [id] });
    focusNodeSoon(source, area);
    closeConnectDialog();
  };

  const fieldLabel = step === 'from' ? 'From' : pickingAttacker ? 'Attacking node' : kind === 'undercuts' ? 'Inference to undercut' : 'To';
  const listId = `${uid}-list`;
  const attacked = attack !== null && Object.hasOwn(map.relations, attack) ? map.relations[attack]! : null;
  return (
    <Modal labelledBy={`${uid}-title`} describedBy={`${uid}-hint`} className="aa-connect" onClose={close} initialFocus={input}>
      <h2 id={`${uid}-title`}>{pickingAttacker ? 'Undercut an inference' : 'Connect'}</h2>
      {pickingAttacker && attacked && <p className="aa-muted">Inference: {describeRelationForReader(map, attacked)}</p>}
      {!pickingAttacker && step === 'to' && (
        <p className="aa-muted">
          From: <strong>{nodeChoice(map, from!).label}</strong>{' '}
          <button type="button" className="aa-link" onClick={() => { setFrom(null); setFilter(''); setActive(0); requestAnimationFrame(() => input.current?.focus()); }}>
            Change
          </button>
        </p>
      )}
      {step === 'from' && <p className="aa-muted">No node is selected: first choose the node to connect from.</p>}
      {!pickingAttacker && step === 'to' && (
        <label className="aa-field">
          Relation
          <select value={kind} onChange={(e) => { setKind(e.target.value as RelationKind); setKindChosen(true); setActive(0); }}>
            {RELATION_KINDS.map((k) => (
              <option key={k} value={k}>{RELATION_LABELS[k]}</option>
            ))}
          </select>
        </label>
      )}
      <label className="aa-field">
        {fieldLabel}
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={list[active] ? `${uid}-option-${active}` : undefined}
          value={filter}
          placeholder="Type to filter"
          onChange={(e) => { setFilter(e.target.value); setActive(0); setError(null); }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, list.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            else if (e.key === 'Home' && e.ctrlKey) { e.preventDefault(); setActive(0); }
            else if (e.key === 'End' && e.ctrlKey) { e.preventDefault(); setActive(Math.max(0, list.length - 1)); }
            else if (e.key === 'Enter') { e.preventDefault(); submit(); }
          }}
        />
      </label>
      <ul id={listId} role="listbox" className="aa-choices" aria-label={step === 'from' ? 'Nodes to connect from' : 'Targets'}>
        {list.map((c, i) => (
          <li
            key={c.id}
            id={`${uid}-option-${i}`}
            data-id={c.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            // Choosing is not connecting: Enter or Connect does that.
            onMouseDown={(e) => { e.preventDefault(); setActive(i); }}
          >
            {c.label}
          </li>
        ))}
      </ul>
      <p id={`${uid}-hint`} className="aa-muted aa-connect-hint">
        {step === 'from' ? 'Enter chooses it; then the relation and the target.' : 'Nothing is connected until you press Enter or Connect.'}
      </p>
      {error && <p className="aa-error" role="alert">{error}</p>}
      <div className="aa-modal-buttons">
        <button type="button" onClick={submit}>{step === 'from' ? 'Choose' : 'Connect'}</button>
        <button type="button" onClick={close}>Cancel</button>
      </div>
    </Modal>
  );
}
