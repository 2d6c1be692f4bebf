// Importing bibliographic records (renderer/sources/importState.ts, importFlow.ts): the
// platform's Open for a bibliography, the records listed with the problems of those that
// could not be read, the chosen ones added as sources in one undoable step.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { undoLabel } from '../../../../arguments/history';
import { emptyMap } from '../../../../arguments/model';
import { addSource } from '../../../../arguments/operations';
import { setFilePlatform } from '../../../../renderer/files/fileCommands';
import { addChosenRecords, addSources, chooseAllRecords, chooseRecord, describeRecord, parsePending, sourcesOfRows } from '../../../../renderer/sources/importFlow';
import { closeImport, importBibliography, importDialog, openImport } from '../../../../renderer/sources/importState';
import { sourcesPane } from '../../../../renderer/sources/paneState';
import { attempt, documentState, editor, getMap, notify, replaceDocument, undoChange } from '../../../../renderer/store/store';
import { fakePlatform } from '../fakes';

const ZOTERO = readFileSync(new URL('../../../fixtures/bib/zotero-biblatex.bib', import.meta.url), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const ready = () => {
  const f = importDialog.getState().file;
  if (f?.stage !== 'ready') throw new Error('the file was not parsed');
  return f;
};

beforeEach(() => {
  replaceDocument(documentState(emptyMap('2026-01-01T00:00:00.000Z'), 'Untitled.argmap.json', null));
  closeImport();
  notify(null);
});

describe('Import Bibliography…', () => {
  it('asks the platform for a bibliography and shows its records', async () => {
    const fake = fakePlatform({ nextDocument: { name: 'refs.bib', bytes: bytes(ZOTERO) } });
    setFilePlatform(fake.platform);
    await importBibliography();
    expect(fake.platform.openDocument).toHaveBeenCalledWith('bibliography');
    expect(importDialog.getState()).toMatchObject({ open: true, file: { stage: 'reading', document: { name: 'refs.bib' } } });
  });

  it('a cancelled Open shows nothing; a refused file is a notice in the platform’s words', async () => {
    const fake = fakePlatform();
    setFilePlatform(fake.platform);
    await importBibliography();
    expect(importDialog.getState().open).toBe(false);
    fake.state.documentFailWith = new Error('“refs.bib” could not be read: permission denied.');
    await importBibliography();
    expect(editor.getState().notice).toEqual({ kind: 'error', title: 'Could not import the bibliography', lines: ['“refs.bib” could not be read: permission denied.'] });
  });
});

describe('the records', () => {
  it('a Zotero export: every record listed, chosen, with title, people, year and type', () => {
    openImport({ name: 'zotero.bib', bytes: bytes(ZOTERO) });
    parsePending();
    const f = ready();
    expect(f.problems).toEqual([]);
    expect(f.rows.length).toBeGreaterThanOrEqual(4);
    expect(f.rows.every((r) => r.chosen)).toBe(true);
    expect(f.rows[0]).toMatchObject({ title: "The Historian's Craft", authors: 'Bloch, Marc', year: '1953', type: 'book' });
    expect(f.rows.find((r) => r.title === 'Letter to Klement Gottwald')).toMatchObject({ authors: 'Stalin, I. V.', year: '1950' });
  });

  it('a broken entry is named with its line; the others are still offered', () => {
    const text = `@book{a,\n  title = {First},\n  date = {1953},\n}\n\n@book{b,\n  title = {Broken\n}\n\n@book{c,\n  title = {Third},\n}\n`;
    openImport({ name: 'refs.bib', bytes: bytes(text) });
    parsePending();
    const f = ready();
    expect(f.rows.map((r) => r.title)).toEqual(['First', 'Third']);
    expect(f.problems).toHaveLength(1);
    expect(f.problems[0]!.line).toBe(6);
    expect(f.problems[0]!.message).toMatch(/@book\{b starting at line 6/);
  });

  it('a file that is not text is one problem in the intake’s words', () => {
    openImport({ name: 'refs.bib', bytes: new Uint8Array([0, 1, 2, 3, 0, 255, 254, 0]) });
    parsePending();
    expect(ready()).toMatchObject({ rows: [], problems: [{ line: 1, message: expect.stringMatching(/^“refs\.bib” is not a text file/) }] });
  });

  it('records can be unticked, and all ticked again', () => {
    openImport({ name: 'zotero.bib', bytes: bytes(ZOTERO) });
    parsePending();
    chooseRecord(0, false);
    expect(ready().rows[0]!.chosen).toBe(false);
    chooseAllRecords(false);
    expect(ready().rows.some((r) => r.chosen)).toBe(false);
    chooseAllRecords(true);
    expect(ready().rows.every((r) => r.chosen)).toBe(true);
  });

  it('describes a record without a title by its container, and without people or date by nothing', () => {
    expect(describeRecord({ id: 'x', type: 'article-journal', 'container-title': 'History Workshop' })).toEqual({ title: 'History Workshop', authors: '', year: '', type: 'article journal' });
  });
});

describe('Add N sources', () => {
  it('adds the chosen records as sources in one undoable step, with empty texts, and opens the first', () => {
    openImport({ name: 'zotero.bib', bytes: bytes(ZOTERO) });
    parsePending();
    chooseRecord(1, false);
    const chosen = ready().rows.filter((r) => r.chosen).length;
    const before = editor.getState().history.past.length;
    const ids = addChosenRecords();
    expect(ids).toHaveLength(chosen);
    expect(editor.getState().history.past.length).toBe(before + 1);
    expect(undoLabel(editor.getState().history)).toBe(`Add ${chosen} sources`);
    expect(ids!.every((id) => getMap().sources[id]!.text === '')).toBe(true);
    expect(getMap().sources[ids![0]!]).toMatchObject({ title: "The Historian's Craft", author: 'Bloch, Marc', date: '1953', role: 'secondary' });
    expect(importDialog.getState().open).toBe(false);
    expect(sourcesPane.getState().request).toEqual({ id: ids![0] });
    expect(editor.getState().notice).toMatchObject({ kind: 'info', title: `Added ${chosen} sources from “zotero.bib”` });
    undoChange();
    expect(getMap().sources).toEqual({});
  });

  it('ids never collide with the map’s, nor with each other', () => {
    attempt(addSource({ id: 'bloch-historians-craft-1953', title: 'Already here', role: 'secondary', text: '' }));
    openImport({ name: 'zotero.bib', bytes: bytes(ZOTERO + '\n' + ZOTERO.replace(/@(\w+)\{(\w+),/g, '@$1{$2_copy,')) });
    parsePending();
    const sources = sourcesOfRows(ready().rows, getMap());
    const ids = sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('bloch-historians-craft-1953');
    expect(attempt(addSources(sources))).toBeNull();
  });

  it('the step is refused as a whole, in words, when one source cannot stand', () => {
    const good = { id: 'good', title: 'Good', role: 'secondary' as const, text: '' };
    expect(attempt(addSources([good, { ...good }]))).toBe('The id "good" is given to two sources.');
    expect(attempt(addSources([good, { id: 'bad', title: 'Bad', role: 'secondary', text: '', date: 'yesterday' }]))).toMatch(/^“Bad”: .*yesterday/);
    expect(attempt(addSources([]))).toBe('Choose at least one record to add.');
    expect(getMap().sources).toEqual({});
  });
});
