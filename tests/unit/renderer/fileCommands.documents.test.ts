// Documents given to Open or dropped on the window (renderer/files/fileCommands.ts): a letter
// as .txt, a PDF without a map, a .docx are offered as sources; maps, figures and broken maps
// keep the file layer's behaviour (the loader's own error for a broken map).
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeMap } from '../../../arguments/format/serialize';
import { documentKindOf, openDroppedFile, openMap, setFilePlatform, showDocument } from '../../../renderer/files/fileCommands';
import { addSourceDialog, closeAddSource } from '../../../renderer/sources/addSourceState';
import { editor, getMap, notify } from '../../../renderer/store/store';
import { textPdf, makeDocx, paragraph } from '../intake/fixtures';
import { bytesOf, fakePlatform, sampleBytes, sampleMap } from './fakes';

let fake = fakePlatform();

beforeEach(() => {
  fake = fakePlatform();
  setFilePlatform(fake.platform);
  showDocument(sampleMap(), 'open.argmap.json', 'ref-open', null);
  closeAddSource();
  notify(null);
});

const dropped = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

describe('which files are documents rather than maps', () => {
  it('by content, then by name; anything meant as a map is not', async () => {
    expect(documentKindOf('letter.txt', bytesOf('Comrade Gottwald,'))).toBe('text');
    expect(documentKindOf('notes.md', bytesOf('# Notes'))).toBe('markdown');
    expect(documentKindOf('scan.pdf', await textPdf(['Page']))).toBe('pdf');
    expect(documentKindOf('memo.docx', makeDocx(paragraph('Memo')))).toBe('docx');
    expect(documentKindOf('page.htm', bytesOf('<!doctype html><p>x</p>'))).toBe('html');
    expect(documentKindOf('map.argmap.json', bytesOf('not json at all'))).toBeNull();
    expect(documentKindOf('map', bytesOf('\uFEFF  \n{"format": "argument-atlas"'))).toBeNull();
    expect(documentKindOf('picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});

describe('Open on a document', () => {
  it('says it is a document, not a map, and offers to add it as a source; the map stays', async () => {
    fake.state.next = { name: 'letter.txt', bytes: bytesOf('Comrade Gottwald,\nwe left the Security Council.'), ref: 'ref-letter' };
    expect(await openMap()).toBe(false);
    const notice = editor.getState().notice!;
    expect(notice).toMatchObject({ kind: 'info', title: '“letter.txt” is a document, not a map' });
    expect(notice.lines).toEqual(['It is a plain text file; Open reads argument maps (.argmap.json). It can be added to this map as a source.']);
    expect(editor.getState().name).toBe('open.argmap.json');
    expect(Object.keys(getMap().nodes)).toEqual(['c1', 'e1']);
    notice.action!.run();
    expect(addSourceDialog.getState()).toMatchObject({ open: true, way: 'file', file: { stage: 'pending', document: { name: 'letter.txt' } } });
  });

  it('a PDF that carries no map is a document too (not a figure without a map)', async () => {
    fake.state.next = { name: 'article.pdf', bytes: await textPdf(['An article.']), ref: null };
    await openMap();
    expect(editor.getState().notice).toMatchObject({ title: '“article.pdf” is a document, not a map', action: { label: 'Add as a source' } });
  });

  it('a broken map keeps the loader’s own error, with nothing offered', async () => {
    fake.state.next = { name: 'broken.argmap.json', bytes: bytesOf('{"format": "argument-atlas"'), ref: null };
    await openMap();
    const notice = editor.getState().notice!;
    expect(notice).toMatchObject({ kind: 'error', title: 'Could not open “broken.argmap.json”' });
    expect(notice.action).toBeUndefined();
  });
});

describe('a file dropped on the window', () => {
  it('a document goes to the Add Source dialog, the map stays open', async () => {
    expect(await openDroppedFile(dropped('notes.txt', bytesOf('Translator’s notes.')))).toBe(false);
    expect(addSourceDialog.getState()).toMatchObject({ open: true, file: { stage: 'pending', document: { name: 'notes.txt' } } });
    expect(editor.getState().name).toBe('open.argmap.json');
  });

  it('a map still opens', async () => {
    expect(await openDroppedFile(dropped('other.argmap.json', sampleBytes('Other map')))).toBe(true);
    expect(getMap().meta.title).toBe('Other map');
    expect(addSourceDialog.getState().open).toBe(false);
  });

  it('a file named .txt that holds a map is still a map', async () => {
    expect(await openDroppedFile(dropped('map.txt', bytesOf(serializeMap(sampleMap('In a .txt')))))).toBe(true);
    expect(getMap().meta.title).toBe('In a .txt');
  });
});
