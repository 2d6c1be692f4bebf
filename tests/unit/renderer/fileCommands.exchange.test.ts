// Argdown and AIF given to Open (renderer/files/fileCommands.ts + exchange.ts): a new unsaved map
// with its loss report, or, for a file with a problem, the problem with its line and column and
// the open map untouched. And Save As asking for a name where the platform has no Save dialog.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportAif } from '../../../arguments/interop/aif/export';
import { answerNameQuestion, fileDialogs } from '../../../renderer/files/dialogState';
import { mapNameForImport } from '../../../renderer/files/exchange';
import { openDroppedFile, openMap, saveMapAs, setFilePlatform, showDocument, typedFileName } from '../../../renderer/files/fileCommands';
import { editor, getMap, isDirty, notify } from '../../../renderer/store/store';
import { bytesOf, fakePlatform, sampleMap } from './fakes';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/interop/${name}`, import.meta.url)));
let fake = fakePlatform();

beforeEach(() => {
  fake = fakePlatform();
  setFilePlatform(fake.platform);
  showDocument(sampleMap(), 'open.argmap.json', 'ref-open', null);
  notify(null);
});

describe('Open on an Argdown or AIF file', () => {
  it('an Argdown file becomes a new, unsaved map without a file (Save asks where)', async () => {
    fake.state.next = { name: 'boycott.argdown', bytes: fixture('boycott.argdown'), ref: 'ref-argdown' };
    expect(await openMap()).toBe(true);
    const s = editor.getState();
    expect(s.name).toBe('boycott.argmap.json');
    expect(s.fileRef).toBeNull(); // never written back over the .argdown
    expect(isDirty(s)).toBe(true);
    expect(Object.values(getMap().nodes).map((n) => n.title).sort()).toEqual(['Accident', 'Boycott', 'Free hand', 'Letter']);
    expect(s.notice).toMatchObject({ kind: 'info', title: 'Imported “boycott.argdown” (Argdown) as a new map' });
  });

  it('a syntax error is shown with its line and column, and the open map stays as it was', async () => {
    const before = getMap();
    fake.state.next = { name: 'broken.argdown', bytes: fixture('broken.argdown'), ref: null };
    expect(await openMap()).toBe(false);
    expect(getMap()).toBe(before);
    expect(editor.getState().name).toBe('open.argmap.json');
    expect(editor.getState().notice?.kind).toBe('error');
    expect(editor.getState().notice?.lines[0]).toMatch(/^line 5, column 1: /);
  });

  it('AIF is told by its content, also when dropped (not offered as a source)', async () => {
    const aif = exportAif(sampleMap()).text;
    const opened = await openDroppedFile({ name: 'debate.json', arrayBuffer: async () => bytesOf(aif).slice().buffer as ArrayBuffer });
    expect(opened).toBe(true);
    expect(editor.getState().name).toBe('debate.argmap.json');
    expect(Object.keys(getMap().nodes).sort()).toEqual(Object.keys(sampleMap().nodes).sort());
    expect(editor.getState().notice?.lines).toEqual(['2 statements and 1 relation; the map is not saved yet (Save asks where).', 'Everything in the file was carried into the map.']);
  });

  it('a file that is not UTF-8 is refused in words', async () => {
    fake.state.next = { name: 'latin.argdown', bytes: new Uint8Array([0x5b, 0x41, 0x5d, 0x3a, 0x20, 0xe9, 0x0a]), ref: null };
    expect(await openMap()).toBe(false);
    expect(editor.getState().notice?.lines[0]).toMatch(/not UTF-8 text/);
  });

  it('the new map is named after the file', () => {
    expect(mapNameForImport('debate.argdown')).toBe('debate.argmap.json');
    expect(mapNameForImport('map.aif.json')).toBe('map.argmap.json');
    expect(mapNameForImport('ova.json')).toBe('ova.argmap.json');
  });
});

describe('Save As without a Save dialog of the platform', () => {
  it('asks for a name, offering the current one, and saves under the name typed', async () => {
    const platform = { ...fake.platform, hasSaveDialog: () => false };
    setFilePlatform(platform);
    const saving = saveMapAs();
    await Promise.resolve();
    expect(fileDialogs.getState().nameQuestion?.name).toBe('open.argmap.json');
    answerNameQuestion('my analysis.argmap.json');
    expect(await saving).toBe(true);
    expect(fake.platform.saveFile.mock.calls.at(-1)?.[1]).toBe('my analysis.argmap.json');
  });

  it('Cancel saves nothing', async () => {
    setFilePlatform({ ...fake.platform, hasSaveDialog: () => false });
    const saving = saveMapAs();
    await Promise.resolve();
    answerNameQuestion(null);
    expect(await saving).toBe(false);
    expect(fake.platform.saveFile).not.toHaveBeenCalled();
  });

  it('a typed name keeps only a file name and gets the map ending', () => {
    expect(typedFileName('letter')).toBe('letter.argmap.json');
    expect(typedFileName('../../etc/critic.json')).toBe('critic.json');
    expect(typedFileName('a<b>:c?.argmap.json')).toBe('abc.argmap.json');
    expect(typedFileName('   ')).toBe('');
    expect(typedFileName('.argmap.json')).toBe('');
  });
});
