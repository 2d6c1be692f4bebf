import { describe, expect, it } from 'vitest';
import { CSL_TYPES, cslType, recordProblems, variableKind } from '../../../arguments/cite/csl-item';

describe('CSL items', () => {
  it('types: CSL 1.0.1, with 1.0.2 types and "letter" mapped to the nearest one citeproc-rs accepts', () => {
    expect(cslType('book')).toBe('book');
    expect(cslType('letter')).toBe('personal_communication');
    expect(cslType('document')).toBe('manuscript');
    expect(cslType('standard')).toBe('report');
    expect(cslType('constructor')).toBeUndefined();
    expect(cslType(5)).toBeUndefined();
    expect(CSL_TYPES).not.toContain('letter');
    expect(CSL_TYPES).not.toContain('document');
  });

  it('variables have kinds; unknown ones have none', () => {
    expect([variableKind('title'), variableKind('volume'), variableKind('issued'), variableKind('recipient'), variableKind('toString')]).toEqual(['standard', 'number', 'date', 'name', undefined]);
  });

  it('a record’s problems, in words; unknown variables are no problem', () => {
    expect(recordProblems({ type: 'book', title: 'A', custom: { any: 1 } })).toEqual([]);
    expect(recordProblems({ type: 'book', issued: { 'date-parts': [['1950', 8]] }, author: [{ literal: 'TASS' }] })).toEqual([]);
    expect(recordProblems({ title: 'A' })).toEqual(['it has no "type" (such as "book", "article-journal" or "manuscript")']);
    expect(recordProblems({ type: 'book', title: ['A'], page: {} })).toEqual(['"title" should be text', '"page" should be text']);
    expect(recordProblems({ type: 'book', author: [{ family: 5 }] })[0]).toMatch(/^"author" should be a list of names/);
    expect(recordProblems({ type: 'book', issued: { 'date-parts': [[1950, 8, 27, 3]] } })[0]).toMatch(/^"issued" should be a CSL date/);
    expect(recordProblems([1])).toEqual(['a record should be an object with "type" and "title"']);
    expect(recordProblems({ type: 'book', id: {} })).toEqual(['its "id" should be text']);
  });
});
