// Applying an auto-layout's positions to a large map without holding the page in one task. Each
// store change re-renders the canvas and hands React Flow its nodes, and some of that work is
// proportional to the whole map whatever moved; done once for 3,000 moved nodes it held the page
// 300-600 ms (bench/layoutTrace.ts). So the positions are shown APPLY_CHUNK at a time, each
// chunk a frame of a gesture (a preview, as a drag's frames are: nothing recorded) in a task of
// its own, and the step recorded at the end keeps the very positions record the last frame built:
// the canvas finds nothing changed then, and undo still takes the whole layout back in one step.
import type { Draft } from 'immer';
import type { Operation } from '../../arguments/history';
import type { Id, Point } from '../../arguments/model';
import { moveNodes } from '../../arguments/operations';
import { cancelPreview, editor, isReadOnly, previewMove, run } from '../store/store';

/** Nodes shown per task. */
export const APPLY_CHUNK = 400;
/** Up to this many moved nodes the layout is applied at once (one store change is cheap there). */
export const APPLY_IN_STEPS_ABOVE = 600;

/** A new task: what the page has queued (input, a frame) runs before the next chunk. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The step that makes the map's positions `record`, that same object (the gesture's frames built and checked it). */
function keepPositions(record: Readonly<Record<Id, Point>>): Operation {
  return {
    label: moveNodes(record).label,
    check: (map) => (Object.keys(record).every((id) => Object.hasOwn(map.nodes, id)) ? null : 'A node the layout placed is no longer on the map.'),
    apply: (d) => {
      d.view.positions = record as Draft<Record<Id, Point>>;
    },
  };
}

/**
 * Moves the nodes to `positions` as one undoable step (a refusal is shown, as `run` shows it).
 * A large layout is shown in chunks across tasks first. Should anything else change the map
 * meanwhile (a drag begun, an undo, a nudge), the chunks stop and the whole layout is applied
 * at once once that gesture has ended, as a step of its own.
 */
export async function applyPositions(positions: Readonly<Record<Id, Point>>, settled: () => Promise<void>, step: () => Promise<void> = nextTask): Promise<boolean> {
  const ids = Object.keys(positions);
  const start = editor.getState().history;
  const whole = moveNodes(positions);
  if (ids.length <= APPLY_IN_STEPS_ABOVE || start.gestureBase || isReadOnly() || whole.check?.(start.present)) return run(whole);
  let shown = start.present;
  for (let i = 0; i < ids.length; i += APPLY_CHUNK) {
    const chunk: Record<Id, Point> = {};
    for (const id of ids.slice(i, i + APPLY_CHUNK)) chunk[id] = positions[id]!;
    previewMove(chunk);
    const now = editor.getState().history.present;
    if (now === shown) break; // refused (the map was locked meanwhile): the whole step below says why
    shown = now;
    await step();
    if (editor.getState().history.present !== shown) {
      await settled();
      return run(moveNodes(positions));
    }
  }
  if (editor.getState().history.present !== shown || shown === start.present) {
    cancelPreview();
    return run(whole);
  }
  return run(keepPositions(shown.view.positions));
}
