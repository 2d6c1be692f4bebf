// After a drag from one node to another: which relation is it? (Keyboard: 1–3, Esc.)
import { useEffect, useRef } from 'react';
import type { ArgumentMap, Id, Point, RelationKind } from '../../arguments/model';
import { connectNodes } from '../commands';
import { useMap } from '../store/store';
import { focusNodeSoon } from './navigation';

export interface PendingConnection {
  from: Id;
  to: Id;
  at: Point;
}

const CHOICES: { kind: RelationKind; label: string; hint: string }[] = [
  { kind: 'supports', label: 'Supports', hint: 'gives a reason for it' },
  { kind: 'opposes', label: 'Opposes', hint: 'gives a reason against it' },
  { kind: 'qualifies', label: 'Qualifies', hint: 'limits it without refuting it' },
];

export function RelationPicker({ pending, onClose }: { pending: PendingConnection; onClose: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  const label = (m: ArgumentMap, id: Id) => (Object.hasOwn(m.nodes, id) ? (m.nodes[id]!.title ?? m.nodes[id]!.text.slice(0, 40)) : undefined);
  const fromText = useMap((m) => label(m, pending.from));
  const toText = useMap((m) => label(m, pending.to));
  useEffect(() => first.current?.focus(), []);
  // Connected or not, focus goes to the node the drag started from (not the page body).
  const close = () => {
    onClose();
    focusNodeSoon(pending.from, 'canvas');
  };
  const choose = (kind: RelationKind) => {
    connectNodes(pending.from, pending.to, kind);
    close();
  };
  return (
    <div
      className="aa-popover"
      role="dialog"
      aria-label="Choose the relation"
      style={{ left: pending.at.x, top: pending.at.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
        const n = Number(e.key);
        if (n >= 1 && n <= CHOICES.length) choose(CHOICES[n - 1]!.kind);
      }}
    >
      <p className="aa-popover-title">
        “{fromText}” → “{toText}”
      </p>
      {CHOICES.map((c, i) => (
        <button key={c.kind} ref={i === 0 ? first : undefined} type="button" onClick={() => choose(c.kind)}>
          <kbd>{i + 1}</kbd> {c.label} <span className="aa-hint">{c.hint}</span>
        </button>
      ))}
      <button type="button" onClick={close}>
        Cancel
      </button>
    </div>
  );
}
