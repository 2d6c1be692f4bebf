// `argmap import-bib` in a real process: Zotero's BibTeX and CSL-JSON become sources; a broken
// record refuses the whole import (each problem with its line) unless --skip-invalid.
import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import type { ArgumentMap } from '../../../../arguments/model';
import { buildCli, expectRefusal, fifo, type Cli } from '../helpers';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('import-bib');
});
afterAll(() => cli.remove());

const GOOD = `@book{bloch1953,
  author = {Bloch, Marc},
  title = {The Historian's Craft},
  translator = {Putnam, Peter},
  publisher = {Knopf},
  location = {New York},
  date = {1953}
}

@article{ginzburg1980,
  author = {Ginzburg, Carlo},
  title = {Morelli, Freud and Sherlock Holmes: Clues and Scientific Method},
  journaltitle = {History Workshop},
  number = {9},
  pages = {5--36},
  date = {1980}
}
`;

const BROKEN = `${GOOD}
@article{broken,
  author = {Gaddis, John Lewis}
  title = {We Now Know},
  date = {1997}
}
`;

function blank(name: string): string {
  const p = join(cli.dir, name);
  expect(cli.argmap('new', p).code).toBe(0);
  return p;
}

const mapOf = (p: string): ArgumentMap => {
  const r = loadMap(readFileSync(p));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
};

describe('argmap import-bib', () => {
  it('adds one source per BibTeX record, its text empty, and lists them', () => {
    const map = blank('bib.argmap.json');
    const r = cli.argmap('import-bib', map, cli.file('refs.bib', GOOD));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/bib\.argmap\.json: added 2 sources from .*refs\.bib, each with an empty text, to be added in the app\.$/);
    const sources = Object.values(mapOf(map).sources);
    expect(sources.map((s) => [s.title, s.role, s.text, s.date])).toEqual([
      ["The Historian's Craft", 'secondary', '', '1953'],
      ['Morelli, Freud and Sherlock Holmes: Clues and Scientific Method', 'secondary', '', '1980'],
    ]);
    for (const s of sources) expect(lines).toContain(`${s.id}  "${s.title}"`);
    expect(cli.argmap('validate', map).code).toBe(0);
  });

  it('reads CSL-JSON as Zotero exports it', () => {
    const map = blank('csl.argmap.json');
    const records = [{ id: 'x1', type: 'book', title: 'Stalin’s Cold War', author: [{ family: 'Mastny', given: 'Vojtech' }], issued: { 'date-parts': [[1996]] }, publisher: 'Oxford University Press' }];
    const r = cli.argmap('import-bib', map, cli.file('refs.json', JSON.stringify(records, null, 2)));
    expect(r.code, r.err).toBe(0);
    const [source] = Object.values(mapOf(map).sources);
    expect(source).toMatchObject({ title: 'Stalin’s Cold War', author: 'Mastny, Vojtech', date: '1996', text: '', bib: { type: 'book', publisher: 'Oxford University Press' } });
  });

  it('refuses a file with a broken record, naming its line, and changes nothing', () => {
    const map = blank('broken.argmap.json');
    const before = readFileSync(map);
    const r = cli.argmap('import-bib', map, cli.file('broken.bib', BROKEN));
    expectRefusal(r, /nothing was imported\. Correct the record above, or add --skip-invalid to import the 2 good ones and leave it out\.$/, 1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/broken\.bib:21: The entry @article\{broken starting at line 19 could not be read: a comma or a closing brace is missing at line 21, column 3\. It was not imported\.$/);
    expect(r.out).toBe('');
    expect(readFileSync(map).equals(before)).toBe(true);
  });

  it('--skip-invalid adds the good records and lists the skipped ones', () => {
    const map = blank('skip.argmap.json');
    const r = cli.argmap('import-bib', map, cli.file('broken.bib', BROKEN), '--skip-invalid');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/added 2 sources from .*; 1 record skipped\.\n$/);
    expect(r.err.trimEnd().split('\n')).toEqual([expect.stringMatching(/^skipped: .*broken\.bib:21: The entry @article\{broken/)]);
    expect(Object.keys(mapOf(map).sources)).toHaveLength(2);
  });

  it('refuses, with --skip-invalid too, a file with no record to import', () => {
    const map = blank('none.argmap.json');
    const before = readFileSync(map);
    expectRefusal(cli.argmap('import-bib', map, cli.file('empty.bib', ''), '--skip-invalid'), /empty\.bib is empty\.\nargmap import-bib: .*empty\.bib holds no record that can be imported; nothing was changed\.$/, 1);
    expectRefusal(cli.argmap('import-bib', map, cli.file('notes.txt', 'just some notes')), /notes\.txt is neither BibTeX\/BibLaTeX \(\.bib\) nor CSL-JSON/, 1);
    expectRefusal(cli.argmap('import-bib', map, cli.file('bad.json', '[{"type": "book",}]')), /bad\.json:1: The file is not valid JSON \(at line 1, column 18\)/, 1);
    expect(readFileSync(map).equals(before)).toBe(true);
  });

  it('refuses files it cannot read: missing, a FIFO, too large, binary', () => {
    const map = blank('unread.argmap.json');
    expectRefusal(cli.argmap('import-bib', map, 'gone.bib'), /gone\.bib: no such file\.$/, 2);
    expectRefusal(cli.argmap('import-bib', map, fifo(cli.dir, 'refs-pipe.bib')), /refs-pipe\.bib is a named pipe \(FIFO\), not a bibliography/, 2);
    const huge = cli.file('huge.bib', '');
    truncateSync(huge, 20 * 1024 * 1024);
    expectRefusal(cli.argmap('import-bib', map, huge), /huge\.bib: this file is 20\.0 MB; Argument Atlas imports bibliography files of up to 16\.0 MB/, 1);
    expectRefusal(cli.argmap('import-bib', map, cli.file('zotero.sqlite', Buffer.from([0x53, 0x51, 0, 0, 1, 2, 3, 0]))), /“zotero\.sqlite” is not a text file: it contains binary data/, 1);
  });
});
