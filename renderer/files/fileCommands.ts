// New, Open, Save, Save As, Revert and drag-and-drop open. The platform (browser or
// Electron) does the file I/O; this module decides what happens to the open document:
// unsaved changes are asked about first, a bad file never replaces the document, and a
// save only counts once the platform says the file was written. A document that is not a
// map (a letter as .txt, a PDF) is offered as a source instead.
// No DOM here: the platform is handed in by startup (setFilePlatform), so Node tests run it.
import type { Change } from '../../arguments/history';
import { describeIssue } from '../../arguments/format/errors';
import { loadMap } from '../../arguments/format/load';
import { CURRENT_VERSION } from '../../arguments/format/schema';
import { serializeMap } from '../../arguments/format/serialize';
import { emptyMap, type ArgumentMap } from '../../arguments/model';
import { slugify } from '../../arguments/text/slug';
import type { Backup, DroppedFile, FileRef, OpenedFile, Platform, SavedFile } from '../platform/types';
import { documentState, editor, isDirty, isPresenting, markSaved, notify, replaceDocument, type EditorState } from '../store/store';
import { askForFileName, askToRevert, askToSave } from './dialogState';
import { figureToMapBytes, mapNameForFigure } from '../export/openFigure';
import type { DocumentKind } from '../../arguments/intake/kinds';
import { detectKind, extensionOf } from '../../arguments/intake/detect';
import { openAddSource } from '../sources/addSourceState';
import { exchangeFormat, type ExchangeFormat } from '../../arguments/interop/recognise';
import { describeProblem } from '../../arguments/interop/problems';
import { describeReport } from '../../arguments/interop/report';
import { EXCHANGE_FORMAT_NAMES, importExchangeFile, mapNameForImport } from './exchange';

export const UNTITLED_NAME = 'Untitled.argmap.json';
export const MAP_EXTENSION = '.argmap.json';

/** A save point no history ever reaches: the document stays dirty until it is saved. */
const UNSAVED: Change = { label: 'recovered', patches: [], inverse: [] };

let platform: Platform | null = null;

export function setFilePlatform(p: Platform): void {
  platform = p;
}

/** The platform the file layer was started with (documents to add as sources are read through it too). */
export function host(): Platform {
  if (!platform) throw new Error('The file layer has not been started (startApp sets the platform).');
  return platform;
}

/**
 * What Revert goes back to when the document has no file reference (a browser upload,
 * the bundled map): the bytes it was opened from or last saved as. Tied to a document
 * by `generation`, which every replacement of the document bumps.
 */
let baseline: { generation: number; name: string; bytes: Uint8Array } | null = null;
let generation = 0;

const encode = (text: string) => new TextEncoder().encode(text);

function errorText(err: unknown, fallback: string): string {
  return err instanceof Error && err.message ? err.message : fallback;
}

/** Makes `map` the open document. `savedBytes`: what Revert returns to without a file reference. */
export function showDocument(map: ArgumentMap, name: string, ref: FileRef | null, savedBytes: Uint8Array | null): void {
  replaceDocument(documentState(map, name, ref));
  generation += 1;
  baseline = savedBytes ? { generation, name, bytes: savedBytes } : null;
}

/** "Stalin’s letter (1950)" -> "stalins-letter-1950.argmap.json". */
export function suggestedFileName(title: string): string {
  return (slugify(title) || 'untitled-map') + MAP_EXTENSION;
}

function nameForSave(s: EditorState): string {
  return s.name === UNTITLED_NAME && s.fileRef == null ? suggestedFileName(s.history.present.meta.title) : s.name;
}

/**
 * Before the document is replaced: true when it may go (clean, saved, or the user chose
 * Don't Save); false when the user cancelled or the save did not happen.
 */
export async function settleUnsavedChanges(): Promise<boolean> {
  const s = editor.getState();
  if (!isDirty(s)) return true;
  const choice = await askToSave(s.name);
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  return saveMap();
}

// ----- new and open ------------------------------------------------------------------------

export async function newMap(): Promise<boolean> {
  if (!(await settleUnsavedChanges())) return false;
  showDocument(emptyMap(new Date().toISOString()), UNTITLED_NAME, null, null);
  return true;
}

/**
 * The kind of document a file given to Open (or dropped) is when it is not a map: a letter as
 * .txt, a PDF, a .docx… Null for what is meant as a map (.json, or text that starts like JSON),
 * so a broken map still gets the loader's own error.
 */
export function documentKindOf(name: string, bytes: Uint8Array): DocumentKind | null {
  if (extensionOf(name) === 'json') return null;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x7b) return null; // "{": a map, perhaps a broken one
  return detectKind(name, bytes);
}

/** What the notice calls each kind of document. */
const A_DOCUMENT = {
  text: 'a plain text file',
  markdown: 'a Markdown file',
  pdf: 'a PDF',
  docx: 'a Word document (.docx)',
  html: 'a web page (HTML)',
} as const satisfies Record<DocumentKind, string>;

/** "“letter.txt” is a document, not a map", with the offer to add it as a source. */
function offerAsSource(opened: OpenedFile, kind: DocumentKind): false {
  notify({
    kind: 'info',
    title: `“${opened.name}” is a document, not a map`,
    lines: [`It is ${A_DOCUMENT[kind]}; Open reads argument maps (.argmap.json). It can be added to this map as a source.`],
    action: { label: 'Add as a source', run: () => openAddSource({ document: { name: opened.name, bytes: opened.bytes } }) },
  });
  return false;
}

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/**
 * An Argdown or AIF file: imported as a new, unsaved map (Save asks where), with what the map
 * could not carry said in the notice. A file with any problem changes nothing.
 */
async function openExchange(opened: OpenedFile, format: ExchangeFormat, asked: boolean): Promise<boolean> {
  const what = EXCHANGE_FORMAT_NAMES[format];
  let result;
  try {
    result = await importExchangeFile(opened.name, opened.bytes, format, new Date().toISOString());
  } catch (err) {
    notify({ kind: 'error', title: `Could not import “${opened.name}”`, lines: [errorText(err, `The ${what} file could not be read.`)] });
    return false;
  }
  if (!result.ok) {
    notify({ kind: 'error', title: `Could not import “${opened.name}” (${what}); nothing was changed`, lines: result.problems.map(describeProblem) });
    return false;
  }
  if (!asked && !(await settleUnsavedChanges())) return false;
  showDocument(result.map, mapNameForImport(opened.name), null, null);
  editor.setState({ saved: UNSAVED });
  const losses = describeReport(result.report);
  notify({
    kind: 'info',
    title: `Imported “${opened.name}” (${what}) as a new map`,
    lines: [
      `${count(Object.keys(result.map.nodes).length, 'statement')} and ${count(Object.keys(result.map.relations).length, 'relation')}; the map is not saved yet (Save asks where).`,
      ...(losses.length > 0 ? losses.map((l) => `Not carried: ${l}`) : ['Everything in the file was carried into the map.']),
    ],
  });
  return true;
}

/** Loads a file's bytes; on success replaces the document (asking first unless `asked`). */
async function openLoaded(opened: OpenedFile, asked: boolean): Promise<boolean> {
  const exchange = exchangeFormat(opened.name, opened.bytes);
  if (exchange) return openExchange(opened, exchange, asked);
  let file = opened;
  const kind = documentKindOf(opened.name, opened.bytes);
  // A figure exported by Argument Atlas carries its map: open that. The figure is not the
  // map's file, so the document has no file reference and Save asks where.
  try {
    const fromFigure = await figureToMapBytes(opened.name, opened.bytes);
    if (fromFigure) file = { name: mapNameForFigure(opened.name), bytes: fromFigure, ref: null };
  } catch (err) {
    // A PDF without a map in it is a document (a scan, an article), not a broken figure.
    if (kind === 'pdf') return offerAsSource(opened, kind);
    notify({ kind: 'error', title: `Could not open “${opened.name}”`, lines: [errorText(err, 'The figure could not be read.')] });
    return false;
  }
  const result = loadMap(file.bytes);
  if (!result.ok) {
    if (file === opened && kind !== null) return offerAsSource(opened, kind);
    notify({ kind: 'error', title: `Could not open “${opened.name}”`, lines: result.errors.map(describeIssue) });
    return false;
  }
  if (!asked && !(await settleUnsavedChanges())) return false;
  showDocument(result.map, file.name, file.ref, file.bytes);
  // An older file was migrated in memory: said once, here; the file is untouched until a save.
  if (result.fromVersion < CURRENT_VERSION)
    notify({
      kind: 'info',
      title: `Opened a version ${result.fromVersion} file; it will be saved as version ${CURRENT_VERSION}`,
      lines: [`“${file.name}” stays as it is until you save it: Save As writes the map to a new file and leaves this one untouched.`, ...result.warnings.map(describeIssue)],
    });
  else if (result.warnings.length > 0)
    notify({ kind: 'info', title: `Opened “${file.name}” with corrections`, lines: result.warnings.map(describeIssue) });
  return true;
}

export async function openMap(): Promise<boolean> {
  if (!(await settleUnsavedChanges())) return false;
  let file: OpenedFile | null;
  try {
    file = await host().openFile();
  } catch (err) {
    notify({ kind: 'error', title: 'Could not open the file', lines: [errorText(err, 'The file could not be read.')] });
    return false;
  }
  return file ? openLoaded(file, true) : false;
}

/** Opens bytes from outside the Open command (a dropped file); asks about unsaved changes only for a good file. */
export function openBytes(name: string, bytes: Uint8Array, ref: FileRef | null): Promise<boolean> {
  return openLoaded({ name, bytes, ref }, false);
}

/**
 * A file dropped on the window: a map or a figure opens (as Open would); a document (a letter
 * as .txt, a PDF that carries no map, a .docx, HTML) goes to the Add Source dialog.
 */
export async function openDroppedFile(file: DroppedFile): Promise<boolean> {
  let opened: OpenedFile;
  try {
    opened = await host().openDropped(file);
  } catch (err) {
    notify({ kind: 'error', title: `Could not open “${file.name}”`, lines: [errorText(err, 'The file could not be read.')] });
    return false;
  }
  const kind = exchangeFormat(opened.name, opened.bytes) ? null : documentKindOf(opened.name, opened.bytes);
  if (kind !== null && !(kind === 'pdf' && (await carriesMap(opened)))) {
    openAddSource({ document: { name: opened.name, bytes: opened.bytes } });
    return false;
  }
  return openBytes(opened.name, opened.bytes, opened.ref);
}

async function carriesMap(opened: OpenedFile): Promise<boolean> {
  try {
    return (await figureToMapBytes(opened.name, opened.bytes)) !== null;
  } catch {
    return false;
  }
}

// ----- save ---------------------------------------------------------------------------------

/** One save at a time: a second Save while one is writing gets the first one's outcome. */
let saving: Promise<boolean> | null = null;

/**
 * What a name typed for Save As becomes: folders and characters file systems refuse taken out,
 * the map's ending added when it is missing. Empty when nothing usable is left.
 */
export function typedFileName(typed: string): string {
  const base = (typed.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim().replace(/^\.+/, '');
  if (base === '' || /^\.?argmap\.json$/i.test(base)) return '';
  return /\.json$/i.test(base) ? base : base + MAP_EXTENSION;
}

async function save(ref: FileRef | null, askName = false): Promise<boolean> {
  let s = editor.getState();
  // The window holds only the part of the map shown so far: that must never be written as the map.
  if (isPresenting(s)) {
    notify({ kind: 'info', title: 'Presenting', lines: ['End the presentation (Esc) to save the map.'] });
    return false;
  }
  let name = nameForSave(s);
  // Save As where the platform has no dialog that asks (a browser download): the app asks.
  if (askName && ref === null && host().hasSaveDialog?.() === false) {
    const typed = await askForFileName(name);
    if (typed === null) return false;
    name = typed;
    s = editor.getState();
  }
  const doc = generation;
  const written = s.history;
  const map = written.present;
  // The file records when it was saved; the document itself is not edited (no undo step, not dirty).
  const text = serializeMap({ ...map, meta: { ...map.meta, modified: new Date().toISOString() } });
  let result: SavedFile | null;
  try {
    result = await host().saveFile(text, name, ref);
  } catch (err) {
    notify({ kind: 'error', title: `Could not save “${name}”`, lines: [errorText(err, 'The file could not be written.')] });
    return false;
  }
  if (!result) return false; // cancelled
  if (doc !== generation) return true; // written, but another document has been opened since
  if (editor.getState().history === written) markSaved(result.name, result.ref);
  // Edits made while the file was being written are not in it: the save point is what was written.
  else editor.setState({ name: result.name, fileRef: result.ref, saved: written.past[written.past.length - 1] ?? null });
  baseline = { generation, name: result.name, bytes: encode(text) };
  return true;
}

function once(run: () => Promise<boolean>): Promise<boolean> {
  saving ??= run().finally(() => {
    saving = null;
  });
  return saving;
}

/** Saves to the document's file, or asks where (Save As) when it has none. */
export function saveMap(): Promise<boolean> {
  return once(() => save(editor.getState().fileRef ?? null));
}

export function saveMapAs(): Promise<boolean> {
  return once(() => save(null, true));
}

// ----- revert and recovery --------------------------------------------------------------------

/** Whether Revert has a saved version to go back to. */
export function canRevert(s: EditorState = editor.getState()): boolean {
  return s.fileRef != null || baseline?.generation === generation;
}

export async function revertMap(): Promise<boolean> {
  const s = editor.getState();
  if (!canRevert(s)) {
    notify({ kind: 'info', title: 'Nothing to revert to', lines: [`“${s.name}” has not been saved yet.`] });
    return false;
  }
  // Revert throws the changes away by definition: ask Revert / Cancel, not whether to save them.
  if (isDirty(s) && (await askToRevert(s.name)) !== 'discard') return false;
  const now = editor.getState();
  let file: OpenedFile;
  if (now.fileRef != null) {
    try {
      file = await host().reread(now.fileRef);
    } catch (err) {
      notify({ kind: 'error', title: `Could not revert to “${now.name}”`, lines: [errorText(err, 'The file could not be read.')] });
      return false;
    }
  } else if (baseline?.generation === generation) {
    file = { name: baseline.name, bytes: baseline.bytes, ref: null };
  } else return false;
  return openLoaded(file, true);
}

/**
 * Restores a crash backup as an unsaved document under its old name (it has no file, so
 * Save asks where). Asks about the open document's changes first.
 */
export async function restoreBackup(backup: Backup): Promise<'restored' | 'unreadable' | 'cancelled'> {
  const result = loadMap(backup.text);
  if (!result.ok) {
    notify({ kind: 'error', title: `Could not restore “${backup.name}”`, lines: result.errors.map(describeIssue) });
    return 'unreadable';
  }
  if (!(await settleUnsavedChanges())) return 'cancelled';
  showDocument(result.map, backup.name, null, null);
  editor.setState({ saved: UNSAVED });
  return 'restored';
}
