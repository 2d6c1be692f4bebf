// `argmap source add|list|remove` as a user runs them: the bundled CLI in a real process, real
// documents (made here, so their text is known), and for every refusal one line, a non-zero
// exit and the map's bytes unchanged.
import { mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import type { ArgumentMap } from '../../../../arguments/model';
import { makeDocx, makePdf, paragraph, textPdf } from '../../intake/fixtures';
import { buildCli, expectRefusal, fifo, SHIPPED, type Cli } from '../helpers';

let cli: Cli;
let pdf: Uint8Array;
let scan: Uint8Array;
let gappy: Uint8Array;

beforeAll(async () => {
  cli = buildCli('source');
  pdf = await textPdf(['We were in favour of leaving the Security Council.', 'America has got entangled in Korea.']);
  gappy = await textPdf(['First page.', null, 'Third page.']);
  scan = await makePdf((doc) => {
    doc.addPage();
    doc.rect(40, 40, 200, 300).fill('#888');
  });
});
afterAll(() => cli.remove());

const LETTER = 'Dear Comrade Gottwald,\nWe left the Security Council for four reasons.\n';

function blank(name: string): string {
  const p = join(cli.dir, name);
  const r = cli.argmap('new', p, '--title', 'Seminar');
  expect(r.code, r.err).toBe(0);
  return p;
}

function mapOf(path: string): ArgumentMap {
  const r = loadMap(readFileSync(path));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
}

describe('argmap source add', () => {
  it('adds a text file exactly as written, with the metadata given, and prints the id then a summary', () => {
    const map = blank('letter.argmap.json');
    const before = mapOf(map).meta.modified;
    const doc = cli.file('stalin-gottwald.txt', LETTER);
    const r = cli.argmap('source', 'add', map, doc, '--title', 'Stalin to Gottwald', '--date', '1950-08-27', '--author', 'I. V. Stalin', '--recipient', 'Klement Gottwald', '--place', 'Moscow', '--language', 'ru');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n')).toEqual(['stalin-to-gottwald', `${map}: added the primary source "Stalin to Gottwald" from ${doc} (plain text, ${LETTER.length} characters).`, '']);
    const m = mapOf(map);
    expect(m.sources['stalin-to-gottwald']).toEqual({
      id: 'stalin-to-gottwald',
      title: 'Stalin to Gottwald',
      role: 'primary',
      date: '1950-08-27',
      author: 'I. V. Stalin',
      recipient: 'Klement Gottwald',
      place: 'Moscow',
      language: 'ru',
      text: LETTER,
      transcription: { method: 'text-file', file: 'stalin-gottwald.txt' },
    });
    expect(m.meta.modified > before).toBe(true);
    expect(cli.argmap('validate', map).code).toBe(0);
  });

  it('extracts a PDF with its page breaks, a .docx and an HTML page (no script text), and says to check them', () => {
    const map = blank('extracted.argmap.json');
    let r = cli.argmap('source', 'add', map, cli.file('boycott.pdf', pdf), '--role', 'secondary');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^boycott\n.*: added the secondary source "boycott" from .*boycott\.pdf \(PDF, 2 pages, \d+ characters\)\. Check the extracted text against the original\.\n$/);
    r = cli.argmap('source', 'add', map, cli.file('note.docx', makeDocx(paragraph('Dear Comrade\nGottwald') + paragraph('Second paragraph.'))));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\(Word document, \d+ characters\)\. Check the extracted text/);
    r = cli.argmap('source', 'add', map, cli.file('page.html', '<!doctype html><html><head><title>A cable</title><script>document.title = "pwned"</script></head><body><p>To Mao Zedong.</p></body></html>'));
    expect(r.code, r.err).toBe(0);
    const m = mapOf(map);
    expect(m.sources.boycott!.text).toMatch(/^We were in favour of leaving the Security Council\.\fAmerica has got entangled in Korea\.$/);
    expect(m.sources.boycott!.transcription).toEqual({ method: 'pdf-text', file: 'boycott.pdf' });
    expect(m.sources.note!.transcription!.method).toBe('docx-text');
    expect(m.sources.note!.text).toContain('Dear Comrade\nGottwald');
    expect(m.sources['a-cable']).toMatchObject({ title: 'A cable', transcription: { method: 'html-text', file: 'page.html' } });
    expect(m.sources['a-cable']!.text).not.toContain('pwned');
    expect(m.sources['a-cable']!.text).toContain('To Mao Zedong.');
  });

  it('prints the intake’s warnings: a PDF page without text', () => {
    const map = blank('gappy.argmap.json');
    const r = cli.argmap('source', 'add', map, cli.file('gappy.pdf', gappy));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/gappy\.pdf: warning: Page 2 has no text layer: it may be a scanned image\.\n$/);
  });

  it('names a UTF-16 text’s encoding, and keeps the text as decoded', () => {
    const map = blank('utf16.argmap.json');
    const text = 'Письмо Сталина Готвальду';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = cli.argmap('source', 'add', map, cli.file('pismo.txt', bytes), '--language', 'ru');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('(plain text, UTF-16 LE, 24 characters)');
    expect(mapOf(map).sources.pismo!.text).toBe(text);
  });

  it('takes an archival citation or a CSL-JSON record from --citation-json', () => {
    const map = blank('cited.argmap.json');
    const citation = { asGiven: 'RGASPI, f. 558, op. 11, d. 62, ll. 71–72', archive: 'RGASPI', fond: '558', opis: '11', delo: '62', listy: '71–72' };
    let r = cli.argmap('source', 'add', map, cli.file('letter.txt', LETTER), '--citation-json', cli.file('archival.json', JSON.stringify(citation)));
    expect(r.code, r.err).toBe(0);
    expect(mapOf(map).sources.letter!.citation).toEqual(citation);
    const record = [{ id: 'zotero-1', type: 'book', title: 'The Historian’s Craft', author: [{ family: 'Bloch', given: 'Marc' }], issued: { 'date-parts': [[1953]] }, publisher: 'Knopf', 'publisher-place': 'New York' }];
    r = cli.argmap('source', 'add', map, cli.file('craft.md', '# Introduction\n\nHistory is the science of men in time.\n'), '--citation-json', cli.file('record.json', JSON.stringify(record)));
    expect(r.code, r.err).toBe(0);
    const id = r.out.split('\n')[0]!;
    const s = mapOf(map).sources[id]!;
    expect(s).toMatchObject({ title: 'The Historian’s Craft', role: 'secondary', author: 'Bloch, Marc', date: '1953', place: 'New York', bib: { type: 'book', publisher: 'Knopf' }, transcription: { method: 'text-file', file: 'craft.md' } });
    expect(s.text).toBe('# Introduction\n\nHistory is the science of men in time.\n');
  });

  describe('refuses, in one line, and leaves the map’s bytes as they were', () => {
    let map: string;
    let bytes: Buffer;
    beforeAll(() => {
      map = blank('refusals.argmap.json');
      expect(cli.argmap('source', 'add', map, cli.file('first.txt', LETTER), '--id', 'letter').code).toBe(0);
      bytes = readFileSync(map);
    });

    const cases: [string, () => string[], RegExp, number][] = [
      ['a missing document', () => ['nope.txt'], /nope\.txt: no such file\.$/, 2],
      ['a folder', () => (mkdirSync(join(cli.dir, 'letters'), { recursive: true }), ['letters']), /letters is a folder, not a document\.$/, 2],
      ['a FIFO with no writer, at once', () => [fifo(cli.dir, 'pipe.txt')], /pipe\.txt is a named pipe \(FIFO\), not a document; Argument Atlas reads regular files only\.$/, 2],
      ['a 40 MB file, naming the limit', () => { const p = cli.file('huge.txt', ''); truncateSync(p, 40 * 1024 * 1024); return [p]; }, /^“huge\.txt” is 40\.0 MB; a source file can be at most 32\.0 MB\./, 1],
      ['an empty document', () => [cli.file('empty.txt', '')], /^“empty\.txt” is empty: there is no text to add\.$/, 1],
      ['a PDF without text', () => [cli.file('scan.pdf', scan)], /^The PDF “scan\.pdf” has no text: it is a scan\. Add a transcription instead/, 1],
      ['a kind of file it does not read', () => [cli.file('notes.rtf', '{\\rtf1 hello}')], /“notes\.rtf” is a \.rtf file, which Argument Atlas does not read/, 1],
      ['a bad --date, with the EDTF rule’s sentence', () => [cli.file('a.txt', LETTER), '--date', '1950-13-01'], /^argmap source add: --date: "1950-13-01" has month 13, which does not exist/, 2],
      ['a bad --role', () => [cli.file('a.txt', LETTER), '--role', 'tertiary'], /^argmap source add: --role must be primary or secondary \(got "tertiary"\)\.$/, 2],
      ['a bad --language', () => [cli.file('a.txt', LETTER), '--language', 'russian!'], /^argmap source add: --language: /, 2],
      ['a bad --id', () => [cli.file('a.txt', LETTER), '--id', '1950 letter'], /^argmap source add: --id "1950 letter" is not an id/, 2],
      ['an id in use (the operation’s refusal)', () => [cli.file('a.txt', LETTER), '--id', 'letter'], /^argmap source add: The id "letter" is already in use\.$/, 1],
      ['--citation-json that is not JSON', () => [cli.file('a.txt', LETTER), '--citation-json', cli.file('bad.json', '{"asGiven": "RGASPI",\n "archive": }')], /--citation-json .*bad\.json: not valid JSON \(at line 2, column 13\)\.$/, 1],
      ['--citation-json that is neither kind', () => [cli.file('a.txt', LETTER), '--citation-json', cli.file('other.json', '{"hello": "world"}')], /holds neither an archival citation .* nor a CSL-JSON record/, 1],
      ['--citation-json: an archival citation without "asGiven"', () => [cli.file('a.txt', LETTER), '--citation-json', cli.file('noasgiven.json', '{"archive": "RGASPI", "fond": "558"}')], /--citation-json .*noasgiven\.json: asGiven: /, 1],
      ['--citation-json: a record of no CSL type', () => [cli.file('a.txt', LETTER), '--citation-json', cli.file('badtype.json', '{"type": "novel", "title": "X"}')], /this CSL-JSON record cannot be used: its "type" "novel" is not a CSL item type/, 1],
      ['--citation-json: two records', () => [cli.file('a.txt', LETTER), '--citation-json', cli.file('two.json', '[{"type": "book"}, {"type": "book"}]')], /holds a list of 2 records; give one citation/, 1],
      ['--citation-json: a missing file', () => [cli.file('a.txt', LETTER), '--citation-json', 'gone.json'], /gone\.json: no such file\.$/, 2],
      ['an unknown option, with the usage', () => [cli.file('a.txt', LETTER), '--colour', 'red'], /^argmap source add: unknown option --colour\.\n\n {2}source add MAP FILE/, 2],
    ];
    for (const [name, args, message, code] of cases)
      it(name, () => {
        const r = cli.argmap('source', 'add', map, ...args());
        expectRefusal(r, message, code);
        expect(r.out).toBe('');
        if (!name.startsWith('an unknown option')) expect(r.err.trimEnd().split('\n')).toHaveLength(1);
        expect(readFileSync(map).equals(bytes)).toBe(true);
      });

    it('a map that does not load, and a map that is a FIFO', () => {
      const broken = cli.file('broken.argmap.json', '{"format": "argument-atlas/argmap", "version": 1,');
      const before = readFileSync(broken);
      expectRefusal(cli.argmap('source', 'add', broken, cli.file('b.txt', LETTER)), /broken\.argmap\.json: The file ends in the middle of the map/, 1);
      expect(readFileSync(broken).equals(before)).toBe(true);
      expectRefusal(cli.argmap('source', 'add', fifo(cli.dir, 'map-pipe.argmap.json'), cli.file('b.txt', LETTER)), /map-pipe\.argmap\.json is a named pipe \(FIFO\), not a map file/, 2);
      expectRefusal(cli.argmap('source', 'add', join(cli.dir, 'none.argmap.json'), cli.file('b.txt', LETTER)), /none\.argmap\.json: no such file\.$/, 2);
    });
  });
});

describe('argmap source list', () => {
  it('lists each source with role, date, length and how many nodes quote it', () => {
    const r = cli.argmap('source', 'list', SHIPPED);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+ROLE\s+DATE\s+CHARACTERS\s+QUOTED BY\s+TITLE$/);
    expect(lines.find((l) => l.startsWith('letter '))).toMatch(/^letter\s+primary\s+1950-08-27\s+3,260\s+14\s+Stalin to Klement Gottwald, 27 August 1950$/);
    expect(lines.at(-1)).toBe('4 sources, quoted by 26 nodes');
  });

  it('--json gives a list of objects, the quoting nodes by id', () => {
    const r = cli.argmap('source', 'list', SHIPPED, '--json');
    expect(r.code, r.err).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; role: string; date: string | null; title: string; characters: number; quotedBy: string[] }[];
    expect(rows.map((s) => s.id)).toEqual(['article', 'cable1949', 'letter', 'translator-notes']);
    expect(rows.find((s) => s.id === 'cable1949')).toEqual({ id: 'cable1949', role: 'primary', date: '1949-10-26', title: expect.any(String), characters: 1510, quotedBy: ['E5'] });
    expect(rows.find((s) => s.id === 'article')!.date).toBeNull();
  });

  it('prints a title holding a newline on its own row, escaped', () => {
    const m = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    m.sources[0].title = 'Letter\nfake row  primary  1950';
    const r = cli.argmap('source', 'list', cli.file('nl-title.argmap.json', JSON.stringify(m)));
    expect(r.code, r.err).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1 + 4 + 2);
    expect(r.out).toContain('Letter\\nfake row');
  });
});

describe('argmap source remove', () => {
  it('removes a source no node quotes', () => {
    const map = blank('remove.argmap.json');
    expect(cli.argmap('source', 'add', map, cli.file('r.txt', LETTER), '--title', 'To remove').code).toBe(0);
    const r = cli.argmap('source', 'remove', map, 'to-remove');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`${map}: removed the source "to-remove" ("To remove")\n`);
    expect(mapOf(map).sources).toEqual({});
  });

  it('refuses a quoted source with the operation’s sentence, naming the nodes, and an unknown id', () => {
    const copy = cli.file('quoted.argmap.json', readFileSync(SHIPPED));
    const before = readFileSync(copy);
    let r = cli.argmap('source', 'remove', copy, 'cable1949');
    expectRefusal(r, /^argmap source remove: "Stalin to Mao Zedong, 26 October 1949 \(cable drafted by Molotov\)" cannot be deleted: it is quoted by evidence "E5"\. Delete or re-anchor that evidence first\.$/, 1);
    r = cli.argmap('source', 'remove', copy, 'toString');
    expectRefusal(r, /^argmap source remove: .*quoted\.argmap\.json has no source "toString"; its sources are article, cable1949, letter, translator-notes\.$/, 1);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('says what to do without a subcommand', () => {
    const r = cli.argmap('source');
    expectRefusal(r, /^argmap source: say what to do: add, list, remove\.\n\nUsage:\n {2}source add/, 2);
    expectRefusal(cli.argmap('source', 'rename'), /unknown subcommand rename; the subcommands are add, list, remove/, 2);
  });
});
