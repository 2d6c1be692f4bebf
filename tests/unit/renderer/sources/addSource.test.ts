// The Add Source dialog's state and what it does (renderer/sources/addSourceState.ts,
// addSourceFlow.ts, reading.ts): sessions, the title offered by a paste or a file, reading with
// progress and Cancel, the platform's refusals, the checks before adding, and the addition as
// one undoable step with how the text came in.
import { beforeEach, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { intakeDocument, type IntakeResult } from '../../../../arguments/intake';
import { emptyMap } from '../../../../arguments/model';
import { METHOD_OF_KIND } from '../../../../arguments/intake';
import { addPendingSource, cancelReading, chooseSourceFile, chooseWay, dateProblem, pendingSource, previewOf, PREVIEW_LENGTH, readDocument, readPending, setField, setPasted } from '../../../../renderer/sources/addSourceFlow';
import { addSourceDialog, closeAddSource, openAddSource } from '../../../../renderer/sources/addSourceState';
import { sourcesPane } from '../../../../renderer/sources/paneState';
import type { DocumentReader } from '../../../../renderer/sources/reading';
import { undoLabel } from '../../../../arguments/history';
import { documentState, editor, getMap, replaceDocument, undoChange } from '../../../../renderer/store/store';
import { textPdf } from '../../intake/fixtures';

const nodeReader: DocumentReader = (name, bytes, options) => intakeDocument(name, bytes, { ...options, pdfjs });
const bytes = (text: string) => new TextEncoder().encode(text);
const state = () => addSourceDialog.getState();

/** A reader that waits until released, reporting progress as told. */
function heldReader() {
  let release: (r: IntakeResult) => void = () => undefined;
  let progress: ((done: number, total: number) => void) | undefined;
  let signal: AbortSignal | undefined;
  const reader: DocumentReader = (_name, _bytes, options) => {
    progress = options.onProgress;
    signal = options.signal;
    return new Promise((resolve) => {
      release = resolve;
      options.signal?.addEventListener('abort', () => resolve({ ok: false, error: { code: 'cancelled', message: 'Reading was cancelled.' } }));
    });
  };
  return { reader, release: (r: IntakeResult) => release(r), progress: (d: number, t: number) => progress?.(d, t), aborted: () => signal?.aborted === true };
}

beforeEach(() => {
  replaceDocument(documentState(emptyMap('2026-01-01T00:00:00.000Z'), 'Untitled.argmap.json', null));
  closeAddSource();
});

describe('opening and closing', () => {
  it('opens afresh each time, on the paste tab unless given a document', () => {
    openAddSource();
    const first = state().session;
    expect(state()).toMatchObject({ open: true, way: 'paste', pasted: '', file: { stage: 'none' } });
    setPasted('Some text');
    openAddSource({ document: { name: 'letter.txt', bytes: bytes('x') } });
    expect(state().session).toBe(first + 1);
    expect(state()).toMatchObject({ open: true, way: 'file', pasted: '', file: { stage: 'pending' } });
    closeAddSource();
    expect(state().open).toBe(false);
  });

  it('a text pasted on the canvas starts on the paste tab holding it', () => {
    openAddSource({ way: 'paste', text: 'Mao to Stalin, 2 October 1950.\nSecond line.' });
    expect(state()).toMatchObject({ way: 'paste', pasted: 'Mao to Stalin, 2 October 1950.\nSecond line.' });
  });
});

describe('the title offered', () => {
  it('is the pasted text’s first line until the user types one', () => {
    openAddSource();
    setPasted('\n  Prague, Soviet Ambassador  \nPlease pass on to Gottwald…');
    expect(state().fields.title).toBe('Prague, Soviet Ambassador');
    setField('title', 'Stalin to Gottwald');
    setPasted('Another text entirely');
    expect(state().fields.title).toBe('Stalin to Gottwald');
  });

  it('is the file’s own title (or its name) once it is read, unless the user typed one', async () => {
    openAddSource();
    await readDocument({ name: 'notes-on-the-letter.txt', bytes: bytes('The date line is in the original.') }, nodeReader);
    expect(state().fields.title).toBe('notes-on-the-letter');
    setField('title', 'Translator’s notes');
    await readDocument({ name: 'other.txt', bytes: bytes('Other.') }, nodeReader);
    expect(state().fields.title).toBe('Translator’s notes');
  });
});

describe('reading a file', () => {
  it('a PDF reports its pages as it goes, then is ready with its text and pages', async () => {
    openAddSource();
    const seen: string[] = [];
    const stop = addSourceDialog.subscribe((s) => {
      if (s.file.stage === 'reading') seen.push(`${s.file.done}/${s.file.total}`);
    });
    await readDocument({ name: 'report.pdf', bytes: await textPdf(['First page.', 'Second page.', 'Third page.']) }, nodeReader);
    stop();
    expect(seen).toEqual(['0/0', '0/3', '1/3', '2/3', '3/3']);
    const file = state().file;
    expect(file.stage).toBe('ready');
    if (file.stage !== 'ready') return;
    expect(file.intake).toMatchObject({ kind: 'pdf', pages: 3, extracted: true, text: 'First page.\fSecond page.\fThird page.' });
  });

  it('a refusal is the intake’s sentence, with nothing added', async () => {
    openAddSource();
    await readDocument({ name: 'empty.txt', bytes: new Uint8Array() }, nodeReader);
    expect(state().file).toEqual({ stage: 'failed', name: 'empty.txt', message: '“empty.txt” is empty: there is no text to add.' });
  });

  it('Cancel stops the read and goes back to choosing a file; what the read finds afterwards is dropped', async () => {
    openAddSource();
    const held = heldReader();
    const reading = readDocument({ name: 'long.pdf', bytes: bytes('%PDF-') }, held.reader);
    held.progress(3, 300);
    expect(state().file).toEqual({ stage: 'reading', name: 'long.pdf', done: 3, total: 300 });
    cancelReading();
    expect(held.aborted()).toBe(true);
    await reading;
    expect(state().file).toEqual({ stage: 'none' });
  });

  it('closing the dialog aborts the read, and a later dialog never sees its result', async () => {
    openAddSource();
    const held = heldReader();
    const reading = readDocument({ name: 'slow.txt', bytes: bytes('x') }, held.reader);
    closeAddSource();
    expect(held.aborted()).toBe(true);
    openAddSource();
    held.release({ ok: true, intake: { kind: 'text', text: 'late', extracted: false, warnings: [] } });
    await reading;
    expect(state().file).toEqual({ stage: 'none' });
  });

  it('a pending document (a drop) is read once the dialog is up', async () => {
    openAddSource({ document: { name: 'dropped.md', bytes: bytes('# Notes\n\nText.') } });
    readPending(nodeReader);
    await new Promise((r) => setTimeout(r, 0));
    const file = state().file;
    expect(file.stage === 'ready' && file.intake.kind).toBe('markdown');
  });
});

describe('choosing a file through the platform', () => {
  it('asks for a source document; a cancelled Open leaves the dialog as it was', async () => {
    openAddSource();
    const asked: string[] = [];
    await chooseSourceFile({ openDocument: async (purpose) => (asked.push(purpose), null) }, nodeReader);
    expect(asked).toEqual(['source']);
    expect(state().file).toEqual({ stage: 'none' });
  });

  it('shows the platform’s refusal (a file over the limit) in its words', async () => {
    openAddSource();
    const message = '“huge.txt” is 40.0 MB; a source file can be at most 32.0 MB. Split it into smaller files, or add the part you need.';
    await chooseSourceFile(
      {
        openDocument: async () => {
          throw new Error(message);
        },
      },
      nodeReader,
    );
    expect(state().file).toEqual({ stage: 'failed', name: null, message });
  });
});

describe('the checks before adding', () => {
  it('dates are EDTF, checked as typed (empty is fine)', () => {
    expect(dateProblem('')).toBeNull();
    expect(dateProblem(' 1950-08-27 ')).toBeNull();
    expect(dateProblem('1950-08~')).toBeNull();
    expect(dateProblem('27.8.1950')).toMatch(/^"27\.8\.1950" is not/);
  });

  it('refuses an empty paste, a missing file, an empty title and a bad date in words', async () => {
    openAddSource();
    const map = getMap();
    expect(pendingSource(state(), map)).toEqual({ problem: 'The pasted text is empty: there is no text to add.' });
    setPasted('Text');
    setField('title', '  ');
    expect(pendingSource(state(), map)).toEqual({ problem: 'Give the source a title: it names the source’s tab and its citations.' });
    setField('title', 'T');
    setField('date', '1950-13');
    expect('problem' in pendingSource(state(), map)).toBe(true);
    chooseWay('file');
    expect(pendingSource(state(), map)).toEqual({ problem: 'Choose a file to add first.' });
  });

  it('builds the source: a readable fresh id, the text exactly as given, how it came in', async () => {
    openAddSource();
    await readDocument({ name: 'Brief an Gottwald.pdf', bytes: await textPdf(['Seite eins.']) }, nodeReader);
    setField('role', 'secondary');
    setField('date', '1950-08');
    setField('author', '  Stalin, I. V. ');
    const r = pendingSource(state(), getMap());
    expect(r).toEqual({
      source: {
        id: 'brief-an-gottwald',
        title: 'Brief an Gottwald',
        role: 'secondary',
        date: '1950-08',
        author: 'Stalin, I. V.',
        text: 'Seite eins.',
        transcription: { method: 'pdf-text', file: 'Brief an Gottwald.pdf' },
      },
    });
  });

  it('every kind of document says how its text came in', () => {
    expect(METHOD_OF_KIND).toEqual({ text: 'text-file', markdown: 'text-file', pdf: 'pdf-text', docx: 'docx-text', html: 'html-text' });
  });
});

describe('Add', () => {
  it('adds the source as one undoable step, closes the dialog and opens its tab', () => {
    openAddSource();
    setPasted('We view the withdrawal differently.');
    setField('title', 'Stalin to Gottwald');
    const before = editor.getState().history.past.length;
    const id = addPendingSource();
    expect(id).toBe('stalin-to-gottwald');
    expect(getMap().sources[id!]).toEqual({ id, title: 'Stalin to Gottwald', role: 'primary', text: 'We view the withdrawal differently.', transcription: { method: 'pasted' } });
    expect(editor.getState().history.past.length).toBe(before + 1);
    expect(undoLabel(editor.getState().history)).toBe('Add source');
    expect(state().open).toBe(false);
    expect(sourcesPane.getState().request).toEqual({ id });
    undoChange();
    expect(getMap().sources).toEqual({});
  });

  it('a second source of the same title gets its own id', () => {
    for (const n of [1, 2]) {
      openAddSource();
      setPasted(`Text ${n}`);
      setField('title', 'Notes');
      addPendingSource();
    }
    expect(Object.keys(getMap().sources)).toEqual(['notes', 'notes-2']);
  });
});

describe('the preview', () => {
  it('shows the first characters, never cutting a surrogate pair, and says how many are left', () => {
    expect(previewOf('short')).toEqual({ shown: 'short', more: 0 });
    const long = 'a'.repeat(PREVIEW_LENGTH - 1) + '𝔄' + 'b'.repeat(10);
    const p = previewOf(long);
    expect(p.shown).toBe('a'.repeat(PREVIEW_LENGTH - 1));
    expect(p.shown.length + p.more).toBe(long.length);
  });
});
