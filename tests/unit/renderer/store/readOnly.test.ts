// Read-only (seminar mode): one gate in the store refuses every change of the map — operations,
// drag frames, undo and redo, editing in place — while selection still works; only the lock's
// own step passes, and a presentation's window lock not even that.
import { beforeEach, describe, expect, it } from 'vitest';
import { editNode, insertFragment, moveNodes } from '../../../../arguments/operations';
import { setReadOnly } from '../../../../arguments/operations/reading';
import { attempt, documentState, editor, isReadOnly, previewOp, READ_ONLY_REASON, redoChange, replaceDocument, run, select, showPresented, endPresenting, startEditing, undoChange } from '../../../../renderer/store/store';
import { sampleMap } from '../fakes';

const presentMap = () => editor.getState().history.present;

describe('a map locked for reading', () => {
  beforeEach(() => {
    replaceDocument(documentState(sampleMap(), 'test.argmap.json', null));
    run(editNode('c1', { text: 'An edit before the lock.' }));
    select({ nodes: ['c1'], relations: [] });
    startEditing('c1');
    expect(run(setReadOnly(true))).toBe(true);
  });

  it('ends an edit in place, and refuses every operation in words, changing nothing', () => {
    expect(isReadOnly()).toBe(true);
    expect(editor.getState().editing).toBeNull();
    const before = editor.getState().history;
    expect(attempt(editNode('c1', { text: 'x' }))).toBe(READ_ONLY_REASON);
    expect(attempt(insertFragment({ nodes: [{ id: 'n9', kind: 'claim', text: '' }], relations: [], positions: { n9: { x: 0, y: 0 } } }, 'Paste'))).toBe(READ_ONLY_REASON);
    expect(run(moveNodes({ c1: { x: 999, y: 999 } }))).toBe(false);
    expect(editor.getState().notice?.lines).toEqual([READ_ONLY_REASON]);
    previewOp(moveNodes({ c1: { x: 999, y: 999 } }));
    undoChange();
    redoChange();
    startEditing('c1');
    expect(editor.getState().history).toBe(before);
    expect(editor.getState().editing).toBeNull();
  });

  it('still selects', () => {
    select({ nodes: [], relations: [] });
    select({ nodes: ['c1'], relations: [] });
    expect(editor.getState().selection.nodes).toEqual(['c1']);
  });

  it('is unlocked by its own step, after which editing and undo work again (undo locks it again)', () => {
    expect(run(setReadOnly(false))).toBe(true);
    expect(isReadOnly()).toBe(false);
    expect(run(editNode('c1', { text: 'After the lock.' }))).toBe(true);
    undoChange();
    undoChange();
    expect(isReadOnly()).toBe(true);
  });

  it('a window locked by a presentation takes not even the unlock', () => {
    showPresented(presentMap(), []);
    expect(attempt(setReadOnly(false))).toBe(READ_ONLY_REASON);
    endPresenting();
    expect(attempt(setReadOnly(false))).toBeNull();
    expect(presentMap().view.readOnly).toBeUndefined();
  });
});
