import { beforeEach, describe, expect, it } from 'vitest';
import { describeIssue } from '../../../arguments/format/errors';
import { loadMap, MAX_FILE_BYTES } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import * as ops from '../../../arguments/operations';
import { answerSaveQuestion, fileDialogs, type SaveChoice } from '../../../renderer/files/dialogState';
import {
  canRevert,
  newMap,
  openBytes,
  openDroppedFile,
  openMap,
  restoreBackup,
  revertMap,
  saveMap,
  saveMapAs,
  setFilePlatform,
  showDocument,
  suggestedFileName,
  UNTITLED_NAME,
} from '../../../renderer/files/fileCommands';
import { SaveError } from '../../../renderer/platform/types';
import { editor, getMap, isDirty, notify, run, undoChange } from '../../../renderer/store/store';
import { bytesOf, fakePlatform, sampleBytes, sampleMap } from './fakes';

let fake = fakePlatform();

/** The open document: "open.argmap.json", saved at ref "ref-open", as on disk. */
function openSample(): void {
  fake.state.disk.set('ref-open', serializeMap(sampleMap()));
  showDocument(sampleMap(), 'open.argmap.json', 'ref-open', null);
}

function edit(text = 'Moscow ordered the boycott.'): void {
  expect(run(ops.editNode('c1', { text }))).toBe(true);
}

/** Waits for the Save-changes question and answers it. */
async function answer(choice: SaveChoice): Promise<string> {
  for (let i = 0; i < 20 && !fileDialogs.getState().saveQuestion; i++) await Promise.resolve();
  const q = fileDialogs.getState().saveQuestion;
  expect(q).not.toBeNull();
  answerSaveQuestion(choice);
  return q!.name;
}

beforeEach(() => {
  fake = fakePlatform();
  setFilePlatform(fake.platform);
  fileDialogs.setState({ saveQuestion: null, recovery: null });
  openSample();
  notify(null);
});

describe('opening a broken file', () => {
  const good = JSON.parse(serializeMap(sampleMap())) as Record<string, unknown> & { nodes: { id: string }[]; relations: { from: string[] }[] };
  const variant = (change: (f: typeof good) => void) => {
    const f = structuredClone(good);
    change(f);
    return bytesOf(JSON.stringify(f));
  };
  const broken: [string, Uint8Array][] = [
    ['empty', new Uint8Array()],
    ['not JSON', bytesOf('{ "format": argument-atlas }')],
    ['truncated', sampleBytes().subarray(0, 200)],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])],
    ['newer version', variant((f) => (f.version = 99))],
    ['dangling relation', variant((f) => (f.relations[0]!.from = ['nowhere']))],
    ['duplicate ids', variant((f) => (f.nodes[1]!.id = f.nodes[0]!.id))],
    ['too large', new Uint8Array(MAX_FILE_BYTES + 1)],
  ];

  it.each(broken)('%s: the worded errors are shown and the open document is untouched', async (_label, bytes) => {
    edit(); // unsaved changes that must survive
    const before = editor.getState();
    fake.state.next = { name: 'bad.argmap.json', bytes, ref: 'ref-bad' };

    const opened = openMap();
    expect(await answer('discard')).toBe('open.argmap.json');
    expect(await opened).toBe(false);

    const after = editor.getState();
    expect(after.history).toBe(before.history);
    expect(after.name).toBe('open.argmap.json');
    expect(after.fileRef).toBe('ref-open');
    expect(isDirty()).toBe(true);
    const expected = loadMap(bytes);
    expect(expected.ok).toBe(false);
    expect(after.notice).toEqual({
      kind: 'error',
      title: 'Could not open “bad.argmap.json”',
      lines: expected.ok ? [] : expected.errors.map(describeIssue),
    });
    expect(after.notice!.lines.length).toBeGreaterThan(0);
  });

  it('a broken dropped file is refused without asking about unsaved changes', async () => {
    edit();
    const before = editor.getState().history;
    expect(await openBytes('dropped.json', bytesOf('not a map'), null)).toBe(false);
    expect(fileDialogs.getState().saveQuestion).toBeNull();
    expect(editor.getState().history).toBe(before);
    expect(editor.getState().notice?.title).toBe('Could not open “dropped.json”');
    expect(editor.getState().notice?.lines[0]).toMatch(/not valid JSON at line 1/);
  });
});

describe('opening a good file', () => {
  it('replaces the document: its map, name and file reference, clean', async () => {
    fake.state.next = { name: 'other.argmap.json', bytes: sampleBytes('Another map'), ref: 'ref-other' };
    expect(await openMap()).toBe(true);
    const s = editor.getState();
    expect(getMap().meta.title).toBe('Another map');
    expect([s.name, s.fileRef, isDirty()]).toEqual(['other.argmap.json', 'ref-other', false]);
  });

  it('a cancelled Open changes nothing', async () => {
    const before = editor.getState().history;
    fake.state.next = null;
    expect(await openMap()).toBe(false);
    expect(editor.getState().history).toBe(before);
    expect(editor.getState().notice).toBeNull();
  });

  it('a dropped file is read through the platform', async () => {
    const bytes = sampleBytes('Dropped');
    const file = { name: 'dropped.argmap.json', arrayBuffer: async () => bytes.slice().buffer };
    expect(await openDroppedFile(file)).toBe(true);
    expect(editor.getState().name).toBe('dropped.argmap.json');
    expect(getMap().meta.title).toBe('Dropped');
  });
});

describe('saving', () => {
  it('writes the map to its file and marks the document saved, without an undo step', async () => {
    edit();
    const history = editor.getState().history;
    expect(isDirty()).toBe(true);

    expect(await saveMap()).toBe(true);

    expect(fake.platform.saveFile).toHaveBeenCalledTimes(1);
    expect(fake.platform.saveFile.mock.calls[0]![2]).toBe('ref-open');
    expect(isDirty()).toBe(false);
    expect(editor.getState().history).toBe(history); // meta.modified was not an edit
    const text = fake.state.disk.get('ref-open')!;
    const reloaded = loadMap(text);
    expect(reloaded.ok).toBe(true);
    if (!reloaded.ok) return;
    expect(reloaded.map.nodes.c1!.text).toBe('Moscow ordered the boycott.');
    expect(reloaded.map.meta.modified).not.toBe(getMap().meta.modified);
    expect(Date.parse(reloaded.map.meta.modified)).toBeGreaterThan(Date.now() - 60_000);
    // Apart from the time of saving, the file is the map.
    expect(serializeMap({ ...reloaded.map, meta: { ...reloaded.map.meta, modified: getMap().meta.modified } })).toBe(serializeMap(getMap()));
  });

  it('undoing to the save point makes the document clean again', async () => {
    await saveMap();
    edit();
    expect(isDirty()).toBe(true);
    undoChange();
    expect(isDirty()).toBe(false);
  });

  it('Save As takes the chosen name and file', async () => {
    expect(await saveMapAs()).toBe(true);
    expect(fake.platform.saveFile.mock.calls[0]![2]).toBeNull();
    expect([editor.getState().name, editor.getState().fileRef]).toEqual(['chosen.argmap.json', 'ref-chosen']);
  });

  it('a new map suggests a name from its title', async () => {
    expect(await newMap()).toBe(true);
    expect(editor.getState().name).toBe(UNTITLED_NAME);
    run(ops.setMeta({ title: 'Stalin’s letter to Gottwald, 1950' }));
    await saveMap();
    expect(fake.platform.saveFile.mock.calls[0]!.slice(1)).toEqual(['stalins-letter-to-gottwald-1950.argmap.json', null]);
    expect(suggestedFileName('  ')).toBe('untitled-map.argmap.json');
    expect(suggestedFileName('Письмо Сталина')).toBe('письмо-сталина.argmap.json');
  });

  it('a failed save keeps the document dirty and shows the reason', async () => {
    edit();
    fake.state.failWith = new SaveError('The disk is full.');
    expect(await saveMap()).toBe(false);
    expect(isDirty()).toBe(true);
    expect(editor.getState().notice).toEqual({ kind: 'error', title: 'Could not save “open.argmap.json”', lines: ['The disk is full.'] });
  });

  it('a cancelled Save As keeps the document dirty and unnamed', async () => {
    edit();
    fake.state.saveAsTarget = null;
    expect(await saveMapAs()).toBe(false);
    expect(isDirty()).toBe(true);
    expect(editor.getState().name).toBe('open.argmap.json');
  });

  it('edits made while the file is written stay unsaved', async () => {
    edit('first');
    let release = () => {};
    fake.platform.saveFile.mockImplementationOnce(async (text: string) => {
      await new Promise<void>((r) => (release = r));
      fake.state.disk.set('ref-open', text);
      return { name: 'open.argmap.json', ref: 'ref-open' };
    });
    const saving = saveMap();
    await Promise.resolve();
    edit('second');
    release();
    expect(await saving).toBe(true);
    expect(isDirty()).toBe(true);
    undoChange();
    expect(isDirty()).toBe(false);
  });
});

describe('unsaved changes', () => {
  it('New asks first; Cancel keeps the document', async () => {
    edit();
    const before = editor.getState().history;
    const made = newMap();
    expect(await answer('cancel')).toBe('open.argmap.json');
    expect(await made).toBe(false);
    expect(editor.getState().history).toBe(before);
    expect(isDirty()).toBe(true);
  });

  it("New with Don't Save discards the changes", async () => {
    edit();
    const made = newMap();
    await answer('discard');
    expect(await made).toBe(true);
    expect(Object.keys(getMap().nodes)).toEqual([]);
    expect(fake.platform.saveFile).not.toHaveBeenCalled();
  });

  it('New with Save saves first; a failed save cancels New', async () => {
    edit();
    fake.state.failWith = new SaveError('The disk is full.');
    const made = newMap();
    await answer('save');
    expect(await made).toBe(false);
    expect(getMap().nodes.c1).toBeDefined();

    fake.state.failWith = null;
    const again = newMap();
    await answer('save');
    expect(await again).toBe(true);
    expect(loadMap(fake.state.disk.get('ref-open')!).ok).toBe(true);
    expect(editor.getState().name).toBe(UNTITLED_NAME);
  });

  it('a clean document is replaced without asking', async () => {
    expect(await newMap()).toBe(true);
    expect(fileDialogs.getState().saveQuestion).toBeNull();
  });
});

describe('revert', () => {
  it('reads the file again', async () => {
    edit();
    const reverting = revertMap();
    await answer('discard');
    expect(await reverting).toBe(true);
    expect(getMap().nodes.c1!.text).toBe('Moscow approved the boycott.');
    expect(isDirty()).toBe(false);
  });

  it('without a file reference, goes back to the bytes it was opened from', async () => {
    expect(await openBytes('upload.argmap.json', sampleBytes('Uploaded'), null)).toBe(true);
    edit();
    const reverting = revertMap();
    await answer('discard');
    expect(await reverting).toBe(true);
    expect(getMap().nodes.c1!.text).toBe('Moscow approved the boycott.');
    expect(editor.getState().name).toBe('upload.argmap.json');
  });

  it('asks Revert / Cancel (not whether to save); Cancel keeps the changes', async () => {
    edit();
    const reverting = revertMap();
    for (let i = 0; i < 20 && !fileDialogs.getState().saveQuestion; i++) await Promise.resolve();
    expect(fileDialogs.getState().saveQuestion?.kind).toBe('revert');
    answerSaveQuestion('cancel');
    expect(await reverting).toBe(false);
    expect(isDirty()).toBe(true);
    expect(getMap().nodes.c1!.text).not.toBe('Moscow approved the boycott.');
  });

  it('a never-saved map has nothing to revert to', async () => {
    await newMap();
    expect(canRevert()).toBe(false);
    expect(await revertMap()).toBe(false);
    expect(editor.getState().notice?.title).toBe('Nothing to revert to');
  });
});

describe('restoring a backup', () => {
  it('opens the backed-up map as an unsaved document under its old name', async () => {
    const map = sampleMap('Recovered work');
    const outcome = await restoreBackup({ text: serializeMap(map), name: 'letter.argmap.json', savedAt: '2026-01-02T03:04:05.000Z' });
    expect(outcome).toBe('restored');
    expect(getMap().meta.title).toBe('Recovered work');
    expect([editor.getState().name, editor.getState().fileRef, isDirty()]).toEqual(['letter.argmap.json', null, true]);
    // Saving it asks where, suggesting the old name, and then it is clean.
    await saveMap();
    expect(fake.platform.saveFile.mock.calls[0]!.slice(1)).toEqual(['letter.argmap.json', null]);
    expect(isDirty()).toBe(false);
  });

  it('an unreadable backup is reported and nothing changes', async () => {
    const before = editor.getState().history;
    expect(await restoreBackup({ text: '{', name: 'x.argmap.json', savedAt: '' })).toBe('unreadable');
    expect(editor.getState().history).toBe(before);
    expect(editor.getState().notice?.kind).toBe('error');
  });
});
