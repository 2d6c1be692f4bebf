// "Paste text" / "From a file": the two ways a text comes into a dialog, as tabs
// (arrow keys move between them, the panel follows).
import type { KeyboardEvent, ReactNode } from 'react';
import type { SourceWay } from './addSourceState';

const WAYS: readonly { way: SourceWay; label: string }[] = [
  { way: 'paste', label: 'Paste text' },
  { way: 'file', label: 'From a file' },
];

export function WayTabs({ id, way, onChoose, label, children }: { id: string; way: SourceWay; onChoose(way: SourceWay): void; label: string; children: ReactNode }) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = e.key === 'Home' ? WAYS[0]! : e.key === 'End' ? WAYS[WAYS.length - 1]! : WAYS.find((w) => w.way !== way)!;
    onChoose(next.way);
    requestAnimationFrame(() => document.getElementById(`${id}-tab-${next.way}`)?.focus());
  };
  return (
    <>
      <div role="tablist" aria-label={label} className="aa-way-tabs" onKeyDown={onKeyDown}>
        {WAYS.map((w) => (
          <button
            key={w.way}
            id={`${id}-tab-${w.way}`}
            type="button"
            role="tab"
            className="aa-way-tab"
            aria-selected={w.way === way}
            aria-controls={`${id}-panel`}
            tabIndex={w.way === way ? 0 : -1}
            onClick={() => onChoose(w.way)}
          >
            {w.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${way}`} className="aa-way-panel">
        {children}
      </div>
    </>
  );
}
