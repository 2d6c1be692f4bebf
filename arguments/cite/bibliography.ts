/// <reference path="../vendor.d.ts" />
// Bibliographic records in and out: BibTeX/BibLaTeX (as Zotero exports it) and CSL-JSON files
// become records, one source each; a map's sources go out as CSL-JSON and BibLaTeX.
//
// BibTeX is parsed by citation-js (@citation-js/plugin-bibtex 0.8), which stops at the first
// syntax error of a file; so the file is cut into entries here (an entry starts with "@type{"
// at the start of a line) and each is parsed on its own, with the file's @string macros: a
// broken entry is named with its line and the others are still offered.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { archiveLocation } from '../citation';
import { cslDateToEdtf } from '../dates';
import { jsonErrorOffset } from '../format/json-position';
import { languageTag } from '../language';
import { ID_PATTERN, lookup, type ArchivalCitation, type ArgumentMap, type Source } from '../model';
import { cslType, recordProblems, type CslItem } from './csl-item';
import { namesOf, toCsl } from './csl';
import type { CslName } from './names';

export { exportBiblatex } from './biblatex';

export interface BibliographyProblem {
  line: number;
  message: string;
}

export interface ParsedBibliography {
  records: CslItem[];
  problems: BibliographyProblem[];
}

/** Larger files are refused: a Zotero export of a whole library of 10,000 items is about 10 MB. */
export const MAX_BIBLIOGRAPHY_CHARS = 16 * 1024 * 1024;

let configured = false;
/** citation-js writes BibTeX formatting (\textit, {Protected} words) as HTML tags; here text stays text. */
function configure(): void {
  if (configured) return;
  const config = plugins.config.get('@bibtex') as { constants: { formatting: Record<string, [string, string]> }; parse: Record<string, unknown> };
  for (const key of Object.keys(config.constants.formatting)) if (key !== 'quotes') config.constants.formatting[key] = ['', ''];
  config.parse.strict = false;
  config.parse.sentenceCase = 'never';
  configured = true;
}

/** Line numbers for offsets into one text, without rescanning it for each (a library export has thousands of entries). */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

interface Chunk {
  type: string;
  key: string;
  text: string;
  line: number;
  closed: boolean;
}

/** The file's entries: from each "@type{" at the start of a line to its matching brace. */
function chunks(text: string): Chunk[] {
  const lineAt = lineIndex(text);
  const starts = [...text.matchAll(/^[ \t]*@([A-Za-z]+)[ \t]*([{(])/gm)];
  return starts.map((m, i) => {
    const from = m.index! + m[0].indexOf('@');
    const limit = i + 1 < starts.length ? starts[i + 1]!.index! : text.length;
    const open = m[2]!;
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = -1;
    for (let j = m.index! + m[0].length - 1; j < limit; j++) {
      const c = text[j];
      if (c === '\\') j++;
      else if (c === '{' || (open === '(' && c === '(')) depth++;
      else if (c === '}' || (open === '(' && c === ')')) {
        depth--;
        if (depth === 0 && c === close) {
          end = j + 1;
          break;
        }
      }
    }
    const body = text.slice(from, end === -1 ? limit : end);
    const key = /^@[A-Za-z]+\s*[{(]\s*([^,\s}]*)/.exec(body)?.[1] ?? '';
    return { type: m[1]!.toLowerCase(), key, text: body, line: lineAt(from), closed: end !== -1 };
  });
}

function entryName(c: Chunk): string {
  return `@${c.type}{${c.key.slice(0, 40)}`;
}

function parseBibtex(text: string): ParsedBibliography {
  configure();
  const records: CslItem[] = [];
  const problems: BibliographyProblem[] = [];
  const macros: string[] = [];
  const all = chunks(text);
  if (all.length === 0) problems.push({ line: 1, message: 'No BibTeX entries were found (an entry starts with @book{, @article{, … at the start of a line).' });
  for (const c of all) {
    if (c.type === 'comment' || c.type === 'preamble') continue;
    if (!c.closed) {
      problems.push({ line: c.line, message: `The entry ${entryName(c)} starting at line ${c.line} is not closed: a closing brace is missing, so it was not imported.` });
      continue;
    }
    if (c.type === 'string') {
      macros.push(c.text);
      continue;
    }
    const prelude = macros.join('\n');
    const offset = prelude ? prelude.split('\n').length : 0;
    try {
      const data = new Cite(prelude ? `${prelude}\n${c.text}` : c.text, { forceType: '@biblatex/text', generateGraph: false }).data;
      if (data.length === 0) problems.push({ line: c.line, message: `The entry ${entryName(c)} at line ${c.line} holds no record.` });
      for (const item of data) records.push(cleanRecord(item, c.key || `record-${records.length + 1}`));
    } catch (err) {
      const detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      const at = /at line (\d+) col (\d+)/.exec(detail);
      const line = at ? c.line + Math.max(0, Number(at[1]) - 1 - offset) : c.line;
      const where = at ? ` at line ${line}, column ${at[2]}` : '';
      const what = /expected "(rbrace|comma)"/.test(detail)
        ? `a comma or a closing brace is missing${where}`
        : /invalid syntax|expected/.test(detail)
          ? `the syntax is wrong${where}`
          : detail.replace(/\s*at line \d+ col \d+:?\s*$/, '');
      problems.push({ line, message: `The entry ${entryName(c)} starting at line ${c.line} could not be read: ${what}. It was not imported.` });
    }
  }
  return { records, problems };
}

/** citation-js's CSL, without its bookkeeping. */
function cleanRecord(item: Record<string, unknown>, fallbackId: string): CslItem {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (k !== '_graph' && k !== '__proto__') out[k] = v;
  out.id = typeof out.id === 'string' && out.id ? out.id : typeof out.id === 'number' ? String(out.id) : fallbackId;
  out.type = cslType(out.type) ?? 'manuscript';
  return out as CslItem;
}

/** Offsets where each element of the top-level JSON array starts (the text is valid JSON). */
function elementOffsets(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      if (expecting && depth === 1) (out.push(i), (expecting = false));
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') {
      if (expecting && depth === 1) (out.push(i), (expecting = false));
      depth++;
      if (depth === 1 && c === '[') expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
    else if (expecting && depth === 1 && !/\s/.test(c)) (out.push(i), (expecting = false));
  }
  return out;
}

function parseCslJson(text: string): ParsedBibliography {
  const lineAt = lineIndex(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const at = Math.max(0, jsonErrorOffset(text));
    const line = lineAt(at);
    const column = at - text.lastIndexOf('\n', at - 1);
    return { records: [], problems: [{ line, message: `The file is not valid JSON (at line ${line}, column ${column}), so no record was imported.` }] };
  }
  const list = Array.isArray(value) ? value : [value];
  const lines = Array.isArray(value) ? elementOffsets(text).map(lineAt) : [1];
  const looksLikeRecord = (v: unknown) => v !== null && typeof v === 'object' && ('type' in v || 'title' in v);
  if (!Array.isArray(value) && !looksLikeRecord(value))
    return { records: [], problems: [{ line: 1, message: 'The file is JSON, but not CSL-JSON: it should hold a record (an object with "type" and "title") or a list of them.' }] };
  if (list.length === 0) return { records: [], problems: [{ line: 1, message: 'The file holds an empty list: there are no records to import.' }] };
  const records: CslItem[] = [];
  const problems: BibliographyProblem[] = [];
  list.forEach((record, i) => {
    const line = lines[i] ?? 1;
    const issues = recordProblems(record);
    if (issues.length) {
      const title = record && typeof record === 'object' && typeof (record as { title?: unknown }).title === 'string' ? ` ("${(record as { title: string }).title.slice(0, 40)}")` : '';
      problems.push({ line, message: `Record ${i + 1}${title} at line ${line} was not imported: ${issues.join('; ')}.` });
    } else records.push(cleanRecord(record as Record<string, unknown>, `record-${i + 1}`));
  });
  return { records, problems };
}

/** Records from a BibTeX/BibLaTeX or CSL-JSON file, and the problems of those that could not be read. */
export function parseBibliography(text: string, fileName: string): ParsedBibliography {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > MAX_BIBLIOGRAPHY_CHARS)
    return { records: [], problems: [{ line: 1, message: `${fileName} is larger than 16 MB, the most Argument Atlas imports at once; export fewer records.` }] };
  if (body.trim() === '') return { records: [], problems: [{ line: 1, message: `${fileName} is empty.` }] };
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const first = body.trimStart()[0];
  const json = ext === 'json' || (ext !== 'bib' && ext !== 'bibtex' && ext !== 'biblatex' && (first === '[' || first === '{'));
  if (json) return parseCslJson(body);
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex' || /^[ \t]*@[A-Za-z]+\s*[{(]/m.test(body)) return parseBibtex(body);
  return { records: [], problems: [{ line: 1, message: `${fileName} is neither BibTeX/BibLaTeX (.bib) nor CSL-JSON (.json); export the references from Zotero in one of those formats.` }] };
}

// ——— records to sources ———

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** "Bloch" → "bloch", "Сталин" → "stalin", "Gödel" → "godel": letters and digits an id may hold. */
function idWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[а-яё]/g, (c) => CYRILLIC[c] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'to', 'in', 'on', 'for', 'der', 'die', 'das', 'le', 'la', 'les', 'de']);

function readableId(record: CslItem, map: ArgumentMap, taken: Set<string>): string {
  const family = namesOf(record, 'author')[0] ?? namesOf(record, 'editor')[0];
  const who = family ? idWord(family.family ?? family.literal ?? '').split('-').slice(0, 2).join('-') : '';
  const title = typeof record.title === 'string' ? idWord(record.title).split('-').filter((w) => w && !SMALL.has(w)).slice(0, 2).join('-') : '';
  const year = cslDateToEdtf(record.issued)?.match(/^\d{4}/)?.[0] ?? '';
  const words = [...new Set([who, title, year].join('-').split('-').filter((w) => w))];
  let base = words.join('-').slice(0, 60).replace(/-+$/, '');
  if (!/^[a-z]/.test(base)) base = base ? `source-${base}` : 'source';
  let id = base;
  for (let n = 2; lookup(map, id) !== undefined || taken.has(id) || !ID_PATTERN.test(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Names as the author field's free text, in a form names.ts reads back the same: "Bloch, Marc; {Politburo}". */
export function namesText(names: CslName[]): string {
  return names
    .map((n) => {
      const clean = (s: string) => s.replace(/[;{}]/g, ' ').replace(/\s+/g, ' ').trim();
      if (n.literal) return `{${clean(n.literal)}}`;
      return [n.family, n.given, n.suffix].filter((p) => p).map((p) => clean(p!)).join(', ');
    })
    .filter((s) => s !== '' && s !== '{}')
    .join('; ');
}

const PRIMARY_TYPES = new Set(['manuscript', 'personal_communication', 'interview']);

/** "f. 558, op. 11, d. 62, ll. 71–72" back into the archival hierarchy, when it has that form. */
function readArchiveLocation(location: string): Partial<ArchivalCitation> | null {
  const m = /^f\.\s*([^,]+),\s*op\.\s*([^,]+),\s*d\.\s*([^,]+)(?:,\s*ll?\.\s*([^,]+))?$/.exec(location.trim());
  if (!m) return null;
  const c: Partial<ArchivalCitation> = { fond: m[1]!.trim(), opis: m[2]!.trim(), delo: m[3]!.trim() };
  if (m[4]) c.listy = m[4].trim();
  return c;
}

/**
 * A new source for an imported record: a readable id unused in the map (and in `taken`, for a
 * batch), the record's title, people, date, place and language as the source's own fields, a
 * secondary source unless the record is a manuscript, letter or archival item, the rest of the
 * record kept in `bib`. The text is empty: it is added afterwards.
 */
export function recordToSource(record: CslItem, map: ArgumentMap, taken: Set<string> = new Set()): Source {
  const bib: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (k !== 'id' && k !== '__proto__') bib[k] = structuredClone(v);
  const title = typeof record.title === 'string' && record.title.trim() ? record.title : typeof record['container-title'] === 'string' ? record['container-title'] : 'Untitled record';
  const archival = typeof record.archive === 'string' || typeof record.archive_location === 'string';
  const source: Source = {
    id: readableId(record, map, taken),
    title,
    role: archival || PRIMARY_TYPES.has(cslType(record.type) ?? '') ? 'primary' : 'secondary',
    text: '',
  };
  delete bib.title;
  const authors = namesOf(record, 'author');
  if (authors.length) (source.author = namesText(authors), delete bib.author);
  const recipients = namesOf(record, 'recipient');
  if (recipients.length) (source.recipient = namesText(recipients), delete bib.recipient);
  const date = cslDateToEdtf(record.issued);
  if (date) (source.date = date, delete bib.issued);
  if (typeof record['publisher-place'] === 'string' && record['publisher-place'].trim()) (source.place = record['publisher-place'], delete bib['publisher-place']);
  const language = languageTag(record.language);
  if (language) (source.language = language, delete bib.language);
  if (typeof record.archive === 'string' && record.archive.trim()) {
    const location = typeof record.archive_location === 'string' ? record.archive_location : '';
    const citation: ArchivalCitation = { asGiven: [record.archive, location].filter((p) => p).join(', '), archive: record.archive, ...readArchiveLocation(location) };
    if (!location || archiveLocation(citation) === location.trim()) delete bib.archive_location;
    delete bib.archive;
    source.citation = citation;
  }
  if (Object.keys(bib).length) source.bib = bib;
  return source;
}

/** Every source of the map as CSL-JSON (an array, in id order), for Zotero or another processor. */
export function exportCslJson(map: ArgumentMap): string {
  const sources = Object.values(map.sources).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(sources.map((s) => toCsl(s)), null, 2) + '\n';
}
