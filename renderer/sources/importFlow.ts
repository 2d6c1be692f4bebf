// Importing bibliographic records (a Zotero BibTeX/BibLaTeX or CSL-JSON export): the file
// is decoded strictly and parsed record by record, so one broken entry is named with its line
// and the others are still offered; the chosen ones become sources in one undoable step,
// with empty texts to add afterwards.
import type { Draft } from 'immer';
import { namesText, parseBibliography, recordToSource } from '../../arguments/cite/bibliography';
import { namesOf } from '../../arguments/cite/csl';
import type { CslItem } from '../../arguments/cite/csl-item';
import { cslDateToEdtf } from '../../arguments/dates';
import type { Operation } from '../../arguments/history';
import { decodeText } from '../../arguments/intake/decode';
import type { ArgumentMap, Id, Source } from '../../arguments/model';
import { sizeProblem, sourceProblem } from '../../arguments/operations/sources';
import { attemptStep, getMap, notify, ownId } from '../store/store';
import { closeImport, importDialog, type ImportRow } from './importState';
import { showSource } from './paneState';

/** How the dialog lists a record: its title, people, year and kind. */
export function describeRecord(record: CslItem): Omit<ImportRow, 'record' | 'chosen'> {
  const title = typeof record.title === 'string' && record.title.trim() ? record.title : typeof record['container-title'] === 'string' ? record['container-title'] : '(untitled)';
  const people = namesOf(record, 'author').length ? namesOf(record, 'author') : namesOf(record, 'editor');
  const year = cslDateToEdtf(record.issued)?.match(/^-?\d{1,4}/)?.[0] ?? '';
  const type = typeof record.type === 'string' ? record.type.replace(/[-_]/g, ' ') : '';
  return { title, authors: namesText(people).replace(/[{}]/g, ''), year, type };
}

/** Decodes and parses the pending file of the open dialog; a file that is not text is one problem at line 1. */
export function parsePending(): void {
  const s = importDialog.getState();
  if (!s.open || s.file?.stage !== 'reading') return;
  const { name, bytes } = s.file.document;
  const decoded = decodeText(bytes, name);
  const parsed = decoded.ok ? parseBibliography(decoded.text, `“${name}”`) : { records: [], problems: [{ line: 1, message: decoded.error.message }] };
  const rows: ImportRow[] = parsed.records.map((record) => ({ record, chosen: true, ...describeRecord(record) }));
  if (importDialog.getState().session === s.session) importDialog.setState({ file: { stage: 'ready', name, rows, problems: parsed.problems } });
}

function updateRows(update: (rows: ImportRow[]) => ImportRow[]): void {
  const file = importDialog.getState().file;
  if (file?.stage === 'ready') importDialog.setState({ file: { ...file, rows: update(file.rows) }, problem: null });
}

export function chooseRecord(index: number, chosen: boolean): void {
  updateRows((rows) => rows.map((r, i) => (i === index ? { ...r, chosen } : r)));
}

export function chooseAllRecords(chosen: boolean): void {
  updateRows((rows) => rows.map((r) => ({ ...r, chosen })));
}

/**
 * Adds several sources as one undoable step, each checked by the loader's rules as addSource
 * checks one (ids unused, fields well-formed), and the map once for its saved size.
 */
export function addSources(sources: readonly Source[]): Operation {
  return {
    label: sources.length === 1 ? 'Add source' : `Add ${sources.length} sources`,
    check: (map) => {
      if (sources.length === 0) return 'Choose at least one record to add.';
      const ids = new Set<Id>();
      for (const s of sources) {
        if (ids.has(s.id)) return `The id "${s.id}" is given to two sources.`;
        ids.add(s.id);
        const problem = sourceProblem(map, s, true);
        if (problem) return `“${s.title}”: ${problem}`;
      }
      const next: ArgumentMap = { ...map, sources: { ...map.sources } };
      for (const s of sources) next.sources[s.id] = s;
      return sizeProblem(next);
    },
    apply: (d) => {
      for (const s of sources) d.sources[s.id] = s as Draft<Source>;
    },
  };
}

/** The chosen records as new sources of `map`, with readable ids that do not collide. */
export function sourcesOfRows(rows: readonly ImportRow[], map: ArgumentMap): Source[] {
  const taken = new Set<string>();
  return rows.filter((r) => r.chosen).map((r) => {
    const source = recordToSource(r.record, map, taken);
    return { ...source, id: ownId(source.id) };
  });
}

/** "Add N sources": one step; the first new source's tab opens. Null when refused (the refusal shown in the dialog). */
export function addChosenRecords(): Id[] | null {
  const file = importDialog.getState().file;
  if (file?.stage !== 'ready') return null;
  const sources = sourcesOfRows(file.rows, getMap());
  const step = attemptStep(addSources(sources));
  if (!step.ok) {
    importDialog.setState({ problem: step.reason });
    return null;
  }
  closeImport();
  const ids = sources.map((s) => step.renamed.get(s.id) ?? s.id);
  showSource(ids[0]!);
  notify({
    kind: 'info',
    title: `Added ${sources.length === 1 ? 'one source' : `${sources.length} sources`} from “${file.name}”`,
    lines: ['Their texts are empty: open each source and choose Add text… to paste its text or bring the document.'],
  });
  return ids;
}
