import { describe, expect, it } from 'vitest';
import { archiveLocation, formatCitation } from '../../arguments/citation';
import type { Source } from '../../arguments/model';

const letter: Source = {
  id: 'letter', title: 'Letter', role: 'primary', date: '1950-08-27', text: '',
  citation: { asGiven: 'RGASPI. Font . 558, Opis. 11, Delo. 62, Listy. 71-72', archive: 'RGASPI', fond: '558', opis: '11', delo: '62', listy: '71-72' },
};

describe('archival citations', () => {
  it('normalise to the short form historians use', () => {
    expect(formatCitation(letter.citation!)).toBe('RGASPI, f. 558, op. 11, d. 62, ll. 71–72');
    expect(archiveLocation({ asGiven: '', archive: 'APRF', fond: '45', opis: '1', delo: '332', listy: '47' })).toBe('f. 45, op. 1, d. 332, l. 47');
  });
});
