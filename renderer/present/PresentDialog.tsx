// Present…: the options of a presentation and the order of its steps. The order is the file's
// own (arranged here, saved with the map as one undo step) or the one derived from the map;
// steps move by drag and drop or with the Up and Down buttons.
import { useId, useMemo, useState } from 'react';
import { setPresentationSteps } from '../../arguments/operations/presentation';
import { defaultSteps, presentationSteps, type PresentationStep } from '../../arguments/present/steps';
import { Modal } from '../panels/Modal';
import { attempt, getMap, isReadOnly, useMap } from '../store/store';
import { closePresentDialog, usePresentDialog } from './presentDialogState';
import { DEFAULT_PRESENT_OPTIONS, startPresentation, type PresentOptions } from './presentState';

const describe = (step: PresentationStep, names: (id: string) => string): string => step.title ?? step.nodes.map(names).join(', ');

export function PresentDialog() {
  const open = usePresentDialog();
  return open ? <PresentDialogBody /> : null;
}

function PresentDialogBody() {
  const id = useId();
  const map = useMap((m) => m);
  const voices = useMemo(() => [...new Set(Object.values(map.nodes).flatMap((n) => (n.voice ? [n.voice] : [])))].sort(), [map]);
  const [steps, setSteps] = useState<PresentationStep[]>(() => presentationSteps(map));
  const [options, setOptions] = useState<PresentOptions>(DEFAULT_PRESENT_OPTIONS);
  const [dragged, setDragged] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const names = (nodeId: string) => (Object.hasOwn(map.nodes, nodeId) ? (map.nodes[nodeId]!.title ?? map.nodes[nodeId]!.text.slice(0, 40)) : nodeId);
  const stored = map.view.presentation !== undefined;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= steps.length || from === to) return;
    const next = [...steps];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step!);
    setSteps(next);
  };
  const saveOrder = () => setProblem(attempt(setPresentationSteps(steps)));
  const resetOrder = () => {
    setSteps(defaultSteps(getMap()));
    if (stored) setProblem(attempt(setPresentationSteps(null)));
  };
  const begin = () => {
    closePresentDialog();
    startPresentation(options, steps);
  };
  return (
    <Modal labelledBy={`${id}-title`} className="aa-present-dialog" onClose={closePresentDialog}>
      <h2 id={`${id}-title`}>Present the argument</h2>
      <fieldset>
        <legend>While presenting</legend>
        <label>
          <input type="checkbox" checked={options.hideCounters} onChange={(e) => setOptions({ ...options, hideCounters: e.target.checked })} /> Hide counter-considerations until revealed (C)
        </label>
        <label>
          <input type="checkbox" checked={options.showStatus} onChange={(e) => setOptions({ ...options, showStatus: e.target.checked })} /> Show what stands and falls as each step is revealed
        </label>
        <label>
          <input type="checkbox" checked={options.fullScreen} onChange={(e) => setOptions({ ...options, fullScreen: e.target.checked })} /> Full screen
        </label>
        {voices.length > 0 && (
          <div className="aa-present-voices" role="group" aria-label="Voices to leave out">
            Leave out:
            {voices.map((v) => (
              <label key={v}>
                <input
                  type="checkbox"
                  checked={options.hiddenVoices.includes(v)}
                  onChange={(e) => setOptions({ ...options, hiddenVoices: e.target.checked ? [...options.hiddenVoices, v] : options.hiddenVoices.filter((x) => x !== v) })}
                />{' '}
                {v}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <h3 id={`${id}-steps`}>Steps {stored ? '(arranged for this map)' : '(in the map’s reading order)'}</h3>
      <ol className="aa-present-steps" aria-labelledby={`${id}-steps`}>
        {steps.map((step, i) => (
          <li
            key={`${i}:${step.nodes[0]}`}
            draggable
            onDragStart={() => setDragged(i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => dragged !== null && (move(dragged, i), setDragged(null))}
            className={dragged === i ? 'aa-dragging' : undefined}
          >
            <span className="aa-present-step-name">{describe(step, names)}</span>
            <span className="aa-present-step-count">{step.nodes.length === 1 ? '1 node' : `${step.nodes.length} nodes`}</span>
            <button type="button" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={`Move step ${i + 1} up`}>
              Up
            </button>
            <button type="button" onClick={() => move(i, i + 1)} disabled={i === steps.length - 1} aria-label={`Move step ${i + 1} down`}>
              Down
            </button>
          </li>
        ))}
      </ol>
      {problem && (
        <p className="aa-field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="aa-modal-buttons">
        <button type="button" onClick={saveOrder} disabled={isReadOnly()} title="Save this order with the map (one step: Undo takes it back)">
          Keep this order
        </button>
        <button type="button" onClick={resetOrder} disabled={isReadOnly()}>
          Reading order
        </button>
        <button type="button" onClick={closePresentDialog}>
          Cancel
        </button>
        <button type="button" className="aa-primary" onClick={begin}>
          Present
        </button>
      </div>
    </Modal>
  );
}
