// What a CSL-JSON item is, for this app: the item types and variables of CSL 1.0.1 that the
// citation processor (citeproc-rs 0.2) accepts, and the shape of each kind of variable. One rule
// for the importer (a record from Zotero is checked here) and the processor (an item is reduced
// to what citeproc-rs reads, so a malformed field cannot make it throw).
import type { CslDate } from '../dates';
import type { CslName } from './names';

export const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'dataset', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'figure', 'graphic', 'interview', 'legal_case',
  'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent',
  'personal_communication', 'post', 'post-weblog', 'report', 'review', 'review-book', 'song', 'speech', 'thesis',
  'treaty', 'webpage',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

// CSL 1.0.2 types (Zotero and citation-js emit them) that citeproc-rs 0.2 refuses, and "letter",
// to the nearest 1.0.1 type.
const TYPE_ALIASES: Record<string, CslType> = {
  letter: 'personal_communication',
  document: 'manuscript',
  classic: 'book',
  collection: 'book',
  periodical: 'book',
  software: 'book',
  event: 'speech',
  performance: 'speech',
  hearing: 'bill',
  regulation: 'legislation',
  standard: 'report',
};

/** The 1.0.1 type for a record's `type`, or undefined when it is not a CSL type. */
export function cslType(value: unknown): CslType | undefined {
  if (typeof value !== 'string') return undefined;
  if ((CSL_TYPES as readonly string[]).includes(value)) return value as CslType;
  return Object.hasOwn(TYPE_ALIASES, value) ? TYPE_ALIASES[value] : undefined;
}

export const STANDARD_VARIABLES = [
  'abstract', 'annote', 'archive', 'archive_location', 'archive-place', 'authority', 'call-number', 'citation-key',
  'citation-label', 'collection-title', 'container-title', 'container-title-short', 'dimensions', 'DOI', 'event',
  'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'language', 'medium', 'note',
  'original-publisher', 'original-publisher-place', 'original-title', 'page', 'page-first', 'PMCID', 'PMID',
  'publisher', 'publisher-place', 'references', 'reviewed-title', 'scale', 'section', 'source', 'status', 'title',
  'title-short', 'URL', 'version', 'volume-title',
] as const;
export const NUMBER_VARIABLES = ['chapter-number', 'collection-number', 'edition', 'issue', 'number', 'number-of-pages', 'number-of-volumes', 'volume'] as const;
export const DATE_VARIABLES = ['accessed', 'container', 'event-date', 'issued', 'original-date', 'submitted'] as const;
export const NAME_VARIABLES = [
  'author', 'collection-editor', 'composer', 'container-author', 'director', 'editor', 'editorial-director',
  'illustrator', 'interviewer', 'original-author', 'recipient', 'reviewed-author', 'translator',
] as const;

export type VariableKind = 'standard' | 'number' | 'date' | 'name';
const KIND = new Map<string, VariableKind>([
  ...STANDARD_VARIABLES.map((v) => [v, 'standard'] as const),
  ...NUMBER_VARIABLES.map((v) => [v, 'number'] as const),
  ...DATE_VARIABLES.map((v) => [v, 'date'] as const),
  ...NAME_VARIABLES.map((v) => [v, 'name'] as const),
]);

export function variableKind(variable: string): VariableKind | undefined {
  return KIND.get(variable);
}

/** A CSL-JSON item: the id and type, the variables this app reads, and anything else a record had. */
export interface CslItem {
  id: string;
  type: CslType;
  title?: string;
  author?: CslName[];
  recipient?: CslName[];
  issued?: CslDate;
  [variable: string]: unknown;
}

const NAME_PARTS = ['family', 'given', 'suffix', 'literal', 'dropping-particle', 'non-dropping-particle'] as const;

export function isCslName(value: unknown): value is CslName {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return NAME_PARTS.some((p) => typeof v[p] === 'string' && v[p] !== '') && NAME_PARTS.every((p) => v[p] === undefined || typeof v[p] === 'string');
}

const isDatePart = (n: unknown) => (typeof n === 'number' && Number.isInteger(n)) || (typeof n === 'string' && /^-?\d+$/.test(n.trim()));

export function isCslDate(value: unknown): value is CslDate {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const d = value as Record<string, unknown>;
  const parts = d['date-parts'];
  if (parts !== undefined) {
    if (!Array.isArray(parts) || parts.length < 1 || parts.length > 2) return false;
    if (!parts.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 3 && p.every(isDatePart))) return false;
    return true;
  }
  return typeof d.literal === 'string' || typeof d.raw === 'string';
}

/** What is wrong with one variable's value, or null. */
export function variableProblem(variable: string, value: unknown): string | null {
  switch (variableKind(variable)) {
    case 'standard':
      return typeof value === 'string' || typeof value === 'number' ? null : `"${variable}" should be text`;
    case 'number':
      return typeof value === 'string' || typeof value === 'number' ? null : `"${variable}" should be a number or text`;
    case 'date':
      return isCslDate(value) ? null : `"${variable}" should be a CSL date such as {"date-parts": [[1950, 8, 27]]}`;
    case 'name':
      return Array.isArray(value) && value.every(isCslName) ? null : `"${variable}" should be a list of names such as [{"family": "Bloch", "given": "Marc"}]`;
    case undefined:
      return null;
  }
}

/**
 * A record's problems in words ([] when the app can use it). Variables this app does not know
 * are no problem: they are kept in the source's `bib` for the round trip.
 */
export function recordProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['a record should be an object with "type" and "title"'];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  if (record.type === undefined) problems.push('it has no "type" (such as "book", "article-journal" or "manuscript")');
  else if (cslType(record.type) === undefined)
    problems.push(`its "type" ${JSON.stringify(record.type).slice(0, 40)} is not a CSL item type (such as "book", "article-journal" or "manuscript")`);
  if (record.id !== undefined && typeof record.id !== 'string' && typeof record.id !== 'number') problems.push('its "id" should be text');
  for (const [variable, v] of Object.entries(record)) {
    const problem = variableProblem(variable, v);
    if (problem) problems.push(problem);
  }
  return problems;
}
