// The inspector's status and evaluation of the selected node or inference: its label and reason
// (with Why?), then who judges it, the verdicts that fit it (VERDICTS), an optional reason and
// Clear; each change one undo step. Every evaluation of it, by any judge, is listed below.
import { useEffect, useMemo, useState } from 'react';
import { judgedKind, VERDICTS, type Verdict } from '../../arguments/analysis/evaluation';
import type { Id } from '../../arguments/model';
import { clearEvaluation, evaluationBy, setEvaluation } from '../../arguments/operations';
import { run, useMap, useReadOnly } from '../store/store';
import { setJudge, useLayers } from './layersState';
import { useElementStatus, useStatus } from './statusState';
import { openWhy } from './whyState';
import { LABEL_SYMBOL } from './words';
import { verdictWord } from './verdicts';
import './status.css';

export function StatusSection({ id }: { id: Id }) {
  const status = useElementStatus(id);
  const show = useLayers((s) => s.showStatus);
  return (
    <section aria-label="Status" className="aa-status-section">
      <h3>Status</h3>
      {status ? (
        <p data-testid="inspector-status">
          <strong className={`aa-status aa-status-${status.label}`}>
            <span aria-hidden="true">{LABEL_SYMBOL[status.label]}</span> {status.label}
          </strong>{' '}
          {status.reason.replace(/^[^:]+: /, '')}{' '}
          <button type="button" onClick={(e) => openWhy(id, e.currentTarget)}>
            Why?
          </button>
        </p>
      ) : (
        <p className="aa-muted">Not counted: its voice is left out of the status (Voices).</p>
      )}
      {!show && <p className="aa-muted">The status is hidden on the cards (Voices: Show the status).</p>}
    </section>
  );
}

export function EvaluationSection({ id }: { id: Id }) {
  const kind = useMap((m) => {
    const k = judgedKind(m, id);
    return typeof k === 'string' ? k : null;
  });
  const judge = useLayers((s) => s.judge);
  const all = useMap((m) => m.evaluations);
  const voices = useStatus((s) => s.voices);
  const mine = useMap((m) => evaluationBy(m, id, judge));
  const others = useMemo(() => Object.values(all ?? {}).filter((e) => e.target === id).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), [all, id]);
  const locked = useReadOnly();
  const [who, setWho] = useState(judge);
  const [reason, setReason] = useState(mine?.reason ?? '');
  useEffect(() => setWho(judge), [judge]);
  useEffect(() => setReason(mine?.reason ?? ''), [mine]);
  if (kind === null) return null;
  const verdicts = VERDICTS[kind] as readonly Verdict[];
  const give = (verdict: Verdict) => run(setEvaluation(id, judge, verdict, reason.trim() || undefined, new Date().toISOString()));
  const listId = `aa-judges-${kind}`;
  return (
    <section aria-label="Evaluation" className="aa-evaluation">
      <h3>Evaluation</h3>
      <label className="aa-field">
        Judged by
        <input
          type="text"
          list={listId}
          value={who}
          onChange={(e) => setWho(e.target.value)}
          onBlur={() => (who.trim() ? setJudge(who) : setWho(judge))}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
        <datalist id={listId}>
          {voices.map((v) => (
            <option key={v.voice} value={v.voice} />
          ))}
        </datalist>
      </label>
      <div className="aa-verdicts" role="group" aria-label={`Verdict of ${judge}`}>
        {verdicts.map((v) => (
          <button key={v} type="button" disabled={locked} aria-pressed={mine?.verdict === v} onClick={() => give(v)}>
            {verdictWord(kind, v)}
          </button>
        ))}
      </div>
      <label className="aa-field">
        Reason (optional)
        <textarea
          rows={2}
          value={reason}
          readOnly={locked}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => mine && reason.trim() !== (mine.reason ?? '') && run(setEvaluation(id, judge, mine.verdict, reason.trim() || undefined, new Date().toISOString()))}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      {mine && !locked && (
        <button type="button" onClick={() => run(clearEvaluation(id, judge))}>
          Clear {judge}’s evaluation
        </button>
      )}
      {others.length > 0 && (
        <ul className="aa-evaluation-list" aria-label="Evaluations">
          {others.map((e) => (
            <li key={e.id}>
              <strong>{e.by}</strong>: {verdictWord(kind, e.verdict)}
              {e.reason ? ` — ${e.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
