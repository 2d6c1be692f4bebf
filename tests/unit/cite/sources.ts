// Sources the citation tests share: the shipped map's letter, a book and a journal article
// (real publications, so the expected Chicago text can be checked against the Manual).
import { readFileSync } from 'node:fs';
import { loadMap } from '../../../arguments/format/load';
import type { ArgumentMap, Source } from '../../../arguments/model';

export function shippedMap(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
}

/** Stalin to Gottwald, 27 August 1950, RGASPI f. 558 op. 11 d. 62 ll. 71–72, as the shipped map has it. */
export const letter = (): Source => shippedMap().sources.letter!;

export const bloch: Source = {
  id: 'bloch',
  title: 'The Historian’s Craft',
  role: 'secondary',
  author: 'Marc Bloch; translated by Peter Putnam',
  date: '1953',
  place: 'New York',
  text: 'Introduction\fChapter I\fChapter II',
  bib: { type: 'book', publisher: 'Alfred A. Knopf' },
};

export const ginzburg: Source = {
  id: 'ginzburg',
  title: 'Morelli, Freud and Sherlock Holmes: Clues and Scientific Method',
  role: 'secondary',
  author: 'Ginzburg, Carlo; translated by Anna Davin',
  date: '1980',
  language: 'en',
  text: '',
  bib: { type: 'article-journal', 'container-title': 'History Workshop', issue: '9', page: '5-36', DOI: '10.1093/hwj/9.1.5' },
};

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** A source with hostile text in every metadata field. */
export const hostile: Source = {
  id: 'hostile',
  title: `${HOSTILE} & "quotes" </i> {brace} \\back`,
  role: 'primary',
  author: `<script>alert(1)</script>; Evil, <b>Bob</b>`,
  date: '1950-08',
  place: '<b>Moscow</b>',
  language: 'en',
  text: '',
  citation: { asGiven: HOSTILE, archive: '<i>RGASPI</i>', fond: '<5>', opis: '&amp;', delo: '"62"', listy: '71–72' },
  bib: { publisher: HOSTILE, note: '<span class="nocase">x</span>', URL: 'javascript:alert(1)' },
};

/** A letter with hostile names. */
export const hostileLetter: Source = { ...hostile, id: 'hostile-letter', recipient: '<i>Someone</i> & <Other>' };
