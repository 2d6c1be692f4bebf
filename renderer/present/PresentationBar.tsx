// The presenter's bar while a presentation runs: where it is ("Step 3 of 17: Claim 1"), back,
// forward, reveal the counters held back, and end. The keys do the same (presentState.ts).
import { goToStep, revealCounters, stopPresentation, usePresent } from './presentState';
import { useEditor } from '../store/store';

export function PresentationBar() {
  const presenting = useEditor((s) => s.presentation !== null);
  const at = usePresent((s) => s.at);
  const steps = usePresent((s) => s.steps);
  const hideCounters = usePresent((s) => s.options.hideCounters);
  if (!presenting || steps.length === 0) return null;
  const title = steps[at]?.title;
  return (
    <div className="aa-present-bar" role="region" aria-label="Presentation">
      <span className="aa-present-step" aria-live="polite">
        Step {at + 1} of {steps.length}
        {title ? `: ${title}` : ''}
      </span>
      <button type="button" onClick={() => goToStep(-1)} disabled={at === 0} title="Back (← or Page Up)">
        Back
      </button>
      <button type="button" onClick={() => goToStep(1)} disabled={at === steps.length - 1} title="Forward (Space, → or Page Down)">
        Forward
      </button>
      {hideCounters && (
        <button type="button" onClick={revealCounters} title="Show the counter-considerations of the steps so far (C)">
          Reveal counters
        </button>
      )}
      <button type="button" onClick={stopPresentation} title="End the presentation (Esc)">
        End
      </button>
    </div>
  );
}
