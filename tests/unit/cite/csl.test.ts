import { describe, expect, it } from 'vitest';
import { shortTitle, sourceType, toCsl } from '../../../arguments/cite/csl';
import { CSL_TYPES } from '../../../arguments/cite/csl-item';
import type { Source } from '../../../arguments/model';
import { bloch, ginzburg, letter } from './sources';

describe('toCsl', () => {
  it('the shipped letter: a personal communication from Stalin to Gottwald, cited by sender and recipient (no title)', () => {
    expect(toCsl(letter())).toEqual({
      id: 'letter',
      type: 'personal_communication',
      author: [{ family: 'Stalin', given: 'I. V.' }],
      recipient: [{ family: 'Gottwald', given: 'Klement' }],
      issued: { 'date-parts': [[1950, 8, 27]] },
      archive: 'RGASPI',
      archive_location: 'f. 558, op. 11, d. 62, ll. 71–72',
    });
  });

  it('a book: the imported record, with the source’s own fields winning', () => {
    expect(toCsl({ ...bloch, bib: { ...bloch.bib, title: 'Apologie pour l’histoire', author: [{ family: 'X' }], id: 'zotero-1' } })).toEqual({
      id: 'bloch',
      type: 'book',
      title: 'The Historian’s Craft',
      'title-short': 'Historian’s Craft',
      author: [{ family: 'Bloch', given: 'Marc' }],
      translator: [{ family: 'Putnam', given: 'Peter' }],
      issued: { 'date-parts': [[1953]] },
      'publisher-place': 'New York',
      publisher: 'Alfred A. Knopf',
    });
  });

  it('a journal article keeps its container, issue, pages and DOI from the record', () => {
    expect(toCsl(ginzburg)).toMatchObject({ type: 'article-journal', 'container-title': 'History Workshop', issue: '9', page: '5-36', language: 'en', 'title-short': 'Morelli, Freud and Sherlock Holmes' });
  });

  it('EDTF dates become CSL dates; the page of an edition and the place go to their CSL fields', () => {
    const s: Source = { ...letter(), date: '1950-08~', place: 'Moscow', language: 'ru', citation: { ...letter().citation!, page: '12–13' } };
    expect(toCsl(s)).toMatchObject({ issued: { 'date-parts': [[1950, 8]], circa: true }, 'publisher-place': 'Moscow', language: 'ru', page: '12–13' });
  });

  it('keeps the imported record untouched (a copy) and never takes its id or a __proto__ key', () => {
    const bib = JSON.parse('{"type":"book","__proto__":{"polluted":true},"id":"x","note":"n"}') as Record<string, unknown>;
    const s: Source = { ...bloch, bib };
    const item = toCsl(s);
    expect(item.id).toBe('bloch');
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect((item as Record<string, unknown>).polluted).toBeUndefined();
    (item.author as unknown[]).push('changed');
    expect(bib.note).toBe('n');
  });
});

describe('CSL types', () => {
  const base: Source = { id: 's', title: 'T', role: 'primary', text: '' };
  it('letter, archival document, imported type, primary, secondary', () => {
    expect(sourceType({ ...base, recipient: 'Klement Gottwald' })).toBe('personal_communication');
    expect(sourceType({ ...base, citation: { asGiven: '', archive: 'APRF' }, bib: { type: 'book' } })).toBe('manuscript');
    expect(sourceType({ ...base, bib: { type: 'chapter' } })).toBe('chapter');
    expect(sourceType(base)).toBe('manuscript');
    expect(sourceType({ ...base, role: 'secondary' })).toBe('article');
    expect(sourceType({ ...base, role: 'secondary', place: 'London' })).toBe('book');
  });

  it('are only CSL 1.0.1 types citeproc-rs accepts: "letter" and "document" from other tools are mapped', () => {
    expect(sourceType({ ...base, bib: { type: 'letter' } })).toBe('personal_communication');
    expect(sourceType({ ...base, bib: { type: 'document' } })).toBe('manuscript');
    expect(sourceType({ ...base, role: 'secondary', bib: { type: 'software' } })).toBe('book');
    expect(sourceType({ ...base, role: 'secondary', bib: { type: 'toString' } })).toBe('article');
    for (const s of [base, { ...base, recipient: 'X' }, { ...base, bib: { type: 'standard' } }]) expect(CSL_TYPES).toContain(toCsl(s).type);
  });
});

describe('short titles (CMOS 14.30)', () => {
  it('drop the article and the subtitle, and cut long titles to four words', () => {
    expect(shortTitle('The Historian’s Craft')).toBe('Historian’s Craft');
    expect(shortTitle('Morelli, Freud and Sherlock Holmes: Clues and Scientific Method')).toBe('Morelli, Freud and Sherlock Holmes');
    expect(shortTitle('Letter of Stalin to Klement Gottwald and Origin of the Korean War')).toBe('Letter of Stalin');
    expect(shortTitle('The')).toBe('The');
  });
});
