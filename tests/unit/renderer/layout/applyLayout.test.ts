// A large auto-layout is shown in chunks across tasks and recorded as one step
// (renderer/layout/applyLayout.ts): the analyst sees the cards move, undo takes the whole layout
// back at once, and nothing else that happens meanwhile is lost or mixed into the layout's step.
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyMap, type ArgumentMap, type Id, type Point } from '../../../../arguments/model';
import { APPLY_CHUNK, APPLY_IN_STEPS_ABOVE, applyPositions } from '../../../../renderer/layout/applyLayout';
import { documentState, editor, getMap, notify, previewMove, replaceDocument, run, undoChange } from '../../../../renderer/store/store';
import { moveNodes } from '../../../../arguments/operations';
import { setReadOnly } from '../../../../arguments/operations/reading';

function bigMap(n: number): ArgumentMap {
  const map = emptyMap('2026-01-02T03:04:05.000Z', 'Many claims');
  for (let i = 0; i < n; i++) {
    map.nodes[`n${i}`] = { id: `n${i}`, kind: 'claim', text: `Claim ${i}` };
    map.view.positions[`n${i}`] = { x: i, y: 0 };
  }
  return map;
}

const laidOut = (n: number): Record<Id, Point> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, { x: 10 * (i % 40), y: 300 * Math.floor(i / 40) }]));
const settled = () => Promise.resolve();

describe('applying a large layout', () => {
  const N = 3 * APPLY_CHUNK + 7;
  beforeEach(() => {
    notify(null);
    replaceDocument(documentState(bigMap(N), 'big.argmap.json', null));
  });

  it('shows it a chunk per task, records one step with the same positions, and undo takes it all back', async () => {
    const before = editor.getState().history;
    const target = laidOut(N);
    const frames: { placed: number; past: number; gesture: boolean }[] = [];
    const step = async () => {
      const h = editor.getState().history;
      frames.push({ placed: Object.keys(target).filter((id) => h.present.view.positions[id]!.x === target[id]!.x && h.present.view.positions[id]!.y === target[id]!.y).length, past: h.past.length, gesture: h.gestureBase !== undefined });
    };
    expect(await applyPositions(target, settled, step)).toBe(true);
    // Each task shows one more chunk, as a gesture's frame: nothing recorded until the end.
    expect(frames.map((f) => f.placed)).toEqual([APPLY_CHUNK, 2 * APPLY_CHUNK, 3 * APPLY_CHUNK, N]);
    expect(frames.every((f) => f.gesture && f.past === before.past.length)).toBe(true);
    const after = editor.getState().history;
    expect(after.gestureBase).toBeUndefined();
    expect(after.past).toHaveLength(before.past.length + 1);
    expect(after.past[after.past.length - 1]!.label).toBe('Move nodes');
    expect(after.present.view.positions).toEqual(target);
    undoChange();
    expect(getMap().view.positions).toEqual(before.present.view.positions);
    expect(editor.getState().history.past).toHaveLength(before.past.length);
    // Exactly what a single moveNodes step makes of the same positions.
    replaceDocument(documentState(bigMap(N), 'big.argmap.json', null));
    run(moveNodes(target));
    expect(getMap().view.positions).toEqual(after.present.view.positions);
  });

  it('a small layout is one change at once, with no task in between', async () => {
    replaceDocument(documentState(bigMap(APPLY_IN_STEPS_ABOVE), 'small.argmap.json', null));
    let tasks = 0;
    expect(await applyPositions(laidOut(APPLY_IN_STEPS_ABOVE), settled, async () => void tasks++)).toBe(true);
    expect(tasks).toBe(0);
    expect(getMap().view.positions).toEqual(laidOut(APPLY_IN_STEPS_ABOVE));
  });

  it('a drag begun meanwhile is not mixed in: it ends first, then the whole layout is a step of its own', async () => {
    let once = false;
    let dropped = false;
    const step = async () => {
      if (once) return;
      once = true;
      // The analyst starts dragging a card the layout has not reached yet.
      previewMove({ [`n${N - 1}`]: { x: -500, y: -500 } });
    };
    const drop = async () => {
      run(moveNodes({ [`n${N - 1}`]: { x: -500, y: -500 } }));
      dropped = true;
    };
    const before = editor.getState().history.past.length;
    expect(await applyPositions(laidOut(N), drop, step)).toBe(true);
    expect(dropped).toBe(true);
    const h = editor.getState().history;
    expect(h.gestureBase).toBeUndefined();
    expect(h.present.view.positions).toEqual(laidOut(N));
    // The drag's step, then the layout's: undoing the layout leaves the drag's result.
    expect(h.past).toHaveLength(before + 2);
    undoChange();
    expect(getMap().view.positions[`n${N - 1}`]).toEqual({ x: -500, y: -500 });
  });

  it('on a locked map nothing moves and the refusal is shown', async () => {
    run(setReadOnly(true));
    const before = editor.getState().history;
    expect(await applyPositions(laidOut(N), settled)).toBe(false);
    expect(editor.getState().history).toBe(before);
    expect(editor.getState().notice?.title).toBe('Cannot move nodes');
  });
});
