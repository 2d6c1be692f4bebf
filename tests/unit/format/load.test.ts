import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap, MAX_FILE_BYTES } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import type { LoadIssue } from '../../../arguments/format/errors';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const full = () => JSON.parse(fixture('v1/full.argmap.json')) as Record<string, any>;

function errorsOf(input: string | Uint8Array): LoadIssue[] {
  const r = loadMap(input);
  if (r.ok) throw new Error('expected the load to fail');
  return r.errors;
}

describe('loading version 1 fixtures', () => {
  it('loads the minimal map', () => {
    const r = loadMap(fixture('v1/minimal.argmap.json'));
    expect(r.ok && r.map.nodes.c1?.text).toBe('A claim.');
  });

  it('loads every feature and keeps fields from a future version on the round trip', () => {
    const r = loadMap(fixture('v1/full.argmap.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.map.relations.r2?.from).toEqual(['p1', 'p2']);
    // Version 1 kept a field of its own named "comments"; migrated, it is kept aside (versions.test.ts).
    expect(r.map.unknown).toEqual({ keptFromVersion1: { comments: [{ id: 'x1', on: 'c', text: 'A comment from a later version.' }] } });
    const saved = JSON.parse(serializeMap(r.map));
    expect(saved.keptFromVersion1.comments).toEqual(full().comments);
    expect(saved.meta.futureMetaField).toEqual({ layers: ['analyst', 'critic'] });
    expect(saved.nodes.find((n: { id: string }) => n.id === 'k').futureNodeField).toEqual([1, 2, 3]);
    expect(saved.sources.find((s: { id: string }) => s.id === 'letter').futureSourceField).toBe(true);
    expect(saved.view.futureViewField).toBe('kept');
  });

  it('keeps source metadata: recipient, place, language, EDTF dates, the imported record and how the text came in', () => {
    const r = loadMap(fixture('v1/full.argmap.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { letter, article } = r.map.sources;
    expect(letter).toMatchObject({ recipient: 'Klement Gottwald', place: 'Moscow', language: 'en', transcription: { method: 'pdf-text', file: 'letter.pdf', checked: false } });
    expect(letter?.citation?.page).toBe('12–13');
    expect(article?.date).toBe('2006~');
    const saved = JSON.parse(serializeMap(r.map));
    const savedArticle = saved.sources.find((s: { id: string }) => s.id === 'article');
    expect(savedArticle.bib).toEqual(full().sources[1].bib);
    expect(savedArticle.bib.futureCslField).toEqual({ kept: true });
    expect(saved.sources.find((s: { id: string }) => s.id === 'letter').transcription.futureTranscriptionField).toBe(1);
  });

  it('loads the level-0 dates older files have, and level-1 EDTF dates', () => {
    for (const date of ['1950', '1950-08', '1950-08-27', '1950-08~', '1950?', '195X', '1949/1950', '1950-08-27/1950-09-02']) {
      const f = full();
      f.sources[0].date = date;
      const r = loadMap(JSON.stringify(f));
      expect(r.ok && r.map.sources.letter?.date).toBe(date);
    }
  });

  it('keeps source text byte-exact: U+FFFD, typos and odd whitespace', () => {
    const r = loadMap(fixture('v1/full.argmap.json'));
    expect(r.ok && r.map.sources.letter?.text).toBe('We left the Security Council.\n \uFFFD Following our withdrawal form the Council.');
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(loadMap('\uFEFF' + fixture('v1/minimal.argmap.json')).ok).toBe(true);
  });
});

describe('bad input gets a typed error in words, never an exception', () => {
  it('empty file', () => {
    expect(errorsOf('')[0]).toMatchObject({ code: 'empty', message: 'The file is empty.' });
    expect(errorsOf('  \n')[0]?.code).toBe('empty');
  });

  it('not JSON, with the line and column', () => {
    const [e] = errorsOf('{\n  "format": argument\n}');
    expect(e?.code).toBe('not-json');
    expect(e?.message).toMatch(/line 2, column \d+/);
  });

  it('truncated file', () => {
    const text = fixture('v1/full.argmap.json');
    expect(errorsOf(text.slice(0, text.length / 2))[0]?.code).toBe('truncated');
  });

  it('binary data and invalid UTF-8', () => {
    expect(errorsOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))[0]?.code).toBe('binary');
    expect(errorsOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))[0]?.code).toBe('binary');
  });

  it('a file over the size limit is refused before parsing', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    const [e] = errorsOf(big);
    expect(e?.code).toBe('too-large');
    expect(e?.message).toContain('32.0 MB');
  });

  it('JSON that is not a map, or another format', () => {
    expect(errorsOf('[1,2]')[0]?.code).toBe('not-a-map');
    expect(errorsOf('{"type":"excalidraw","version":2}')[0]).toMatchObject({ code: 'wrong-format', path: 'format' });
    expect(errorsOf('{"format":"argdown","version":1}')[0]?.message).toContain('"argdown"');
  });

  it('a file from a newer version is refused with its own error', () => {
    const f = full();
    f.version = 3;
    const [e] = errorsOf(JSON.stringify(f));
    expect(e?.code).toBe('newer-version');
    expect(e?.message).toMatch(/newer version of Argument Atlas \(file format 3\).*Update/);
  });

  it('version 0 and non-integer versions', () => {
    const f = full();
    f.version = 0;
    expect(errorsOf(JSON.stringify(f))[0]?.code).toBe('unsupported-version');
    f.version = '1';
    expect(errorsOf(JSON.stringify(f))[0]?.code).toBe('invalid');
  });

  it('schema problems name the JSON path and say what is wrong', () => {
    const f = full();
    f.nodes[1].kind = 'claimm';
    delete f.nodes[2].text;
    f.relations[0].from = [];
    f.meta.created = 'yesterday';
    const errors = errorsOf(JSON.stringify(f));
    const at = (path: string) => errors.find((e) => e.path === path)?.message;
    expect(at('nodes[1].kind')).toBe('The text "claimm" is not a valid value for the kind of node; use one of: thesis, claim, premise, evidence, counter, rebuttal, note.');
    expect(at('nodes[2].text')).toBe('"text" is missing.');
    expect(at('relations[0].from')).toBe('"from" needs at least 1 entry.');
    expect(at('meta.created')).toMatch(/not a date and time in ISO 8601 form/);
    expect(errors.every((e) => !/at .*\.ts|Error:|ZodError/.test(e.message))).toBe(true);
  });

  it('a date that is not EDTF, a language name and an unknown transcription method are named in words', () => {
    const f = full();
    f.sources[0].date = '27 Aug 1950';
    f.sources[0].language = 'Russian';
    f.sources[0].transcription.method = 'ocr';
    f.sources[1].date = '1950-02-29';
    const errors = errorsOf(JSON.stringify(f));
    const at = (path: string) => errors.find((e) => e.path === path)?.message;
    expect(at('sources[0].date')).toBe('"27 Aug 1950" is not an EDTF date: write it year first, with numbers (27 August 1950 is 1950-08-27).');
    expect(at('sources[0].language')).toBe('"Russian" is a language name; give its BCP 47 code instead: "ru".');
    expect(at('sources[0].transcription.method')).toBe('The text "ocr" is not a valid value for "method"; use one of: pasted, text-file, pdf-text, docx-text, html-text.');
    expect(at('sources[1].date')).toBe('"1950-02-29" is not a date: 1950 is not a leap year, so February has 28 days.');
  });

  it('a relation that points at nothing', () => {
    const f = full();
    f.relations[0].to = 'ghost';
    expect(errorsOf(JSON.stringify(f))).toContainEqual({
      code: 'dangling-reference',
      path: 'relations[0].to',
      message: 'Relation "r1" supports "ghost", which is not a node in this map.',
    });
  });

  it('an undercut that targets a node instead of a relation', () => {
    const f = full();
    f.relations[4].to = 'c';
    expect(errorsOf(JSON.stringify(f))[0]).toMatchObject({ code: 'dangling-reference', path: 'relations[4].to' });
  });

  it('duplicate ids, across nodes and relations', () => {
    const f = full();
    f.nodes[1].id = 'r1';
    expect(errorsOf(JSON.stringify(f))).toContainEqual({
      code: 'duplicate-id',
      path: 'relations[0].id',
      message: 'The id "r1" is used twice (also at nodes[1].id); every node, relation and source needs its own id.',
    });
  });

  it('a quote of a source that is not in the map', () => {
    const f = full();
    f.nodes[4].quote.source = 'lost';
    expect(errorsOf(JSON.stringify(f))[0]).toMatchObject({ code: 'dangling-reference', path: 'nodes[4].quote.source' });
  });

  it('a source that says it quotes an unknown source, or itself', () => {
    const f = full();
    f.sources[1].quotes = ['letter', 'ghost', 'article'];
    expect(errorsOf(JSON.stringify(f))).toEqual([
      { code: 'dangling-reference', path: 'sources[1].quotes[1]', message: 'Source "article" says it quotes "ghost", which is not a source in this map.' },
      { code: 'invalid', path: 'sources[1].quotes[2]', message: 'Source "article" lists itself among the sources it quotes; a source can only quote other sources.' },
    ]);
  });

  it('positions of deleted nodes are dropped with a warning, not an error', () => {
    const f = full();
    f.view.positions.gone = { x: 1, y: 2 };
    const r = loadMap(JSON.stringify(f));
    expect(r.ok && r.map.view.positions.gone).toBeUndefined();
    // After the note of the migration from version 1 (the field "comments" kept aside).
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['migrated', 'dangling-reference']);
    expect(r.ok && r.warnings[1]?.path).toBe('view.positions.gone');
  });

  it('reports at most 50 problems and says how many more', () => {
    const f = full();
    f.nodes = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, kind: 'bogus', text: '' }));
    f.relations = [];
    const errors = errorsOf(JSON.stringify(f));
    expect(errors).toHaveLength(51);
    expect(errors[50]?.message).toBe('…and 30 more problems.');
  });
});
