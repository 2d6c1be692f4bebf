// Attach a quote to a node without selecting it in the text: pick the source, paste or type
// the passage, Attach. Anchored where the source has it, or refused with the closest
// passage, which one click attaches instead.
import { useEffect, useId, useRef, useState } from 'react';
import type { ArgNode, Id, Source } from '../../../arguments/model';
import { run } from '../../store/store';
import { togglePane, useUi } from '../uiState';
import { attachClosest, defaultSourceId, keepsKey, planAttach, sourceLabel, sourceOf, type ClosestOffer } from './attach';
import { focusedQuoteSource, sourceShownInPane } from './sourcesPane';

interface Refusal {
  reason: string;
  closest: ClosestOffer | null;
}

export function AttachQuoteForm({
  node,
  sources,
  mode,
  onAttached,
  onCancel,
}: {
  node: ArgNode;
  sources: Record<Id, Source>;
  mode: 'attach' | 'change';
  /** Called after the one undo step, with what to tell the reader. */
  onAttached(message: string): void;
  onCancel?: () => void;
}) {
  const uid = useId();
  const list = Object.values(sources);
  // The passage was most likely copied from the source the reader has open in the pane.
  const [sourceId, setSourceId] = useState<Id>(() => defaultSourceId(sources, node, [sourceShownInPane(), focusedQuoteSource()]));
  const [passage, setPassage] = useState(mode === 'change' ? (node.quote?.exact ?? '') : '');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const passageRef = useRef<HTMLTextAreaElement>(null);
  const sourcesShown = useUi((s) => s.panes.sources);

  // Opened on request ("Change quote…", "Attach a quote…"): the passage is where the reader goes next.
  useEffect(() => {
    if (!onCancel) return;
    passageRef.current?.focus();
    passageRef.current?.select();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // The chosen source may go (undo, delete): fall back to one the map has.
  const chosen = Object.hasOwn(sources, sourceId) ? sourceId : defaultSourceId(sources, node);

  const attach = (): void => {
    const plan = planAttach(sources, node, chosen, passage);
    if (!plan.ok) {
      setRefusal({ reason: plan.reason, closest: plan.closest });
      return;
    }
    if (run(plan.op)) onAttached(plan.message);
  };
  const attachTheClosest = (closest: ClosestOffer): void => {
    if (run(attachClosest(node.id, closest))) onAttached(`Attached the closest passage (${closest.similarity} as your passage).`);
  };

  const heading = mode === 'change' ? 'Change quote' : 'Attach a quote';
  const headingId = `${uid}-heading`;

  if (list.length === 0) {
    return (
      <section className="aa-attach" aria-labelledby={headingId}>
        <h3 id={headingId}>{heading}</h3>
        <p className="aa-attach-empty">
          This map has no sources yet. Add a source first: the Sources pane has <strong>Add source</strong>.
        </p>
        {!sourcesShown && (
          <button type="button" onClick={() => togglePane('sources')}>
            Show the Sources pane
          </button>
        )}
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </section>
    );
  }

  return (
    <section
      className="aa-attach"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (keepsKey(e)) e.stopPropagation();
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
    >
      <h3 id={headingId}>{heading}</h3>
      <label className="aa-field">
        Source
        <select
          value={chosen}
          title={sourceOf(sources, chosen)?.title}
          onChange={(e) => {
            setSourceId(e.target.value);
            setRefusal(null);
          }}
          onKeyDown={(e) => e.stopPropagation()}
        >
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {sourceLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="aa-field">
        Passage
        <textarea
          ref={passageRef}
          rows={4}
          value={passage}
          placeholder="Paste or type the words of the source"
          aria-describedby={`${uid}-hint`}
          onChange={(e) => {
            setPassage(e.target.value);
            setRefusal(null);
          }}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              attach();
            }
            if (e.key === 'Escape' && onCancel) onCancel();
          }}
        />
      </label>
      <p id={`${uid}-hint`} className="aa-hint">
        Found as written, or apart from spacing and the style of quotation marks. Ctrl+Enter attaches.
      </p>
      <div className="aa-attach-buttons">
        <button type="button" onClick={attach}>
          Attach
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {refusal && (
        <div className="aa-attach-refusal" role="alert">
          <p className="aa-attach-reason">
            <span aria-hidden="true">⚠ </span>
            {refusal.reason}
          </p>
          {refusal.closest && (
            <figure className="aa-attach-closest">
              <figcaption>Closest passage ({refusal.closest.similarity}):</figcaption>
              <blockquote>“{refusal.closest.text}”</blockquote>
              <button type="button" onClick={() => attachTheClosest(refusal.closest!)}>
                Use the closest passage
              </button>
            </figure>
          )}
        </div>
      )}
    </section>
  );
}
