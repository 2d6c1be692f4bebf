// The legend of the status badges and borders, over the canvas's bottom right corner.
import { setLegend } from './layersState';
import { LABEL_LEGEND, LABEL_SYMBOL, STATUS_LABELS } from './words';

export function StatusLegend() {
  return (
    <section className="aa-status-legend" aria-labelledby="aa-legend-title">
      <div className="aa-voices-head">
        <h2 id="aa-legend-title">Status</h2>
        <button type="button" onClick={() => setLegend(false)} aria-label="Close legend">
          ×
        </button>
      </div>
      <ul>
        {STATUS_LABELS.map((l) => (
          <li key={l}>
            <span className={`aa-legend-swatch aa-st-${l}`} aria-hidden="true" />
            <span className={`aa-status aa-status-${l}`}>
              <span aria-hidden="true">{LABEL_SYMBOL[l]}</span> {l}
            </span>{' '}
            {LABEL_LEGEND[l].replace(/^[^:]+: /, '')}
          </li>
        ))}
        <li>
          <span className="aa-caveat">
            <span aria-hidden="true">※</span> caveat
          </span>{' '}
          Something qualifies it; a caveat never changes the label.
        </li>
        <li>
          <span className="aa-status aa-status-uncounted">
            <span aria-hidden="true">○</span> not counted
          </span>{' '}
          Its voice is left out of the status.
        </li>
      </ul>
      <p className="aa-muted">Click a badge (or press W on a selected card) for why.</p>
    </section>
  );
}
