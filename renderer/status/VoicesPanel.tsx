// The voices of the map as layers: each shown, dimmed or hidden on the canvas, and counted or
// not in the status; presets for the usual readings; the status and legend toggles. Over the
// canvas's top right corner, opened from the toolbar (Voices).
import { useMemo, useRef } from 'react';
import { useMap } from '../store/store';
import { countOnly, setCounted, setLegend, setShowStatus, setVisibility, setVoicesPanel, useLayers, VISIBILITIES, type Visibility } from './layersState';
import { useStatus } from './statusState';
import { unvoicedCount } from './unvoiced';
import './status.css';

const PRESETS: { label: string; voices: readonly string[] | null }[] = [
  { label: 'Analyst only', voices: ['analyst'] },
  { label: 'Analyst + critic', voices: ['analyst', 'critic'] },
  { label: 'Everyone', voices: null },
];

export function VoicesPanel() {
  const voices = useStatus((s) => s.voices);
  const status = useStatus((s) => s.status);
  const visibility = useLayers((s) => s.visibility);
  const uncounted = useLayers((s) => s.uncounted);
  const showStatus = useLayers((s) => s.showStatus);
  const legend = useLayers((s) => s.legend);
  const unvoiced = useMap((m) => unvoicedCount(m.nodes));
  const ref = useRef<HTMLElement>(null);
  const names = voices.map((v) => v.voice);
  const left = new Set(uncounted);
  const counted = names.filter((v) => !left.has(v));
  // Counted when the status changes, not on each toggle's render.
  const tally = useMemo(() => {
    const t = { stands: 0, falls: 0, open: 0 };
    for (const s of status.nodes.values()) t[s.label]++;
    return t;
  }, [status]);
  const presets = PRESETS.filter((p) => p.voices === null || p.voices.every((v) => names.includes(v)));
  const isPreset = (p: (typeof PRESETS)[number]) => (p.voices === null ? counted.length === names.length : counted.length === p.voices.length && p.voices.every((v) => counted.includes(v)));
  return (
    <section
      ref={ref}
      className="aa-voices-panel"
      aria-labelledby="aa-voices-title"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          setVoicesPanel(false);
          document.querySelector<HTMLElement>('.aa-toolbar [data-voices-toggle]')?.focus();
        }
      }}
    >
      <div className="aa-voices-head">
        <h2 id="aa-voices-title">Voices</h2>
        <button type="button" onClick={() => setVoicesPanel(false)} aria-label="Close voices">
          ×
        </button>
      </div>
      <div className="aa-voices-presets" role="group" aria-label="Count in the status">
        <span className="aa-muted">Count:</span>
        {presets.map((p) => (
          <button key={p.label} type="button" aria-pressed={isPreset(p)} onClick={() => countOnly(names, p.voices ?? names)}>
            {p.label}
          </button>
        ))}
      </div>
      {voices.length === 0 ? (
        <p className="aa-muted">No node or relation of this map has a voice.</p>
      ) : (
        <table className="aa-voices-table">
          <thead>
            <tr>
              <th scope="col">Voice</th>
              <th scope="col">Nodes</th>
              <th scope="col">On the map</th>
              <th scope="col">Counted</th>
            </tr>
          </thead>
          <tbody>
            {voices.map((v) => {
              const vis: Visibility = Object.hasOwn(visibility, v.voice) ? visibility[v.voice]! : 'shown';
              return (
                <tr key={v.voice} data-voice={v.voice}>
                  <th scope="row" className={`aa-voice-name aa-voice-${v.voice}`}>{v.voice}</th>
                  <td title={`${v.nodes} nodes and ${v.relations} relations`}>{v.nodes}</td>
                  <td>
                    <select aria-label={`${v.voice} on the map`} value={vis} onChange={(e) => setVisibility(v.voice, e.target.value as Visibility)}>
                      {VISIBILITIES.map((x) => (
                        <option key={x} value={x}>{x}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`Count ${v.voice} in the status`} checked={!left.has(v.voice)} onChange={(e) => setCounted(v.voice, e.target.checked)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {unvoiced > 0 && <p className="aa-muted">{unvoiced} node{unvoiced === 1 ? '' : 's'} without a voice: the map’s author’s, always counted.</p>}
      <p className="aa-voices-tally" data-testid="status-tally" aria-live="polite">
        {tally.stands} stand, {tally.falls} fall, {tally.open} open
      </p>
      <label className="aa-check">
        <input type="checkbox" checked={showStatus} onChange={(e) => setShowStatus(e.target.checked)} /> Show the status on the cards
      </label>
      <label className="aa-check">
        <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} /> Legend
      </label>
    </section>
  );
}
