// The presentation's order, as the instructor arranges it in the steps list: one undo step,
// saved in the file's view. The steps are stored as given (normalised when read:
// arguments/present/steps.ts), so arranging them never changes the argument.
import type { Operation } from '../history';
import type { PresentationStep } from '../present/steps';

/** Stores `steps` as the presentation's order; null goes back to the order derived from the map. */
export function setPresentationSteps(steps: readonly PresentationStep[] | null): Operation {
  return {
    label: steps ? 'Arrange the presentation' : 'Reset the presentation order',
    check: (map) => (steps === null && map.view.presentation === undefined ? 'The presentation already follows the map’s own order.' : null),
    apply: (d) => {
      if (steps === null) delete d.view.presentation;
      else d.view.presentation = { steps: steps.map((s) => (s.title === undefined ? { nodes: [...s.nodes] } : { nodes: [...s.nodes], title: s.title })) };
    },
  };
}
