// The source details form as data: its fields and their words, what a draft checks as it is
// typed, and the change each field commits (one `editSource` step each; the operation
// checks it by the loader's rules and words any refusal). Pure: no DOM, no React.
import { archiveLocation } from '../../arguments/citation';
import { checkEdtf } from '../../arguments/dates';
import { checkLanguage } from '../../arguments/language';
import type { ArchivalCitation, Id, Source, SourceRole, TranscriptionMethod } from '../../arguments/model';
import type { SourceChanges } from '../../arguments/operations';

export type TextField = 'title' | 'author' | 'recipient' | 'date' | 'place' | 'language';

export interface FieldWords {
  label: string;
  hint?: string;
  placeholder?: string;
}

export const TEXT_FIELDS = {
  title: { label: 'Title' },
  author: { label: 'Author', hint: 'Several people separated by “;”; “edited by …”, “translated by …” name editors and translators.', placeholder: 'e.g. Stalin, I. V.' },
  recipient: { label: 'Recipient', hint: 'For a letter or cable: to whom.', placeholder: 'e.g. Klement Gottwald' },
  date: { label: 'Date (EDTF)', hint: '1950-08-27, 1950-08, 1950-08~ (circa), 1950? (uncertain), 195X (the 1950s), 1949/1950 (a span).', placeholder: 'e.g. 1950-08-27' },
  place: { label: 'Place', hint: 'Where it was written or published.', placeholder: 'e.g. Moscow' },
  language: { label: 'Language (BCP 47)', hint: 'ru (Russian), en (English), cs (Czech), de-AT…', placeholder: 'e.g. ru' },
} as const satisfies Record<TextField, FieldWords>;

export type CitationKey = Exclude<keyof ArchivalCitation, 'fields'>;

export const CITATION_FIELDS = {
  asGiven: { label: 'As given', hint: 'The citation exactly as the document prints it, typos included: it is kept verbatim, never normalised.' },
  archive: { label: 'Archive', hint: 'The abbreviation used in notes, e.g. RGASPI.' },
  archiveName: { label: 'Archive name', hint: 'The archive’s full name.' },
  fond: { label: 'Fond' },
  opis: { label: 'Opis' },
  delo: { label: 'Delo' },
  listy: { label: 'Listy (folios)', hint: 'A leaf (71) or a range (71–72).' },
  page: { label: 'Page', hint: 'Page(s) in a published edition of the document.' },
} as const satisfies Record<CitationKey, FieldWords>;

export const CITATION_KEYS = Object.keys(CITATION_FIELDS) as CitationKey[];

/** What is wrong with a draft as it is typed (the same sentence the operation would refuse with); null when nothing. */
export function draftProblem(field: TextField, draft: string): string | null {
  const value = draft.trim();
  if (value === '') return null;
  if (field === 'date') return checkEdtf(value);
  if (field === 'language') return checkLanguage(value);
  return null;
}

/** The change a text field commits; null when the draft says what the source already says. */
export function fieldChange(source: Source, field: TextField, draft: string): SourceChanges | null {
  const value = draft.trim();
  if (field === 'title') return value === source.title ? null : { title: value };
  const current = source[field] ?? '';
  if (value === current) return null;
  return { [field]: value === '' ? undefined : value };
}

export function roleChange(source: Source, role: SourceRole): SourceChanges | null {
  return role === source.role ? null : { role };
}

const isEmptyCitation = (c: ArchivalCitation): boolean =>
  c.asGiven === '' && c.archive === '' && CITATION_KEYS.every((k) => k === 'asGiven' || k === 'archive' || c[k] === undefined) && (c.fields === undefined || Object.keys(c.fields).length === 0);

const sameCitation = (a: ArchivalCitation | undefined, b: ArchivalCitation | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The citation with `patch` applied; a citation left with nothing in it is removed. */
function withCitation(source: Source, next: ArchivalCitation): SourceChanges | null {
  const citation = isEmptyCitation(next) ? undefined : next;
  return sameCitation(source.citation, citation) ? null : { citation };
}

/**
 * The change a citation field commits. "As given" is kept exactly as typed (never trimmed);
 * the parts are trimmed, and an empty part is removed. A source without a citation gets one
 * when a first part is typed.
 */
export function citationChange(source: Source, key: CitationKey, draft: string): SourceChanges | null {
  const base: ArchivalCitation = source.citation ? { ...source.citation } : { asGiven: '', archive: '' };
  const value = key === 'asGiven' ? draft : draft.trim();
  if (key === 'asGiven' || key === 'archive') base[key] = value;
  else if (value === '') delete base[key];
  else base[key] = value;
  return withCitation(source, base);
}

/** The free fields as [name, value] pairs, in their order. */
export function freeFields(source: Source): [string, string][] {
  const fields = source.citation?.fields;
  return fields ? Object.entries(fields) : [];
}

/** A record from pairs: names such as "__proto__" or "constructor" stay plain keys. */
const record = (pairs: readonly (readonly [string, string])[]): Record<string, string> => Object.fromEntries(pairs);

function withFields(source: Source, pairs: readonly (readonly [string, string])[]): SourceChanges | null {
  const base: ArchivalCitation = source.citation ? { ...source.citation } : { asGiven: '', archive: '' };
  if (pairs.length === 0) delete base.fields;
  else base.fields = record(pairs);
  return withCitation(source, base);
}

export type FreeFieldResult = { changes: SourceChanges | null } | { problem: string };

/** Sets the value of the free field `name` (adding it at the end when it is new). */
export function setFreeField(source: Source, name: string, value: string): FreeFieldResult {
  const key = name.trim();
  if (key === '') return { problem: 'Give the field a name.' };
  const pairs = freeFields(source);
  const at = pairs.findIndex(([k]) => k === key);
  const next = at === -1 ? [...pairs, [key, value] as [string, string]] : pairs.map((p, i) => (i === at ? ([key, value] as [string, string]) : p));
  return { changes: withFields(source, next) };
}

/** Renames a free field in place (its value and position kept). */
export function renameFreeField(source: Source, from: string, to: string): FreeFieldResult {
  const key = to.trim();
  if (key === from) return { changes: null };
  if (key === '') return { problem: 'A field needs a name; remove the field instead.' };
  const pairs = freeFields(source);
  if (pairs.some(([k]) => k === key)) return { problem: `There is already a field named “${key}”.` };
  return { changes: withFields(source, pairs.map(([k, v]) => (k === from ? [key, v] : [k, v]))) };
}

export function removeFreeField(source: Source, name: string): SourceChanges | null {
  return withFields(
    source,
    freeFields(source).filter(([k]) => k !== name),
  );
}

/** The primary sources a secondary one may quote: every other primary source of the map, by title. */
export function quotableSources(sources: Record<Id, Source>, self: Id): Source[] {
  return Object.values(sources)
    .filter((s) => s.id !== self && s.role === 'primary')
    .sort((a, b) => (a.title || a.id).localeCompare(b.title || b.id));
}

/** Ticks or unticks a primary source among those the source quotes (its quotations are then audited against it). */
export function quotedChange(source: Source, primary: Id, quoted: boolean): SourceChanges | null {
  const current = source.quotes ?? [];
  const has = current.includes(primary);
  if (has === quoted) return null;
  const next = quoted ? [...current, primary] : current.filter((id) => id !== primary);
  return { quotes: next.length ? next : undefined };
}

/** Texts a program extracted from a file: the historian checks them against the original. */
export const EXTRACTED = {
  pasted: false,
  'text-file': false,
  'pdf-text': true,
  'docx-text': true,
  'html-text': true,
} as const satisfies Record<TranscriptionMethod, boolean>;

export const needsChecking = (source: Source): boolean => source.transcription !== undefined && EXTRACTED[source.transcription.method];

export function checkedChange(source: Source, checked: boolean): SourceChanges | null {
  const t = source.transcription;
  if (!t || (t.checked === true) === checked) return null;
  const { checked: _old, ...rest } = t;
  return { transcription: checked ? { ...rest, checked: true } : rest };
}

/** "RGASPI, f. 558, op. 11, d. 62, ll. 71–72": the normalised form next to the form. */
export function normalisedCitation(c: ArchivalCitation | undefined): string {
  if (!c) return '';
  const location = archiveLocation(c);
  return [c.archive.trim(), location].filter((p) => p).join(', ');
}
