import { describe, expect, it } from 'vitest';
import { escapeBiblatex, exportBiblatex } from '../../../arguments/cite/biblatex';
import { parseBibliography } from '../../../arguments/cite/bibliography';
import type { ArgumentMap, Source } from '../../../arguments/model';
import { bloch, ginzburg, HOSTILE, shippedMap } from './sources';

function mapWith(...sources: Source[]): ArgumentMap {
  const map = shippedMap();
  for (const s of sources) map.sources[s.id] = s;
  return map;
}

describe('exportBiblatex', () => {
  it('an archival letter is a @letter with its archival citation in the note; a manuscript is @unpublished', () => {
    const bib = exportBiblatex(shippedMap());
    expect(bib).toContain(
      ['@letter{letter,', '  author = {Stalin, I. V.},', '  title = {Stalin to Klement Gottwald, 27 August 1950},', '  date = {1950-08-27},', '  note = {RGASPI, f. 558, op. 11, d. 62, ll. 71–72},', '}'].join('\n'),
    );
    expect(bib).toContain('@unpublished{cable1949,');
    expect(bib).toContain('  note = {APRF, f. 45, op. 1, d. 332, ll. 47–48},');
    expect(bib.match(/^@/gm)).toHaveLength(4);
  });

  it('a book and an article with their publication fields, EDTF dates as BibLaTeX reads them', () => {
    const bib = exportBiblatex(mapWith({ ...bloch, date: '1953~' }, { ...ginzburg, bib: { ...ginzburg.bib, 'citation-key': 'ginzburg_morelli_1980' } }));
    expect(bib).toContain(
      ['@book{bloch,', '  author = {Bloch, Marc},', '  translator = {Putnam, Peter},', '  title = {The Historian’s Craft},', '  date = {1953~},', '  location = {New York},', '  publisher = {Alfred A. Knopf},', '}'].join('\n'),
    );
    expect(bib).toContain('@article{ginzburg_morelli_1980,');
    expect(bib).toContain('  journaltitle = {History Workshop},');
    expect(bib).toContain('  pages = {5--36},');
    expect(bib).toContain('  langid = {english},');
  });

  it('round-trips through a BibTeX parser: the records come back with their text', () => {
    const { records, problems } = parseBibliography(exportBiblatex(mapWith(bloch, ginzburg)), 'export.bib');
    expect(problems).toEqual([]);
    const book = records.find((r) => r.id === 'bloch');
    expect(book).toMatchObject({ type: 'book', title: 'The Historian’s Craft', author: [{ family: 'Bloch', given: 'Marc' }], publisher: 'Alfred A. Knopf', 'publisher-place': 'New York', issued: { 'date-parts': [[1953]] } });
    expect(records.find((r) => r.id === 'ginzburg')).toMatchObject({ 'container-title': 'History Workshop', page: '5-36', issue: '9', DOI: '10.1093/hwj/9.1.5' });
  });

  it('keeps Cyrillic as it is', () => {
    const ru: Source = { id: 'torkunov', title: 'Загадочная война', role: 'secondary', author: 'Торкунов, А. В.', date: '2000', place: 'Москва', language: 'ru', text: '', bib: { type: 'book', publisher: 'РОССПЭН' } };
    const bib = exportBiblatex(mapWith(ru));
    expect(bib).toContain('  author = {Торкунов, А. В.},');
    expect(parseBibliography(bib, 'x.bib').records.find((r) => r.id === 'torkunov')).toMatchObject({ title: 'Загадочная война', publisher: 'РОССПЭН', 'publisher-place': 'Москва', language: 'russian' });
  });

  it('hostile text in every field stays text: the file still parses, nothing is injected, every character comes back', () => {
    const evil = `${HOSTILE} } { \\ \\end{document} % # & $ _ ~ ^ | "q"`;
    const injection = '}\n@misc{injected, title={pwned}}\n';
    const s: Source = {
      id: 'evil', title: evil + injection, role: 'primary', author: 'O}Brien, A\\B', date: '1950-08~', place: injection, text: '',
      citation: { asGiven: '', archive: '{RGASPI}', fond: '\\558', opis: '%11', delo: '62}', listy: '71–72' },
      bib: { publisher: evil, note: injection, 'container-title': '@book{x,' },
    };
    const bib = exportBiblatex(mapWith(s));
    const { records, problems } = parseBibliography(bib, 'x.bib');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.id)).not.toContain('injected');
    expect(records).toHaveLength(5);
    const back = records.find((r) => r.id === 'evil')!;
    // Line breaks become spaces: in BibLaTeX they are spaces anyway.
    const flat = (t: string) => t.replace(/\s*\n\s*/g, ' ');
    expect(back.title).toBe(flat(evil + injection).trim());
    expect(back.publisher).toBe(evil);
    expect(back['publisher-place']).toBe(flat(injection).trim());
    expect(back.author).toEqual([{ family: 'O}Brien', given: 'A\\B' }]);
    expect(back.note).toBe(`{RGASPI}, f. \\558, op. %11, d. 62}, ll. 71–72. ${flat(injection).trim()}`);
  });

  it('escapes TeX’s special characters and braces, so braces always balance', () => {
    expect(escapeBiblatex('a{b}\\c % & $ # _ ~ ^')).toBe('a\\textbraceleft{}b\\textbraceright{}\\textbackslash{}c \\% \\& \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{}');
  });
});
