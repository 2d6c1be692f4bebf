// A source as a CSL-JSON item, the form citation processors, Zotero and reference managers
// read. It starts from the record the source was imported with (`bib`); the fields the
// historian edits in the app win over it. CSL has no fond/opis/delo/list fields: the archive is
// `archive`, the location within it `archive_location` ("f. 558, op. 11, d. 62, ll. 71–72").
// The item is plain text and complete; what the processor needs on top (escaping, its own
// limits) is processor.ts's business.
import { archiveLocation } from '../citation';
import { edtfToCslDate } from '../dates';
import type { Source } from '../model';
import { cslType, isCslDate, isCslName, type CslItem, type CslType } from './csl-item';
import { parseNamesWithRoles, type CslName } from './names';

/** Does the source have an archival citation (an archive, or a location within one)? */
export function isArchival(source: Source): boolean {
  const c = source.citation;
  return c !== undefined && Boolean(c.archive || c.fond || c.opis || c.delo || c.listy);
}

/**
 * The CSL type: a letter (it has a recipient) is a `personal_communication`, another archival
 * document a `manuscript`; then the imported record's type; then `manuscript` for a primary
 * source, and for a secondary one a `book` if it has a place of publication, else an `article`.
 * Only CSL 1.0.1 types: citeproc-rs 0.2 refuses `letter` and `document`.
 */
export function sourceType(source: Source): CslType {
  if (source.recipient?.trim()) return 'personal_communication';
  if (isArchival(source)) return 'manuscript';
  const imported = cslType(source.bib?.type);
  if (imported) return imported;
  if (source.role === 'primary') return 'manuscript';
  return source.place?.trim() ? 'book' : 'article';
}

const TRAILING_SMALL_WORDS = /\s+(of|to|and|&|the|a|an|in|on|for|with|by|from|at)$/i;

/**
 * Chicago's short title (CMOS 14.30): the main title without a leading article; kept whole up to
 * five words ("Morelli, Freud and Sherlock Holmes"), else its first four words ("Letter of Stalin").
 */
export function shortTitle(title: string): string {
  const main = title.split(/[:.?!]\s/)[0]!.trim().replace(/^(the|a|an)\s+/i, '');
  const words = main.split(/\s+/);
  if (words.length <= 5) return main || title.trim();
  let short = words.slice(0, 4).join(' ');
  while (TRAILING_SMALL_WORDS.test(short)) short = short.replace(TRAILING_SMALL_WORDS, '');
  return short.replace(/[,;]$/, '') || title.trim();
}

function names(list: CslName[]): CslName[] | undefined {
  return list.length ? list : undefined;
}

export function toCsl(source: Source): CslItem {
  // `bib` is data from a file: copy only own, well-formed fields, never its id.
  const item: CslItem = { id: source.id, type: sourceType(source) };
  if (source.bib) {
    for (const [key, value] of Object.entries(source.bib)) {
      if (key === 'id' || key === 'type' || key === '_graph' || key === '__proto__') continue;
      if (value === undefined) continue;
      item[key] = structuredClone(value);
    }
  }
  // Chicago cites a letter by sender, recipient and date ("Stalin to Gottwald, August 27,
  // 1950"); the map's title of a letter is a label, so a letter has no CSL title.
  if (item.type === 'personal_communication') delete item.title;
  else if (source.title.trim()) {
    item.title = source.title;
    // Chicago's short notes use the short title ("Bloch, Historian's Craft, 43"), which CSL
    // takes from `title-short` and otherwise repeats the whole title.
    const short = shortTitle(source.title);
    if (typeof item['title-short'] !== 'string' && short !== source.title.trim()) item['title-short'] = short;
  }

  const people = parseNamesWithRoles(source.author);
  if (people.length) {
    const byRole = (role: string) => names(people.filter((p) => p.role === role).map((p) => p.name));
    const [author, editor, translator] = [byRole('author'), byRole('editor'), byRole('translator')];
    if (author) item.author = author;
    else delete item.author;
    if (editor) item.editor = editor;
    if (translator) item.translator = translator;
  }
  const recipient = names(parseNamesWithRoles(source.recipient).map((p) => p.name));
  if (recipient) item.recipient = recipient;

  if (source.date) {
    const issued = edtfToCslDate(source.date);
    if (issued) item.issued = issued;
  }
  if (source.place?.trim()) item['publisher-place'] = source.place;
  if (source.language?.trim()) item.language = source.language;
  const c = source.citation;
  if (c) {
    if (c.archive) item.archive = c.archive;
    const location = archiveLocation(c);
    if (location) item.archive_location = location;
    if (c.page) item.page = c.page;
  }
  return item;
}

/** The names in an item's variable, when it is a well-formed list. */
export function namesOf(item: CslItem | Record<string, unknown> | undefined, variable: string): CslName[] {
  const v = item?.[variable];
  return Array.isArray(v) ? v.filter(isCslName) : [];
}

/** The item's `issued` when it is a well-formed CSL date. */
export function issuedOf(item: Record<string, unknown> | undefined) {
  return isCslDate(item?.issued) ? item.issued : undefined;
}
