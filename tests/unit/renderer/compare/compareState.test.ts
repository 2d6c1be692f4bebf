// The comparison in the app's store: a student's file is read through the platform and never
// becomes the document; a refused file is worded and changes nothing; bringing and merging are
// one undo step each and refused while the map is read-only; the comparison follows the map.
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { serializeMap } from '../../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../../arguments/model';
import { editNode } from '../../../../arguments/operations';
import { setReadOnly } from '../../../../arguments/operations/reading';
import {
  bringIntoMap,
  closeComparison,
  closeMergeConflicts,
  compareStore,
  compareWithStudentMap,
  mergeIntoMap,
  openMergeDialog,
  partnersOfSelection,
  readMapFile,
  selectStudentNodes,
} from '../../../../renderer/compare/compareState';
import { setFilePlatform, showDocument } from '../../../../renderer/files/fileCommands';
import { editor, getMap, isDirty, notify, run, undoChange } from '../../../../renderer/store/store';
import { bytesOf, fakePlatform } from '../fakes';

const shippedBytes = readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));
const r = loadMap(shippedBytes);
if (!r.ok) throw new Error('the shipped map does not load');
const model = r.map;
const OWN = 'The letter was meant to be read in Prague as well.';
const student = produce(model, (d) => {
  delete d.nodes.E1d;
  delete d.relations['r.E1d.O1'];
  delete d.view.positions.E1d;
  d.nodes.S1 = { id: 'S1', kind: 'counter', text: OWN };
  d.relations.rS1 = { id: 'rS1', kind: 'opposes', from: ['S1'], to: 'C1' };
  d.view.positions.S1 = { x: 3000, y: 0 };
});
const fileOf = (name: string, map: ArgumentMap) => ({ name, bytes: bytesOf(serializeMap(map)), ref: `ref-${name}` });

let fake: ReturnType<typeof fakePlatform>;
beforeEach(() => {
  fake = fakePlatform();
  setFilePlatform(fake.platform);
  showDocument(model, 'model.argmap.json', 'ref-model', null);
  closeComparison();
  closeMergeConflicts();
  notify(null);
});

async function compareWith(map: ArgumentMap, name = 'anna.argmap.json') {
  fake.state.next = fileOf(name, map);
  return compareWithStudentMap();
}

describe('comparing with a student’s map', () => {
  it('reads the student’s file beside the open map: the document, its name and its cleanness stay', async () => {
    expect(await compareWith(student)).toBe(true);
    const s = compareStore.getState().session!;
    expect(s.studentName).toBe('anna.argmap.json');
    expect(s.comparison.missing).toEqual(['E1d']);
    expect(s.comparison.extra).toEqual(['S1']);
    expect(s.model.get('E1d')).toBe('missing');
    expect(editor.getState().name).toBe('model.argmap.json');
    expect(getMap()).toBe(editor.getState().history.present);
    expect(Object.hasOwn(getMap().nodes, 'S1')).toBe(false);
    expect(isDirty()).toBe(false);
    closeComparison();
    expect(compareStore.getState().session).toBeNull();
    expect(isDirty()).toBe(false);
  });

  it('refuses a broken file in the loader’s words and a document as not a map; nothing changes', async () => {
    fake.state.next = { name: 'broken.argmap.json', bytes: bytesOf('{"nodes": '), ref: null };
    expect(await compareWithStudentMap()).toBe(false);
    const notice = editor.getState().notice!;
    expect(notice.kind).toBe('error');
    expect(notice.title).toBe('Could not read “broken.argmap.json”; nothing was changed');
    expect(notice.lines.length).toBeGreaterThan(0);
    expect(compareStore.getState().session).toBeNull();
    const doc = readMapFile({ name: 'letter.txt', bytes: bytesOf('Dear Comrade Gottwald,'), ref: null });
    expect(doc).toMatchObject({ ok: false, title: '“letter.txt” is not a map' });
  });

  it('does nothing when the user cancels', async () => {
    fake.state.next = null;
    expect(await compareWithStudentMap()).toBe(false);
    expect(editor.getState().notice).toBeNull();
  });

  it('selects the model’s counterparts of the student’s chosen nodes, and highlights the student’s of the model’s', async () => {
    await compareWith(student);
    selectStudentNodes(['C2', 'S1']);
    expect(compareStore.getState().studentSelection).toEqual(['C2', 'S1']);
    expect(editor.getState().selection.nodes).toEqual(['C2']);
    expect(partnersOfSelection(compareStore.getState().session!, ['C3', 'E1d'])).toEqual(new Set(['C3']));
  });

  it('compares again when the argument changes, not when a card moves', async () => {
    await compareWith(student);
    const first = compareStore.getState().session!;
    run(editNode('O3', { text: 'Quite another text about something else entirely.' }));
    // Compared again once the edits pause, not at once.
    expect(compareStore.getState().session).toBe(first);
    await vi.waitFor(() => expect(compareStore.getState().session).not.toBe(first));
    expect(compareStore.getState().session!.model.get('O3')).not.toBe('matched');
    undoChange();
    await vi.waitFor(() => expect(compareStore.getState().session!.model.get('O3')).toBe('matched'));
  });
});

describe('bringing a student’s nodes', () => {
  it('brings the chosen node with its relation as one undo step, and the overlay then matches it', async () => {
    await compareWith(student);
    const past = editor.getState().history.past.length;
    expect(bringIntoMap(['S1'])).toBe(true);
    const map = getMap();
    const brought = Object.values(map.nodes).find((n) => n.text === OWN)!;
    expect(brought).toBeDefined();
    expect(Object.values(map.relations).some((rel) => rel.kind === 'opposes' && rel.from[0] === brought.id && rel.to === 'C1')).toBe(true);
    expect(editor.getState().history.past).toHaveLength(past + 1);
    expect(compareStore.getState().session!.comparison.extra).toEqual([]);
    undoChange();
    expect(Object.values(getMap().nodes).some((n) => n.text === OWN)).toBe(false);
    expect(getMap()).toEqual(model);
  });

  it('is refused while the map is read-only, and nothing changes', async () => {
    run(setReadOnly(true));
    await compareWith(student);
    const before = getMap();
    expect(bringIntoMap(['S1'])).toBe(false);
    expect(getMap()).toBe(before);
    expect(editor.getState().notice?.title).toBe('Read-only');
  });
});

describe('merging edits', () => {
  const ours = produce(model, (d) => void (d.nodes.T!.text = 'Ours.'));
  const theirs = produce(model, (d) => {
    d.nodes.T!.text = 'Theirs.';
    d.nodes.X1 = { id: 'X1', kind: 'note', text: 'Their note.' };
  });

  it('merges as one undo step, keeps both versions of a conflict and lists it with its nodes', () => {
    showDocument(ours, 'ours.argmap.json', 'ref-ours', null);
    const outcome = mergeIntoMap(model, theirs, 'theirs.argmap.json')!;
    expect(outcome.conflicts).toHaveLength(1);
    const copy = outcome.conflicts[0]!.copy!;
    expect(getMap().nodes.T!.text).toBe('Ours.');
    expect(getMap().nodes[copy]!.text).toBe('Theirs.');
    expect(getMap().nodes.X1!.text).toBe('Their note.');
    expect(compareStore.getState().merge!.nodes).toEqual(new Set(['T', copy]));
    expect(editor.getState().history.past).toHaveLength(1);
    expect(editor.getState().history.past[0]!.label).toBe('Merge edits from “theirs.argmap.json”');
    undoChange();
    expect(getMap()).toEqual(ours);
  });

  it('is refused while the map is read-only: no dialog, no change', () => {
    run(setReadOnly(true));
    const before = getMap();
    expect(openMergeDialog()).toBe(false);
    expect(compareStore.getState().mergeDialog).toBe(false);
    expect(mergeIntoMap(model, theirs, 'theirs.argmap.json')).toBeNull();
    expect(getMap()).toBe(before);
  });
});
