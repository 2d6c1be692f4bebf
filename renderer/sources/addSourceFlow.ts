// What the Add Source dialog does: read a file through the intake (with progress and
// Cancel), offer a title, check the fields, and add the source as one undoable step with
// how its text came in. The reader is handed in (the browser's loads pdf.js lazily; tests
// pass Node's), so this module has no DOM.
import { checkEdtf } from '../../arguments/dates';
import type { StoreApi } from 'zustand';
import { intakePastedText, METHOD_OF_KIND, type Intake } from '../../arguments/intake';
import type { ArgumentMap, Id, Source } from '../../arguments/model';
import { addSource, freshSourceId, sourceProblem } from '../../arguments/operations';
import type { OpenedDocument, Platform } from '../platform/types';
import { attemptStep, getMap, ownId } from '../store/store';
import { addSourceDialog, closeAddSource, type AddSourceState, type SourceFields, type SourceWay } from './addSourceState';
import { showSource } from './paneState';
import { cancelReadingIn, chooseFileInto, readDocumentInto, readPendingInto, type DocumentReader, type ReadingState } from './reading';

export type { DocumentReader } from './reading';


/** How much of a document the dialog shows before it is added. */
export const PREVIEW_LENGTH = 1500;

/** The first PREVIEW_LENGTH characters (not cutting a surrogate pair) and how many are left out. */
export function previewOf(text: string): { shown: string; more: number } {
  if (text.length <= PREVIEW_LENGTH) return { shown: text, more: 0 };
  let end = PREVIEW_LENGTH;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return { shown: text.slice(0, end), more: text.length - end };
}

const set = (patch: Partial<AddSourceState> | ((s: AddSourceState) => Partial<AddSourceState>)) => addSourceDialog.setState(patch);

/** The title the pasted text or the file offers, unless the user has typed one. */
function offeredTitle(s: AddSourceState, suggested: string | undefined): Partial<AddSourceState> {
  return s.titleEdited ? {} : { fields: { ...s.fields, title: suggested ?? '' } };
}

function suggestedTitle(s: AddSourceState, way: SourceWay): string | undefined {
  if (way === 'paste') {
    const r = intakePastedText(s.pasted);
    return r.ok ? r.intake.suggestedTitle : undefined;
  }
  return s.file.stage === 'ready' ? s.file.intake.suggestedTitle : undefined;
}

export function chooseWay(way: SourceWay): void {
  set((s) => ({ way, problem: null, ...offeredTitle(s, suggestedTitle({ ...s, way }, way)) }));
}

export function setPasted(text: string): void {
  set((s) => {
    const next = { ...s, pasted: text };
    return { pasted: text, problem: null, ...offeredTitle(s, suggestedTitle(next, 'paste')) };
  });
}

export function setField<K extends keyof SourceFields>(key: K, value: SourceFields[K]): void {
  set((s) => ({ fields: { ...s.fields, [key]: value }, problem: null, ...(key === 'title' ? { titleEdited: true } : {}) }));
}

/** What is wrong with the date as typed; null when it is empty or EDTF. */
export function dateProblem(date: string): string | null {
  const value = date.trim();
  return value === '' ? null : checkEdtf(value);
}

/** Offers the file's title when it is read. */
const titleOnReady = (s: AddSourceState, intake: Intake): Partial<AddSourceState> => offeredTitle(s, intake.suggestedTitle);

export const readDocument = (document: OpenedDocument, reader: DocumentReader) => readDocumentInto(addSourceDialog, document, reader, titleOnReady);

/** Reads the document a drop or an Open left pending, once. */
export const readPending = (reader: DocumentReader) => readPendingInto(addSourceDialog, reader, titleOnReady);

/** The platform's Open dialog for a document, then reading it. */
export const chooseSourceFile = (platform: Pick<Platform, 'openDocument'>, reader: DocumentReader) => chooseFileInto(addSourceDialog, platform, reader, titleOnReady);

/** Cancel during a read: the read stops, the dialog stays open to choose another file. */
export const cancelReading = () => cancelReadingIn(addSourceDialog as StoreApi<ReadingState>);

/** The source Add would add to `map`, or why it cannot (in words). */
export function pendingSource(s: AddSourceState, map: ArgumentMap): { source: Source } | { problem: string } {
  let text: string;
  let transcription: Source['transcription'];
  if (s.way === 'paste') {
    const r = intakePastedText(s.pasted);
    if (!r.ok) return { problem: r.error.message };
    text = r.intake.text;
    transcription = { method: 'pasted' };
  } else {
    if (s.file.stage !== 'ready') return { problem: s.file.stage === 'reading' ? 'The file is still being read.' : 'Choose a file to add first.' };
    text = s.file.intake.text;
    transcription = { method: METHOD_OF_KIND[s.file.intake.kind], file: s.file.name };
  }
  const title = s.fields.title.trim();
  if (title === '') return { problem: 'Give the source a title: it names the source’s tab and its citations.' };
  const date = s.fields.date.trim();
  const badDate = dateProblem(date);
  if (badDate) return { problem: badDate };
  const author = s.fields.author.trim();
  const source: Source = {
    id: ownId(freshSourceId(map, title)),
    title,
    role: s.fields.role,
    ...(date ? { date } : {}),
    ...(author ? { author } : {}),
    text,
    transcription,
  };
  const problem = sourceProblem(map, source, true);
  return problem ? { problem } : { source };
}

/** Add: the source as one undoable step, its tab opened; null (and the refusal shown in the dialog) when it cannot be added. */
export function addPendingSource(): Id | null {
  const s = addSourceDialog.getState();
  const pending = pendingSource(s, getMap());
  if ('problem' in pending) {
    set({ problem: pending.problem });
    return null;
  }
  const step = attemptStep(addSource(pending.source));
  if (!step.ok) {
    set({ problem: step.reason });
    return null;
  }
  closeAddSource();
  const id = step.renamed.get(pending.source.id) ?? pending.source.id;
  showSource(id);
  return id;
}
