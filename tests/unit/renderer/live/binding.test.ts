// The store on a live document (renderer/live/binding.ts): the store's operations run through the
// session, a peer's change reaches the store with only the touched records new, undo is one's own,
// a new node and its first text are one step, and the page's role refuses edits in words.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../../arguments/format/load';
import { toYDoc } from '../../../../arguments/live/mirror';
import { LiveSession } from '../../../../arguments/live/session';
import type { RoomInfo } from '../../../../arguments/live/protocol';
import { cloneFragment, editNode, insertFragment, moveNodes } from '../../../../arguments/operations';
import type { ArgumentMap } from '../../../../arguments/model';
import { bindLiveDocument, type LiveBinding } from '../../../../renderer/live/binding';
import { attempt, attemptStep, editor, isDirty, markSaved, finishEditing, getMap, isReadOnly, newId, previewMove, redoChange, startEditing, undoChange, replaceDocument, documentState } from '../../../../renderer/store/store';
import { addPendingSource, setField, setPasted } from '../../../../renderer/sources/addSourceFlow';
import { openAddSource } from '../../../../renderer/sources/addSourceState';
import { sourcesPane } from '../../../../renderer/sources/paneState';

const SHIPPED = readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));
function load(): ArgumentMap {
  const r = loadMap(SHIPPED);
  if (!r.ok) throw new Error('seed');
  return r.map;
}

function pair() {
  const a = toYDoc(load());
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(b, u, 'wire'));
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(a, u, 'wire'));
  return { mine: new LiveSession(a), theirs: new LiveSession(b) };
}

const info = (mayEdit: RoomInfo['mayEdit'], name = 'Tomas'): RoomInfo => ({ code: 'K7QM4P', mode: 'open', role: mayEdit === 'everything' ? 'instructor' : 'student', name, title: 'T', mayEdit });

let binding: LiveBinding | null = null;
afterEach(() => {
  binding?.unbind();
  binding = null;
});

const someNode = (m: ArgumentMap) => Object.keys(m.nodes).sort()[0]!;

describe('the store on a live document', () => {
  it('runs the store’s operations through the session and shows a peer’s change, re-reading only what it touched', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    expect(editor.getState().live?.code).toBe('K7QM4P');
    const [first, second] = Object.keys(getMap().nodes).sort();
    expect(attempt(editNode(first!, { text: 'Mine.' }))).toBeNull();
    expect(theirs.map.nodes[first!]!.text).toBe('Mine.');
    const before = getMap();
    const r = theirs.apply(editNode(second!, { text: 'Theirs.' }));
    expect(r.ok).toBe(true);
    const after = getMap();
    expect(after.nodes[second!]!.text).toBe('Theirs.');
    // Untouched records keep their identity: their cards do not re-render.
    expect(after.nodes[first!]).toBe(before.nodes[first!]);
    expect(after.relations).toBe(before.relations);
    expect(after.view.positions).toBe(before.view.positions);
  });

  it('undoes only this page’s own steps, with their labels, and redoes them', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    const [first, second] = Object.keys(getMap().nodes).sort();
    attempt(editNode(first!, { text: 'Mine.' }));
    theirs.apply(editNode(second!, { text: 'Theirs.' }));
    expect(editor.getState().live).toMatchObject({ canUndo: true, undoLabel: 'Edit text' });
    undoChange();
    expect(getMap().nodes[first!]!.text).not.toBe('Mine.');
    expect(getMap().nodes[second!]!.text).toBe('Theirs.');
    expect(theirs.map.nodes[first!]!.text).not.toBe('Mine.');
    expect(editor.getState().live).toMatchObject({ canUndo: false, canRedo: true });
    redoChange();
    expect(getMap().nodes[first!]!.text).toBe('Mine.');
  });

  it('makes new ids in this peer’s own namespace, and a new node with its first text is one step', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    const id = newId('n');
    expect(id).toContain(`.${mine.doc.clientID.toString(36)}.`);
    const before = { history: editor.getState().history, selection: editor.getState().selection };
    expect(attempt(insertFragment({ nodes: [{ id, kind: 'claim', text: '' }], relations: [], positions: { [id]: { x: 0, y: 0 } } }, 'Add claim'))).toBeNull();
    startEditing(id, before);
    expect(finishEditing(id, 'A new claim.')).toBe('saved');
    expect(theirs.map.nodes[id]!.text).toBe('A new claim.');
    expect(editor.getState().live?.undoLabel).toBe('Add claim');
    undoChange();
    expect(Object.hasOwn(getMap().nodes, id)).toBe(false);
    expect(Object.hasOwn(theirs.map.nodes, id)).toBe(false);
  });

  it('tells the store’s subscribers once per own step, undo and redo (not once for the map and again for the marker)', () => {
    const { mine } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    const id = someNode(getMap());
    let updates = 0;
    const stop = editor.subscribe(() => void updates++);
    try {
      expect(attempt(editNode(id, { text: 'Once.' }))).toBeNull();
      expect(updates).toBe(1);
      expect(editor.getState().live).toMatchObject({ canUndo: true, undoLabel: 'Edit text' });
      undoChange();
      expect(updates).toBe(2);
      expect(editor.getState().live).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'Edit text' });
      redoChange();
      expect(updates).toBe(3);
      expect(getMap().nodes[id]!.text).toBe('Once.');
    } finally {
      stop();
    }
  });

  it('Esc on a node just added takes it back without a redo of it', () => {
    const { mine } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    const id = newId('n');
    const before = { history: editor.getState().history, selection: editor.getState().selection };
    attempt(insertFragment({ nodes: [{ id, kind: 'claim', text: '' }], relations: [], positions: { [id]: { x: 0, y: 0 } } }, 'Add claim'));
    startEditing(id, before);
    expect(finishEditing(id, null)).toBe('discarded');
    expect(Object.hasOwn(getMap().nodes, id)).toBe(false);
    expect(editor.getState().live).toMatchObject({ canUndo: false, canRedo: false });
  });

  it('a drag is shown to the others frame by frame and is one step', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    const id = someNode(getMap());
    const start = getMap().view.positions[id]!;
    previewMove({ [id]: { x: start.x + 10, y: start.y } });
    expect(theirs.map.view.positions[id]!.x).toBe(start.x + 10);
    previewMove({ [id]: { x: start.x + 20, y: start.y } });
    expect(attempt(moveNodes({ [id]: { x: start.x + 30, y: start.y } }))).toBeNull();
    expect(theirs.map.view.positions[id]!.x).toBe(start.x + 30);
    undoChange();
    expect(getMap().view.positions[id]).toEqual(start);
    expect(theirs.map.view.positions[id]).toEqual(start);
  });

  it('a read-only peer’s page refuses every edit in words and changes nothing', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('nothing'), () => undefined);
    expect(isReadOnly()).toBe(true);
    const id = someNode(getMap());
    const text = theirs.map.nodes[id]!.text;
    expect(attempt(editNode(id, { text: 'No.' }))).toMatch(/read-only: the instructor edits/);
    expect(theirs.map.nodes[id]!.text).toBe(text);
  });

  it('an own-voice student’s new nodes take their voice; another voice’s node is refused', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('own-voice', 'Tomas'), () => undefined);
    const analyst = someNode(getMap());
    expect(attempt(editNode(analyst, { text: 'Mine now.' }))).toMatch(/In this seminar you may edit only your own nodes \(voice “student:Tomas”\)/);
    startEditing(analyst);
    expect(editor.getState().editing).toBeNull();
    expect(editor.getState().notice?.title).toBe('Not your node');
    const id = newId('n');
    expect(attempt(insertFragment({ nodes: [{ id, kind: 'claim', text: 'My claim.' }], relations: [], positions: { [id]: { x: 0, y: 0 } } }, 'Add claim'))).toBeNull();
    expect(theirs.map.nodes[id]!.voice).toBe('student:Tomas');
    expect(attempt(editNode(id, { text: 'My claim, better.' }))).toBeNull();
  });

  it('leaving keeps the live map open as an ordinary document; opening another document leaves the seminar', () => {
    const { mine } = pair();
    let left = 0;
    binding = bindLiveDocument(mine, info('everything'), () => left++);
    const id = someNode(getMap());
    attempt(editNode(id, { text: 'Kept.' }));
    replaceDocument(documentState(load(), 'other.argmap.json', null));
    expect(left).toBe(1);
    expect(editor.getState().live).toBeNull();
    expect(attempt(editNode(id, { text: 'Local.' }))).toBeNull();
    expect(mine.map.nodes[id]!.text).toBe('Kept.');
    binding = null;
    const again = pair();
    const b2 = bindLiveDocument(again.mine, info('everything'), () => undefined);
    attempt(editNode(id, { text: 'Kept too.' }));
    b2.unbind();
    expect(editor.getState().live).toBeNull();
    expect(getMap().nodes[id]!.text).toBe('Kept too.');
    expect(editor.getState().history.past).toHaveLength(0);
  });

  it('Add Source in a seminar opens the source it added (its id is this peer’s from the start)', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    openAddSource();
    setPasted('We view the withdrawal differently.');
    setField('title', 'My Source');
    const id = addPendingSource();
    expect(id).toBe(`my-source.${mine.doc.clientID.toString(36)}.1`);
    expect(Object.hasOwn(getMap().sources, id!)).toBe(true);
    expect(Object.hasOwn(theirs.map.sources, id!)).toBe(true);
    expect(sourcesPane.getState().request).toEqual({ id });
  });

  it('a pasted copy made with the store’s ids keeps them in a seminar (paste selects what it added)', () => {
    const { mine, theirs } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    const [a, b] = Object.keys(getMap().nodes).sort();
    // As renderer/commands.ts paste() does it.
    const frag = cloneFragment(getMap(), [a!, b!], getMap(), { x: 40, y: 40 }, newId);
    expect(attemptStep(insertFragment(frag, 'Paste 2 nodes'))).toEqual({ ok: true, renamed: new Map() });
    for (const { id } of frag.nodes) {
      expect(id).toContain(`.${mine.doc.clientID.toString(36)}.`);
      expect(Object.hasOwn(getMap().nodes, id)).toBe(true);
      expect(Object.hasOwn(theirs.map.nodes, id)).toBe(true);
    }
    expect(frag.nodes.map(({ id }) => getMap().nodes[id]!.text)).toEqual([getMap().nodes[a!]!.text, getMap().nodes[b!]!.text]);
  });

  it('a step that adds a record under a plain id tells the caller its new id', () => {
    const { mine } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    const r = attemptStep(insertFragment({ nodes: [{ id: 'n999', kind: 'claim', text: 'Plain.' }], relations: [], positions: { n999: { x: 0, y: 0 } } }, 'Add claim'));
    expect(r.ok).toBe(true);
    const to = r.ok ? r.renamed.get('n999') : undefined;
    expect(to).toContain(`.${mine.doc.clientID.toString(36)}.`);
    expect(getMap().nodes[to!]!.text).toBe('Plain.');
    expect(Object.hasOwn(getMap().nodes, 'n999')).toBe(false);
  });

  it('the seminar’s copy is unsaved while live and after Leave, until it is saved as a file', () => {
    const { mine } = pair();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    expect(isDirty()).toBe(true);
    binding.unbind();
    binding = null;
    expect(editor.getState().live).toBeNull();
    // Opening another file or closing the window asks before throwing the copy away.
    expect(isDirty()).toBe(true);
    markSaved('seminar.argmap.json', 'ref');
    expect(isDirty()).toBe(false);
    expect(attempt(editNode(someNode(getMap()), { text: 'Later.' }))).toBeNull();
    expect(isDirty()).toBe(true);
  });
});

describe('a student’s draft bound beside the class map', () => {
  let draftBinding: LiveBinding | null = null;
  afterEach(() => {
    draftBinding?.unbind();
    draftBinding = null;
  });

  /** The class room's pair and a draft forked from it (the same structs, as the host forks it). */
  function classAndDraft() {
    const classRoom = pair();
    const draftDoc = new Y.Doc();
    Y.applyUpdate(draftDoc, Y.encodeStateAsUpdate(classRoom.mine.doc));
    return { ...classRoom, draft: new LiveSession(draftDoc) };
  }

  it('shows the draft in place of the class map: its edits stay in it, a class change shown later, and each keeps its own undo', () => {
    const { mine, theirs, draft } = classAndDraft();
    let left = 0;
    binding = bindLiveDocument(mine, info('nothing'), () => void left++);
    const id = someNode(getMap());
    const original = getMap().nodes[id]!.text;
    draftBinding = bindLiveDocument(draft, { ...info('everything'), role: 'student' }, () => void left++, { draftOf: 'Tomas', beside: true });
    // Bound beside: the class map is still the one shown, read-only for this reader.
    expect(draftBinding.shown()).toBe(false);
    expect(binding.shown()).toBe(true);
    expect(isReadOnly()).toBe(true);
    draftBinding.show();
    expect(draftBinding.shown()).toBe(true);
    expect(binding.shown()).toBe(false);
    // Save as offers it as the draft's copy, not the class map's.
    expect(editor.getState().name).toMatch(/ \(draft of Tomas\)\.argmap\.json$/);
    expect(isReadOnly()).toBe(false);
    expect(attempt(editNode(id, { text: 'Only in my draft.' }))).toBeNull();
    expect(draft.map.nodes[id]!.text).toBe('Only in my draft.');
    expect(mine.map.nodes[id]!.text).toBe(original);
    expect(theirs.map.nodes[id]!.text).toBe(original);
    // The instructor's change of the class map while the draft is shown: not the view's.
    const other = Object.keys(getMap().nodes).sort()[1]!;
    theirs.apply(editNode(other, { text: 'The instructor’s.' }));
    expect(getMap().nodes[other]!.text).not.toBe('The instructor’s.');
    expect(editor.getState().live).toMatchObject({ mayEdit: 'everything', canUndo: true, undoLabel: 'Edit text' });
    // Back to the class map: the class's map as it is now, its own (empty) undo, the draft's edit not in it.
    binding.show();
    expect(getMap().nodes[other]!.text).toBe('The instructor’s.');
    expect(getMap().nodes[id]!.text).toBe(original);
    expect(editor.getState().live).toMatchObject({ mayEdit: 'nothing', canUndo: false });
    expect(editor.getState().name).toContain('(seminar copy)');
    // And to the draft again: its edit is there, and its undo takes it back (in the draft only).
    draftBinding.show();
    expect(getMap().nodes[id]!.text).toBe('Only in my draft.');
    undoChange();
    expect(getMap().nodes[id]!.text).toBe(original);
    expect(draft.map.nodes[id]!.text).toBe(original);
    expect(left).toBe(0);
  });

  it('a selection and an edit in progress are the map’s shown: switching drops them, never carries them across', () => {
    const { mine, draft } = classAndDraft();
    binding = bindLiveDocument(mine, info('everything'), () => undefined);
    draftBinding = bindLiveDocument(draft, info('everything'), () => undefined, { draftOf: 'Tomas', beside: true });
    const id = someNode(getMap());
    editor.setState({ selection: { nodes: [id], relations: [] } });
    startEditing(id);
    draftBinding.show();
    expect(editor.getState().selection.nodes).toEqual([]);
    expect(editor.getState().editing).toBeNull();
  });

  it('Leave while the draft is shown keeps the draft open as an unsaved copy; unbinding the class map behind it changes nothing shown', () => {
    const { mine, draft } = classAndDraft();
    binding = bindLiveDocument(mine, info('nothing'), () => undefined);
    draftBinding = bindLiveDocument(draft, info('everything'), () => undefined, { draftOf: 'Tomas', beside: true });
    draftBinding.show();
    const id = someNode(getMap());
    attempt(editNode(id, { text: 'Kept after Leave.' }));
    binding.unbind();
    binding = null;
    expect(editor.getState().live).toMatchObject({ mayEdit: 'everything' });
    expect(getMap().nodes[id]!.text).toBe('Kept after Leave.');
    draftBinding.unbind();
    draftBinding = null;
    expect(editor.getState().live).toBeNull();
    expect(getMap().nodes[id]!.text).toBe('Kept after Leave.');
    expect(isDirty()).toBe(true);
  });

  it('opening another document while the draft is shown leaves the seminar (both maps’ bindings)', () => {
    const { mine, draft } = classAndDraft();
    const leaves: string[] = [];
    binding = bindLiveDocument(mine, info('everything'), () => leaves.push('class'));
    draftBinding = bindLiveDocument(draft, info('everything'), () => leaves.push('draft'), { draftOf: 'Tomas', beside: true });
    draftBinding.show();
    replaceDocument(documentState(load(), 'other.argmap.json', null));
    expect(leaves).toEqual(['draft']);
    expect(editor.getState().live).toBeNull();
    expect(editor.getState().name).toBe('other.argmap.json');
  });
});
