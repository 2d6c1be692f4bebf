// "Why?": an element's label and reason, then the reasons of what it names (why.ts: whyChain),
// each a button that selects it. A non-modal dialog: Esc or a click outside closes it, and focus
// goes back to where it came from (a cause chosen: to that node's card).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { whyChain } from '../../arguments/analysis/status';
import type { Id } from '../../arguments/model';
import { focusNodeSoon } from '../canvas/navigation';
import { getMap, select, useEditor } from '../store/store';
import { useStatus } from './statusState';
import { closeWhy, useWhy } from './whyState';
import { LABEL_SYMBOL } from './words';

function choose(id: Id): void {
  const map = getMap();
  closeWhy(false);
  if (Object.hasOwn(map.nodes, id)) {
    select({ nodes: [id], relations: [] });
    focusNodeSoon(id, 'canvas');
  } else if (Object.hasOwn(map.relations, id)) select({ nodes: [], relations: [id] });
}

export function WhyPopover() {
  const open = useWhy((s) => s.open);
  const status = useStatus((s) => s.status);
  const map = useEditor((s) => s.history.present);
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const id = open?.id;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!open || !el) return setPlace(null);
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    setPlace({ left: Math.max(8, Math.min(open.x, window.innerWidth - w - 8)), top: Math.max(8, Math.min(open.y, window.innerHeight - h - 8)) });
  }, [open]);
  useEffect(() => {
    if (!open) return;
    ref.current?.focus({ preventScroll: true });
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) closeWhy(false);
    };
    window.addEventListener('pointerdown', away);
    return () => window.removeEventListener('pointerdown', away);
  }, [open]);
  if (!open || id === undefined) return null;
  const steps = whyChain(status, map, id);
  const first = steps[0];
  const caveats = status.nodes.get(id)?.caveats ?? [];
  const name = (x: Id) => (Object.hasOwn(map.nodes, x) ? (map.nodes[x]!.title ?? x) : x);
  return (
    <div
      ref={ref}
      className="aa-popover aa-why"
      role="dialog"
      aria-label={first ? `Why ${first.name} ${first.label}` : 'Why?'}
      tabIndex={-1}
      style={{ left: place?.left ?? open.x, top: place?.top ?? open.y }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') closeWhy();
      }}
    >
      <div className="aa-why-head">
        <h2 className="aa-why-title">Why?</h2>
        <button type="button" className="aa-why-close" onClick={() => closeWhy()} aria-label="Close why">
          ×
        </button>
      </div>
      {!first ? (
        <p>{id} is not counted: its voice is left out of the status (Voices).</p>
      ) : (
        <>
          <p className="aa-why-reason" data-testid="why-reason">
            <strong className={`aa-why-label aa-status-${first.label}`}>
              <span aria-hidden="true">{LABEL_SYMBOL[first.label]} </span>
              {first.id}
              {first.name !== first.id ? ` (${first.name})` : ''} {first.label === 'open' ? 'is open' : first.label}
            </strong>{' '}
            — {first.reason.replace(/^[^:]+: /, '')}
          </p>
          {steps.length > 1 && (
            <>
              <h3 className="aa-why-sub">Because of</h3>
              <ul className="aa-why-chain">
                {steps.slice(1).map((s) => (
                  <li key={s.id} style={{ marginInlineStart: `${(s.depth - 1) * 14}px` }}>
                    <button type="button" className="aa-link" onClick={() => choose(s.id)} aria-label={`Select ${s.id}: ${s.name}`}>
                      <span aria-hidden="true">{LABEL_SYMBOL[s.label]} </span>
                      {s.id}
                      {s.name !== s.id ? `: ${s.name}` : ''}
                    </button>
                    <span className="aa-why-step"> — {s.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {caveats.length > 0 && (
            <p className="aa-why-caveats">
              Qualified by{' '}
              {caveats.map((c, k) => (
                <span key={c}>
                  {k > 0 ? ', ' : ''}
                  <button type="button" className="aa-link" onClick={() => choose(c)}>
                    {c}
                    {name(c) !== c ? `: ${name(c)}` : ''}
                  </button>
                </span>
              ))}{' '}
              (a caveat never changes the label).
            </p>
          )}
        </>
      )}
    </div>
  );
}
