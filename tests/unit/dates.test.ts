import { describe, expect, it } from 'vitest';
import { checkEdtf, cslDateToEdtf, edtfToCslDate, formatEdtf } from '../../arguments/dates';

describe('checkEdtf: EDTF levels 0 and 1', () => {
  it('accepts days, months, years, qualified dates, unspecified digits, seasons and spans', () => {
    for (const date of [
      '1950-08-27', '1950-08', '1950', '1950-08~', '1950?', '1950-08-27%', '195X', '19XX', '1950-XX', '1950-08-XX', '1950-21',
      '1949/1950', '1950-08-27/1950-09-02', '1950/..', '../1950', '/1950', '1950/', '1950~/1951?', '-0043', '1952-02-29',
    ])
      expect(checkEdtf(date), date).toBeNull();
  });

  it('says what is wrong with what people write instead, with an example', () => {
    expect(checkEdtf('27 Aug 1950')).toBe('"27 Aug 1950" is not an EDTF date: write it year first, with numbers (27 August 1950 is 1950-08-27).');
    expect(checkEdtf('August 27, 1950')).toMatch(/write it year first.*1950-08-27/);
    expect(checkEdtf('27.08.1950')).toMatch(/write it year first/);
    expect(checkEdtf('1950-1951')).toBe('"1950-1951" is not an EDTF date: a span is written with a slash, such as 1949/1950.');
    expect(checkEdtf('1950–1951')).toMatch(/with a slash/);
    expect(checkEdtf('c. 1950')).toBe('"c. 1950" is not an EDTF date: mark an approximate date with ~ after it, such as 1950~ (circa 1950).');
    expect(checkEdtf('1950s')).toBe('"1950s" is not an EDTF date: write a decade with an X, such as 195X for the 1950s.');
    expect(checkEdtf('50')).toMatch(/four digits, such as 1950/);
    expect(checkEdtf('1950-8-27')).toMatch(/two digits, such as 1950-08-07/);
    expect(checkEdtf('1950-08-27T10:00:00Z')).toBe('"1950-08-27T10:00:00Z" has a time of day; give the date alone, such as 1950-08-27.');
    expect(checkEdtf('')).toBe('The date is empty: give one such as 1950-08-27, or leave the date out.');
    expect(checkEdtf(' 1950')).toBe('" 1950" has spaces around it; remove them.');
  });

  it('refuses days and months that do not exist, and spans that end before they begin', () => {
    expect(checkEdtf('1950-13')).toMatch(/^"1950-13" has month 13, which does not exist/);
    expect(checkEdtf('1950-00-01')).toMatch(/month 00, which does not exist/);
    expect(checkEdtf('1950-02-29')).toBe('"1950-02-29" is not a date: 1950 is not a leap year, so February has 28 days.');
    expect(checkEdtf('1900-02-29')).toMatch(/1900 is not a leap year/);
    expect(checkEdtf('1950-09-31')).toBe('"1950-09-31" is not a date: September has 30 days.');
    expect(checkEdtf('1951/1950')).toBe('The span "1951/1950" ends before it begins; write the earlier date first, such as 1950/1951.');
    expect(checkEdtf('1950-08-27/1950-08-26')).toMatch(/ends before it begins/);
    expect(checkEdtf('../..')).toMatch(/has no known end/);
  });

  it('refuses level 2 and anything else, quoting long input shortened', () => {
    expect(checkEdtf('{1950,1951}')).toMatch(/^"\{1950,1951\}" is not a date in EDTF form; for example 1950-08-27/);
    expect(checkEdtf('1950?-08')).toMatch(/not a date in EDTF form/);
    expect(checkEdtf('1950-25')).toMatch(/month 25, which does not exist/);
    const long = checkEdtf('<img src=x onerror=alert(1)> and a great deal more text');
    expect(long).toMatch(/^"<img src=x onerror=alert\(1\)> and a gr…" is not a date/);
  });
});

describe('dates read more than once', () => {
  it('format, convert and check the same each time (each value is parsed once and kept)', () => {
    for (const value of ['1950-08-27', '1950-08-27/1950-09-02', '195X', 'spring', '1950~/1951?', '27 Aug 1950']) {
      const first = [formatEdtf(value, 'long'), formatEdtf(value, 'short'), JSON.stringify(edtfToCslDate(value)), checkEdtf(value)];
      for (let i = 0; i < 3; i++) expect([formatEdtf(value, 'long'), formatEdtf(value, 'short'), JSON.stringify(edtfToCslDate(value)), checkEdtf(value)]).toEqual(first);
    }
    expect(formatEdtf('1950-08-27/1950-09-02', 'long')).toBe('27 August – 2 September 1950');
  });
});

describe('formatEdtf', () => {
  const cases: [string, string, string][] = [
    ['1950-08-27', '27 August 1950', '27 Aug 1950'],
    ['1950-08', 'August 1950', 'Aug 1950'],
    ['1950', '1950', '1950'],
    ['1950-08~', 'circa August 1950', 'c. Aug 1950'],
    ['1950?', '1950?', '1950?'],
    ['1950-08-27%', 'circa 27 August 1950?', 'c. 27 Aug 1950?'],
    ['195X', '1950s', '1950s'],
    ['19XX', '1900s', '1900s'],
    ['1950-XX', '1950', '1950'],
    ['1950-08-XX', 'August 1950', 'Aug 1950'],
    ['1950-21', 'spring 1950', 'spring 1950'],
    ['1949/1950', '1949–1950', '1949–1950'],
    ['1950-08-27/1950-08-30', '27–30 August 1950', '27–30 Aug 1950'],
    ['1950-08-27/1950-09-02', '27 August – 2 September 1950', '27 Aug – 2 Sep 1950'],
    ['1950-08/1950-09', 'August–September 1950', 'Aug–Sep 1950'],
    ['1949-12-30/1950-01-02', '30 December 1949 – 2 January 1950', '30 Dec 1949 – 2 Jan 1950'],
    ['1950/..', 'from 1950', 'from 1950'],
    ['../1950', 'until 1950', 'until 1950'],
    ['/1950', '?–1950', '?–1950'],
    ['-0043', '44 BCE', '44 BCE'],
  ];
  it.each(cases)('%s is "%s" (long) and "%s" (short)', (value, long, short) => {
    expect(formatEdtf(value, 'long')).toBe(long);
    expect(formatEdtf(value, 'short')).toBe(short);
  });

  it('gives back what the historian wrote when it is not EDTF', () => {
    expect(formatEdtf('27 Aug 1950', 'long')).toBe('27 Aug 1950');
  });
});

describe('CSL dates', () => {
  it('structures what CSL can hold: date-parts, seasons, spans, circa for approximate and uncertain', () => {
    expect(edtfToCslDate('1950-08-27')).toEqual({ 'date-parts': [[1950, 8, 27]] });
    expect(edtfToCslDate('1950-08~')).toEqual({ 'date-parts': [[1950, 8]], circa: true });
    expect(edtfToCslDate('1950?')).toEqual({ 'date-parts': [[1950]], circa: true });
    expect(edtfToCslDate('1950-23')).toEqual({ 'date-parts': [[1950]], season: 3 });
    expect(edtfToCslDate('1949/1950')).toEqual({ 'date-parts': [[1949], [1950]] });
    expect(edtfToCslDate('1950-08-27/1950-09-02')).toEqual({ 'date-parts': [[1950, 8, 27], [1950, 9, 2]] });
    expect(edtfToCslDate('1950-08-XX')).toEqual({ 'date-parts': [[1950, 8]] });
    // CSL has no year 0: EDTF -0043 (44 BCE) is CSL -44.
    expect(edtfToCslDate('-0043')).toEqual({ 'date-parts': [[-44]] });
  });

  it('gives a literal for what CSL cannot structure, and nothing for unknown or invalid dates', () => {
    expect(edtfToCslDate('195X')).toEqual({ literal: '1950s' });
    expect(edtfToCslDate('1950/..')).toEqual({ literal: 'from 1950' });
    expect(edtfToCslDate('XXXX')).toBeUndefined();
    expect(edtfToCslDate('27 Aug 1950')).toBeUndefined();
  });

  it('reads the dates of imported records back as EDTF', () => {
    expect(cslDateToEdtf({ 'date-parts': [[1954]] })).toBe('1954');
    expect(cslDateToEdtf({ 'date-parts': [['1954', '3']] })).toBe('1954-03');
    expect(cslDateToEdtf({ 'date-parts': [[1950, 8, 27], [1950, 9, 2]] })).toBe('1950-08-27/1950-09-02');
    expect(cslDateToEdtf({ 'date-parts': [[1950, 8]], circa: true })).toBe('1950-08~');
    expect(cslDateToEdtf({ 'date-parts': [[1950]], season: 1 })).toBe('1950-21');
    expect(cslDateToEdtf({ 'date-parts': [[-44]] })).toBe('-0043');
    expect(cslDateToEdtf({ raw: '1950-08' })).toBe('1950-08');
    expect(cslDateToEdtf({ literal: 'n.d.' })).toBeUndefined();
    expect(cslDateToEdtf({ 'date-parts': [[1950, 13]] })).toBeUndefined();
    expect(cslDateToEdtf('1950')).toBeUndefined();
  });

  it('round-trips every structured EDTF date through CSL', () => {
    for (const date of ['1950-08-27', '1950-08', '1950', '1950-08~', '1950-21', '1949/1950', '1950-08-27/1950-09-02', '-0043'])
      expect(cslDateToEdtf(edtfToCslDate(date)), date).toBe(date);
  });
});
