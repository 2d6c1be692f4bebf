// A card's status: a badge with a symbol and a word (its button opens "why?"), a caveat badge
// when something qualifies the statement, and "not counted" when its voice is left out.
import type { Id } from '../../arguments/model';
import { getMap, select } from '../store/store';
import { useLayers } from './layersState';
import { useElementStatus } from './statusState';
import { openWhy } from './whyState';
import { LABEL_SYMBOL } from './words';
import './status.css';

/** The class a card takes for its status border: aa-st-stands / -falls / -open / -uncounted, or none. */
export function useStatusClass(id: Id): string {
  const show = useLayers((s) => s.showStatus);
  const label = useElementStatus(id)?.label;
  if (!show) return '';
  return ` aa-st-${label ?? 'uncounted'}`;
}

export function StatusBadge({ id }: { id: Id }) {
  const show = useLayers((s) => s.showStatus);
  const status = useElementStatus(id);
  if (!show) return null;
  if (!status)
    return (
      <span className="aa-status aa-status-uncounted" data-testid="status-badge" data-label="uncounted" title="Its voice is not counted in the status (Voices)">
        <span aria-hidden="true">○</span> not counted
      </span>
    );
  const { label, reason, caveats } = status;
  return (
    <>
      {/* Out of the Tab order: the canvas is one Tab stop; W (or the inspector's Why?) opens this from the keyboard. */}
      <button
        type="button"
        tabIndex={-1}
        className={`aa-status aa-status-${label} nodrag`}
        data-testid="status-badge"
        data-label={label}
        title={reason}
        aria-label={`${label}: why?`}
        onClick={(e) => {
          e.stopPropagation();
          // A node's badge selects its card too, as a click on the card would.
          if (Object.hasOwn(getMap().nodes, id)) select({ nodes: [id], relations: [] });
          openWhy(id, e.currentTarget);
        }}
      >
        <span aria-hidden="true">{LABEL_SYMBOL[label]}</span> {label}
      </button>
      {caveats && (
        <span className="aa-caveat" data-testid="caveat-badge" title={`Qualified by ${caveats.join(', ')}: a caveat, which never changes the label`}>
          <span aria-hidden="true">※</span>
          <span className="aa-caveat-word"> caveat</span>
        </span>
      )}
    </>
  );
}
