// Archival citations: the normalised short form historians write in notes. The CSL-JSON
// mapping (cite/csl.ts) puts the same location into `archive_location`.
import type { ArchivalCitation } from './model';

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
