import { describe, expect, it } from 'vitest';
import { shortAttribution } from '../../../arguments/cite/attribution';
import { locatorFor } from '../../../arguments/cite/locator';
import type { Source } from '../../../arguments/model';
import { bloch, ginzburg, HOSTILE, hostile, letter, shippedMap } from './sources';

describe('shortAttribution', () => {
  it('an archival letter: sender to recipient, short date, archive path, folios', () => {
    expect(shortAttribution(letter())).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, ll. 71–72');
    expect(shortAttribution(letter(), { label: 'folio', value: '71' })).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, l. 71');
  });

  it('with the folio a quote’s position gives', () => {
    const s: Source = { ...letter(), text: 'First leaf.\fSecond leaf.' };
    expect(shortAttribution(s, locatorFor(s, { start: s.text.indexOf('Second') }))).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, l. 72');
  });

  it('a book and an article: author, short title, page', () => {
    expect(shortAttribution(bloch, { label: 'page', value: '42' })).toBe('Bloch, Historian’s Craft, p. 42');
    expect(shortAttribution(ginzburg, { label: 'page', value: '12–13' })).toBe('Ginzburg, Morelli, Freud and Sherlock Holmes, pp. 12–13');
    expect(shortAttribution(bloch)).toBe('Bloch, Historian’s Craft');
  });

  it('the shipped map’s other sources: an archival cable and a secondary text without author', () => {
    const map = shippedMap();
    expect(shortAttribution(map.sources.cable1949!)).toBe('Stalin, 26 Oct 1949, APRF 45/1/332, ll. 47–48');
    expect(shortAttribution(map.sources.article!)).toBe('Letter of Stalin');
  });

  it('asked again for the same source, another locator or an edited copy of the source, each gets its own label', () => {
    const s = letter();
    expect(shortAttribution(s, { label: 'folio', value: '71' })).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, l. 71');
    expect(shortAttribution(s, { label: 'folio', value: '72' })).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, l. 72');
    expect(shortAttribution(s, { label: 'page', value: '72' })).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, p. 72');
    expect(shortAttribution(s)).toBe('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, ll. 71–72');
    // An edit makes a new source object: its label follows the edit.
    expect(shortAttribution({ ...s, date: '1950-09-02' }, { label: 'folio', value: '71' })).toBe('Stalin to Gottwald, 2 Sep 1950, RGASPI 558/11/62, l. 71');
  });

  it('falls back to the title, then the id: never empty', () => {
    expect(shortAttribution({ id: 'untitled', title: '', role: 'secondary', text: '' })).toBe('untitled');
    expect(shortAttribution({ id: 'x', title: 'Note on the Cable', role: 'primary', text: '' })).toBe('Note on the Cable');
  });

  it('keeps hostile text as text (the caller escapes it for its medium)', () => {
    expect(shortAttribution({ ...hostile, author: undefined, citation: undefined })).toBe(HOSTILE);
    expect(shortAttribution(hostile)).toBe('<script>alert(1)</script> and Evil, Aug 1950, <i>RGASPI</i> <5>/&amp;/"62", ll. 71–72');
  });
});
