import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCslJson, parseBibliography, recordToSource } from '../../../arguments/cite/bibliography';
import { toCsl } from '../../../arguments/cite/csl';
import { emptyMap, ID_PATTERN } from '../../../arguments/model';
import { HOSTILE, shippedMap } from './sources';

const zotero = readFileSync(new URL('../../fixtures/bib/zotero-biblatex.bib', import.meta.url), 'utf8');
const blank = () => emptyMap('2026-11-26T10:00:00Z');

describe('a Zotero BibLaTeX export', () => {
  const { records, problems } = parseBibliography(zotero, 'My Library.bib');

  it('gives one record per entry, with Zotero’s fields in CSL', () => {
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.id, r.type])).toEqual([
      ['bloch_historians_1953', 'book'],
      ['ginzburg_morelli_1980', 'article-journal'],
      ['weathersby_soviet_1995', 'chapter'],
      ['stalin_letter_1950', 'personal_communication'],
      ['gaddis_we_1997', 'book'],
    ]);
    expect(records[0]).toMatchObject({ title: 'The Historian\'s Craft', author: [{ family: 'Bloch', given: 'Marc' }], translator: [{ family: 'Putnam', given: 'Peter' }], 'publisher-place': 'New York', publisher: 'Alfred A. Knopf', issued: { 'date-parts': [[1953]] } });
    expect(records[1]).toMatchObject({ 'container-title': 'History Workshop', issue: '9', page: '5-36', DOI: '10.1093/hwj/9.1.5' });
    // Braces that protect capitals are markup, not text; TeX commands become their characters.
    expect(records[2]!['publisher-place']).toBe('Washington, DC');
    expect(records[3]!.note).toBe('RGASPI, f. 558, op. 11, d. 62, ll. 71–72');
    // A local attachment path from Zotero is not kept.
    expect(JSON.stringify(records)).not.toContain('/home/historian');
  });

  it('each record becomes a source with a readable id, its own fields, the rest in bib, no text yet', () => {
    const map = blank();
    const taken = new Set<string>();
    const sources = records.map((r) => recordToSource(r, map, taken));
    expect(sources.map((s) => s.id)).toEqual(['bloch-historians-craft-1953', 'ginzburg-morelli-freud-1980', 'weathersby-new-russian-1995', 'stalin-letter-klement-1950', 'gaddis-we-now-1997']);
    expect(sources.every((s) => ID_PATTERN.test(s.id) && s.text === '')).toBe(true);
    expect(sources[0]).toEqual({
      id: 'bloch-historians-craft-1953',
      title: 'The Historian\'s Craft',
      role: 'secondary',
      author: 'Bloch, Marc',
      date: '1953',
      place: 'New York',
      language: 'en',
      text: '',
      bib: { type: 'book', 'citation-key': 'bloch_historians_1953', ISBN: '978-0-394-70512-9', keyword: 'historiography,method', 'number-of-pages': '197', publisher: 'Alfred A. Knopf', translator: [{ family: 'Putnam', given: 'Peter' }] },
    });
    expect(sources[3]).toMatchObject({ role: 'primary', author: 'Stalin, I. V.', date: '1950-08-27', language: 'ru' });
  });

  it('a source made from a record cites as the record does', () => {
    const source = recordToSource(records[0]!, blank());
    expect(toCsl(source)).toMatchObject({ type: 'book', title: 'The Historian\'s Craft', author: [{ family: 'Bloch', given: 'Marc' }], translator: [{ family: 'Putnam', given: 'Peter' }], issued: { 'date-parts': [[1953]] }, 'publisher-place': 'New York', publisher: 'Alfred A. Knopf' });
  });
});

describe('BibTeX with errors', () => {
  const bib = [
    '% refs', //                                   1
    '@string{hw = "History Workshop"}', //          2
    '', //                                          3
    '@article{ok1,', //                             4
    '  title = {First},', //                        5
    '  journaltitle = hw,', //                      6
    '  date = {1980},', //                          7
    '}', //                                         8
    '', //                                          9
    '@book{broken,', //                             10
    '  title = {Second}', //                        11
    '  author = {Missing, Comma},', //              12
    '}', //                                         13
    '', //                                          14
    '@book{ok2, title = {Third}, date = {2000}}', // 15
    '@book{unclosed,', //                           16
    '  title = {Fourth},', //                       17
    '', //                                          18
    '@book{ok3, title = {Fifth}}', //               19
    '@comment{jabref-meta: databaseType:biblatex;}', // 20
  ].join('\n');

  it('names each broken entry with its line and still offers the others (macros applied)', () => {
    const { records, problems } = parseBibliography(bib, 'refs.bib');
    expect(records.map((r) => [r.id, r.title])).toEqual([['ok1', 'First'], ['ok2', 'Third'], ['ok3', 'Fifth']]);
    expect(records[0]!['container-title']).toBe('History Workshop');
    expect(problems).toEqual([
      { line: 12, message: 'The entry @book{broken starting at line 10 could not be read: a comma or a closing brace is missing at line 12, column 3. It was not imported.' },
      { line: 16, message: 'The entry @book{unclosed starting at line 16 is not closed: a closing brace is missing, so it was not imported.' },
    ]);
  });

  it('a file with no entries, an empty file, a file of another kind', () => {
    expect(parseBibliography('just some notes', 'refs.bib').problems[0]?.message).toMatch(/^No BibTeX entries were found/);
    expect(parseBibliography(' \n', 'refs.bib').problems).toEqual([{ line: 1, message: 'refs.bib is empty.' }]);
    expect(parseBibliography('hello', 'notes.txt').problems[0]?.message).toBe('notes.txt is neither BibTeX/BibLaTeX (.bib) nor CSL-JSON (.json); export the references from Zotero in one of those formats.');
  });

  it('hostile field text stays text', () => {
    const { records } = parseBibliography(`@book{h, title = {${HOSTILE} {\\textless}b{\\textgreater} \\textit{It}}, author = {Evil, <b>Bob</b>}}`, 'h.bib');
    expect(records[0]!.title).toBe(`${HOSTILE} <b> It`);
    expect(records[0]!.author).toEqual([{ family: 'Evil', given: '<b>Bob</b>' }]);
  });
});

describe('CSL-JSON', () => {
  it('an array: valid records in, each broken one named with its line', () => {
    const text = '[{"type":"book","title":"A","id":"a"},\n {"type":"bogus","title":"B"},\n 5,\n {"title":"No type"},\n {"type":"book","title":"C","author":"Bloch","issued":"1950"}]';
    const { records, problems } = parseBibliography(text, 'My Library.json');
    expect(records).toEqual([{ type: 'book', title: 'A', id: 'a' }]);
    expect(problems).toEqual([
      { line: 2, message: 'Record 2 ("B") at line 2 was not imported: its "type" "bogus" is not a CSL item type (such as "book", "article-journal" or "manuscript").' },
      { line: 3, message: 'Record 3 at line 3 was not imported: a record should be an object with "type" and "title".' },
      { line: 4, message: 'Record 4 ("No type") at line 4 was not imported: it has no "type" (such as "book", "article-journal" or "manuscript").' },
      { line: 5, message: 'Record 5 ("C") at line 5 was not imported: "author" should be a list of names such as [{"family": "Bloch", "given": "Marc"}]; "issued" should be a CSL date such as {"date-parts": [[1950, 8, 27]]}.' },
    ]);
  });

  it('one object, with a number id and a CSL 1.0.2 type', () => {
    expect(parseBibliography('{"type":"document","title":"One","id":7}', 'one.json')).toEqual({ records: [{ type: 'manuscript', title: 'One', id: '7' }], problems: [] });
  });

  it('broken JSON, JSON that is not CSL, an empty list', () => {
    expect(parseBibliography('[{"type":"book",\n "title": "A",,}]', 'bad.json').problems).toEqual([{ line: 2, message: 'The file is not valid JSON (at line 2, column 15), so no record was imported.' }]);
    expect(parseBibliography('{"items": []}', 'x.json').problems[0]?.message).toMatch(/^The file is JSON, but not CSL-JSON/);
    expect(parseBibliography('42', 'x.json').problems[0]?.message).toMatch(/^The file is JSON, but not CSL-JSON/);
    expect(parseBibliography('[]', 'x.json').problems[0]?.message).toBe('The file holds an empty list: there are no records to import.');
  });

  it('a record with a __proto__ key cannot change the object it becomes', () => {
    const { records } = parseBibliography('[{"type":"book","title":"P","__proto__":{"polluted":true}}]', 'p.json');
    expect(Object.getPrototypeOf(records[0])).toBe(Object.prototype);
    expect((records[0] as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('ids of imported sources', () => {
  it('are unused in the map (node, relation or source) and within one import', () => {
    const map = shippedMap();
    const record = { id: 'x', type: 'book' as const, title: 'Letter', author: [{ family: 'Stalin' }], issued: { 'date-parts': [[1950]] } };
    map.nodes['stalin-letter-1950'] = { id: 'stalin-letter-1950', kind: 'note', text: '' };
    const taken = new Set<string>();
    expect(recordToSource(record, map, taken).id).toBe('stalin-letter-1950-2');
    expect(recordToSource(record, map, taken).id).toBe('stalin-letter-1950-3');
  });

  it('transliterate Russian, and start with a letter', () => {
    const ru = { id: 'r', type: 'book' as const, title: 'Советский Союз и корейская война', author: [{ family: 'Торкунов', given: 'А. В.' }] };
    expect(recordToSource(ru, blank()).id).toBe('torkunov-sovetskii-soiuz');
    expect(recordToSource({ id: 'n', type: 'book', title: '1984' }, blank()).id).toBe('source-1984');
    expect(recordToSource({ id: 'n', type: 'book' }, blank())).toMatchObject({ id: 'source', title: 'Untitled record' });
  });
});

describe('exportCslJson', () => {
  it('writes every source of the map as a CSL item, and reads back', () => {
    const map = shippedMap();
    const json = exportCslJson(map);
    const items = JSON.parse(json) as { id: string; type: string }[];
    expect(items.map((i) => i.id)).toEqual(['article', 'cable1949', 'letter', 'translator-notes']);
    expect(items.find((i) => i.id === 'letter')).toEqual(toCsl(map.sources.letter!));
    expect(parseBibliography(json, 'export.json')).toMatchObject({ problems: [] });
    expect(parseBibliography(json, 'export.json').records).toHaveLength(4);
  });
});
