// A drag's frames are previews of moveNodes made without immer (renderer/store/store.ts:
// previewMove): the node moves at once, nothing is recorded, the drop is one undo step, and a
// refused move (no such node, a position that is not a number) changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { moveNodes } from '../../../../arguments/operations';
import { documentState, editor, previewMove, replaceDocument, run, undoChange } from '../../../../renderer/store/store';
import { sampleMap } from '../fakes';

describe('dragging a node', () => {
  beforeEach(() => replaceDocument(documentState(sampleMap(), 'test.argmap.json', null)));

  it('each frame moves it at once, unrecorded and frozen; the drop is one undo step back to where it was', () => {
    const before = editor.getState().history;
    const start = before.present.view.positions['c1'];
    previewMove({ c1: { x: 10, y: 20 } });
    previewMove({ c1: { x: 30, y: 40 } });
    const during = editor.getState().history;
    expect(during.present.view.positions['c1']).toEqual({ x: 30, y: 40 });
    expect(during.past).toBe(before.past);
    expect(during.gestureBase).toBe(before.present);
    expect(Object.isFrozen(during.present.view.positions)).toBe(true);
    // Everything but the positions is the same object: nothing else re-renders.
    expect(during.present.nodes).toBe(before.present.nodes);
    expect(during.present.relations).toBe(before.present.relations);
    run(moveNodes({ c1: { x: 30, y: 40 } }));
    const after = editor.getState().history;
    expect(after.past).toHaveLength(before.past.length + 1);
    expect(after.gestureBase).toBeUndefined();
    undoChange();
    expect(editor.getState().history.present.view.positions['c1']).toEqual(start);
  });

  it('a frame moving a node that is not there, or to a position that is not a number, changes nothing', () => {
    const before = editor.getState().history;
    previewMove({ nowhere: { x: 1, y: 1 } });
    previewMove({ c1: { x: Number.NaN, y: 1 } });
    expect(editor.getState().history).toBe(before);
  });
});
