// A node added and written for the first time: Esc on it leaves no trace; its first text joins
// its creation in one undo step (renderer/store/store.ts: startEditing, finishEditing).
import { beforeEach, describe, expect, it } from 'vitest';
import { undo } from '../../../../arguments/history';
import { insertFragment } from '../../../../arguments/operations';
import { documentState, editor, finishEditing, isDirty, replaceDocument, run, select, startEditing, undoChange } from '../../../../renderer/store/store';
import { sampleMap } from '../fakes';

function addEmpty(id = 'n9') {
  const before = { history: editor.getState().history, selection: editor.getState().selection };
  run(insertFragment({ nodes: [{ id, kind: 'claim', text: '' }], relations: [], positions: { [id]: { x: 0, y: 400 } } }, 'Add claim'));
  select({ nodes: [id], relations: [] });
  startEditing(id, before);
  return before;
}

describe('a new node written in place', () => {
  beforeEach(() => {
    replaceDocument(documentState(sampleMap(), 'test.argmap.json', null));
    select({ nodes: ['c1'], relations: [] });
  });

  it('Esc on it while empty takes it back: map, undo stack, selection and dirty state as before', () => {
    const before = addEmpty();
    expect(finishEditing('n9', null)).toBe('discarded');
    const s = editor.getState();
    expect(s.history).toBe(before.history);
    expect(Object.hasOwn(s.history.present.nodes, 'n9')).toBe(false);
    expect(s.selection.nodes).toEqual(['c1']);
    expect(s.editing).toBeNull();
    expect(isDirty()).toBe(false);
  });

  it('its first text and its creation are one undo step', () => {
    const before = addEmpty();
    expect(finishEditing('n9', 'The boycott was meant to end with a return.')).toBe('saved');
    const s = editor.getState();
    expect(s.history.past.length).toBe(before.history.past.length + 1);
    expect(s.history.present.nodes.n9!.text).toBe('The boycott was meant to end with a return.');
    undoChange();
    expect(editor.getState().history.present).toEqual(before.history.present);
  });

  it('a second end (a blur after Esc) is ignored, and Esc on a node that was not just added only cancels', () => {
    addEmpty();
    finishEditing('n9', null);
    expect(finishEditing('n9', 'late text')).toBe('ignored');
    startEditing('c1');
    expect(finishEditing('c1', null)).toBe('unchanged');
    expect(editor.getState().history.present.nodes.c1!.text).toBe('Moscow approved the boycott.');
  });

  it('after another step in between (the node was dragged), the text is its own step and Esc keeps the node', () => {
    addEmpty();
    run(insertFragment({ nodes: [{ id: 'n10', kind: 'note', text: 'x' }], relations: [], positions: {} }, 'Paste'));
    const steps = editor.getState().history.past.length;
    expect(finishEditing('n9', null)).toBe('unchanged');
    expect(Object.hasOwn(editor.getState().history.present.nodes, 'n9')).toBe(true);
    expect(editor.getState().history.past.length).toBe(steps);
    // The undo stack is intact.
    expect(undo(editor.getState().history).past.length).toBe(steps - 1);
  });
});
