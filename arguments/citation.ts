// Archival citations: the normalised short form historians write in notes, and the
// CSL-JSON mapping citation processors (Zotero, citeproc) understand. CSL has no
// fond/opis/delo/list fields, so they go into `archive_location`.
import type { ArchivalCitation, Source } from './model';

/** "f. 558, op. 11, d. 62, ll. 71–72" (a single leaf is "l. 71"). */
export function archiveLocation(c: ArchivalCitation): string {
  const parts: string[] = [];
  if (c.fond) parts.push(`f. ${c.fond}`);
  if (c.opis) parts.push(`op. ${c.opis}`);
  if (c.delo) parts.push(`d. ${c.delo}`);
  if (c.listy) {
    const leaves = c.listy.replace(/\s*[-–]\s*/, '–');
    parts.push(`${/[–,]/.test(leaves) ? 'll.' : 'l.'} ${leaves}`);
  }
  return parts.join(', ');
}

/** "RGASPI, f. 558, op. 11, d. 62, ll. 71–72". */
export function formatCitation(c: ArchivalCitation): string {
  const location = archiveLocation(c);
  return location ? `${c.archive}, ${location}` : c.archive;
}

export interface CslItem {
  id: string;
  type: 'manuscript' | 'letter' | 'article' | 'document';
  title: string;
  author?: { literal: string }[];
  issued?: { 'date-parts': number[][] };
  archive?: string;
  archive_location?: string;
  note?: string;
}

function dateParts(date: string | undefined): CslItem['issued'] {
  if (!date) return undefined;
  return { 'date-parts': [date.split('-').map(Number)] };
}

export function toCsl(source: Source): CslItem {
  const item: CslItem = { id: source.id, type: source.citation ? 'manuscript' : 'document', title: source.title };
  if (source.author) item.author = [{ literal: source.author }];
  const issued = dateParts(source.date);
  if (issued) item.issued = issued;
  if (source.citation) {
    item.archive = source.citation.archive;
    const location = archiveLocation(source.citation);
    if (location) item.archive_location = location;
  }
  return item;
}
