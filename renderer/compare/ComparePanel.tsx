// The comparison's feedback panel: the two maps, the score as feedback (not a grade), a legend of
// the overlay's marks, the findings by section (choosing one selects and frames its node), the
// side-by-side switch, the report's export and the end of the comparison.
import { useEffect, useId, useRef, useState } from 'react';
import type { FeedbackItem } from '../../arguments/compare/feedback';
import { REPORT_FORMATS, type ReportFormat } from '../../arguments/compare/report';
import { focusNodeSoon } from '../canvas/navigation';
import { getMap, useReadOnly } from '../store/store';
import { bringIntoMap, closeComparison, selectStudentNodes, setSideBySide, showNodes, useCompare } from './compareState';
import { MARK_LABELS, MODEL_MARKS } from './marks';
import { REPORT_FORMAT_NAMES, saveReport } from './reportSave';
import { Segments } from './Segments';

/** A finding's place on the canvas: its nodes, or the ends of its relations. */
function goToFinding(item: FeedbackItem): void {
  const map = getMap();
  const nodes = item.instructor.filter((id) => Object.hasOwn(map.nodes, id));
  const relations = item.instructor.filter((id) => Object.hasOwn(map.relations, id));
  const ends = relations.flatMap((id) => [...map.relations[id]!.from, map.relations[id]!.to]).filter((id) => Object.hasOwn(map.nodes, id));
  if (nodes.length + relations.length > 0) {
    const shown = nodes.length > 0 ? nodes : ends;
    showNodes(shown, relations);
    focusNodeSoon(shown[0] ?? null, 'canvas');
    return;
  }
  // Only in the student's map (their own points): shown there.
  setSideBySide(true);
  selectStudentNodes(item.student);
}

export function ComparePanel() {
  const base = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const session = useCompare((s) => s.session)!;
  const sideBySide = useCompare((s) => s.sideBySide);
  const readOnly = useReadOnly();
  const [format, setFormat] = useState<ReportFormat>('md');
  // The findings folded away leave the model's canvas free (side by side, the window is shared).
  const [folded, setFolded] = useState(false);
  const f = session.feedback;
  useEffect(() => heading.current?.focus(), []);
  return (
    <aside className="aa-compare-panel" aria-labelledby={`${base}-h`}>
      <div className="aa-compare-bar">
        <h2 id={`${base}-h`} ref={heading} tabIndex={-1}>
          Comparison
        </h2>
        <button type="button" onClick={closeComparison} title="End the comparison (the map stays as it is)">
          Close comparison
        </button>
      </div>
      <p className="aa-compare-maps">
        The open map is the model; compared with “<span className="aa-compare-name">{session.studentName}</span>”.
      </p>
      <p className="aa-compare-summary" data-testid="compare-summary">
        <Segments segments={f.summary} />
      </p>
      <div className="aa-compare-actions">
        <button type="button" aria-pressed={sideBySide} onClick={() => setSideBySide(!sideBySide)}>
          Side by side
        </button>
        <label>
          Report as{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
            {REPORT_FORMATS.map((k) => (
              <option key={k} value={k}>
                {REPORT_FORMAT_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void saveReport(format)}>
          Save report…
        </button>
        <button type="button" aria-expanded={!folded} aria-controls={`${base}-findings`} onClick={() => setFolded(!folded)}>
          {folded ? 'Show findings' : 'Hide findings'}
        </button>
      </div>
      <div id={`${base}-findings`} hidden={folded}>
        <details className="aa-compare-legend">
          <summary>What the marks on the cards mean</summary>
          <ul>
            {MODEL_MARKS.map((m) => (
              <li key={m}>
                <span className={`aa-compare-swatch aa-compare-${m}`} aria-hidden="true" /> {MARK_LABELS[m]}
              </li>
            ))}
          </ul>
        </details>
        {f.sections.length === 0 && <p>The student’s map has every point and connection of the model.</p>}
        {f.sections.map((section) => (
          <section key={section.key} className="aa-compare-section" aria-labelledby={`${base}-${section.key}`}>
            <h3 id={`${base}-${section.key}`}>
              {section.heading} ({section.items.length})
            </h3>
            <p className="aa-compare-intro">{section.intro}</p>
            <ul className="aa-compare-findings">
              {section.items.map((item, i) => (
                <li key={i}>
                  <button type="button" className="aa-compare-finding" onClick={() => goToFinding(item)}>
                    <Segments segments={item.segments} />
                  </button>
                  {section.key === 'extra' && (
                    <button type="button" className="aa-compare-bring" disabled={readOnly} onClick={() => bringIntoMap(item.student)} title="Bring this point, with its connections, into the open map (one undo step)">
                      Bring into this map
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
        <p className="aa-compare-note">{f.scoreNote}</p>
      </div>
    </aside>
  );
}
