// The compact label evidence cards, the inspector and figures show under a quote:
// "Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, l. 71" for an archival letter,
// "Bloch, Historian's Craft, p. 42" for a book. Plain text (the caller escapes it for its
// medium); never empty.
import { formatEdtf } from '../dates';
import type { Source } from '../model';
import { isArchival, namesOf, shortTitle, toCsl } from './csl';
import type { Locator } from './locator';
import { shortName, type CslName } from './names';

/** "Stalin", "Stalin and Molotov", "Stalin et al." */
function people(list: CslName[]): string {
  const names = list.map(shortName).filter((n) => n !== '');
  if (names.length <= 2) return names.join(' and ');
  return `${names[0]} et al.`;
}

function locatorText(l: Locator): string {
  const plural = /[–,-]/.test(l.value);
  if (l.label === 'folio') return `${plural ? 'll.' : 'l.'} ${l.value}`;
  return `${plural ? 'pp.' : 'p.'} ${l.value}`;
}

/** "RGASPI 558/11/62". */
function archiveShort(source: Source): string {
  const c = source.citation!;
  const path = [c.fond, c.opis, c.delo].map((p) => p?.trim()).filter((p) => p);
  return [c.archive.trim(), path.join('/')].filter((p) => p).join(' ');
}

/**
 * Kept per source object (sources are immutable: an edit makes a new one) and locator: every
 * evidence card of a large map asks for one, and parsing the source's EDTF date each time is
 * most of the cost.
 */
const labels = new WeakMap<Source, Map<string, string>>();

export function shortAttribution(source: Source, locator?: Locator | null): string {
  const key = locator ? `${locator.label}\u0000${locator.value}` : '';
  let known = labels.get(source);
  if (!known) labels.set(source, (known = new Map()));
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const label = attribution(source, locator);
  known.set(key, label);
  return label;
}

function attribution(source: Source, locator?: Locator | null): string {
  const item = toCsl(source);
  const authors = people(namesOf(item, 'author').length ? namesOf(item, 'author') : namesOf(item, 'editor'));
  const recipients = people(namesOf(item, 'recipient'));
  const title = typeof item['title-short'] === 'string' && item['title-short'].trim() ? item['title-short'].trim() : shortTitle(source.title);
  const date = source.date ? formatEdtf(source.date, 'short') : '';
  const archival = isArchival(source);
  const parts: string[] = [];

  if (recipients) parts.push(authors ? `${authors} to ${recipients}` : `To ${recipients}`);
  else if (archival) parts.push(authors || title);
  else parts.push(...[authors, title].filter((p) => p));
  if ((recipients || archival) && date) parts.push(date);
  if (archival) {
    const archive = archiveShort(source);
    if (archive) parts.push(archive);
    const listy = source.citation?.listy?.trim();
    if (locator) parts.push(locatorText(locator));
    else if (listy) parts.push(locatorText({ label: 'folio', value: listy.replace(/\s*[-–]\s*/, '–') }));
  } else if (locator) parts.push(locatorText(locator));

  const label = parts.filter((p) => p).join(', ');
  return label || source.title.trim() || source.id;
}
