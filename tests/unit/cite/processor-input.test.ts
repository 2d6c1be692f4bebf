import { describe, expect, it } from 'vitest';
import { escapeMarkup, folioText, processorItem, withFolioLocation } from '../../../arguments/cite/processor-input';

describe('what citeproc-rs is given', () => {
  it('user text escaped, so the processor reads no markup in it', () => {
    expect(escapeMarkup('<i>a</i> & &amp;')).toBe('&lt;i&gt;a&lt;/i&gt; &amp; &amp;amp;');
    const item = processorItem({ id: 'x', type: 'book', title: '<b>T</b>', author: [{ family: '<F>', given: 'G', literal: undefined } as never], issued: { literal: '<1950>' } });
    expect(item).toEqual({ id: 'x', type: 'book', title: '&lt;b&gt;T&lt;/b&gt;', author: [{ family: '&lt;F&gt;', given: 'G' }], issued: { literal: '&lt;1950&gt;' } });
  });

  it('only known variables in the shapes citeproc-rs accepts', () => {
    const item = processorItem({ id: 'x', type: 'document' as never, title: 'T', ISBN: 978, volume: 3, custom: 1, author: 'Bloch', issued: '1950', editor: [{ family: 'E' }, 5] } as never);
    expect(item).toEqual({ id: 'x', type: 'manuscript', title: 'T', ISBN: '978', volume: 3, editor: [{ family: 'E' }] });
  });

  it('dates: a day range across months as Chicago’s en-US text (citeproc-rs 0.2 garbles it), EDTF raw dates parsed', () => {
    expect(processorItem({ id: 'x', type: 'book', issued: { 'date-parts': [[1950, 8, 27], [1950, 9, 2]] } }).issued).toEqual({ literal: 'August 27–September 2, 1950' });
    expect(processorItem({ id: 'x', type: 'book', issued: { 'date-parts': [[1950, 8, 27], [1950, 8, 30]] } }).issued).toEqual({ 'date-parts': [[1950, 8, 27], [1950, 8, 30]] });
    expect(processorItem({ id: 'x', type: 'book', issued: { raw: '1950-08~' } }).issued).toEqual({ 'date-parts': [[1950, 8]], circa: true });
    expect(processorItem({ id: 'x', type: 'book', issued: { 'date-parts': [['1950']], season: '2' } }).issued).toEqual({ 'date-parts': [[1950]], season: 2 });
  });

  it('the leaf a note names replaces the document’s folio range in the location', () => {
    expect(withFolioLocation('f. 558, op. 11, d. 62, ll. 71–72', '71')).toBe('f. 558, op. 11, d. 62, l. 71');
    expect(withFolioLocation('f. 558, op. 11, d. 62, ll. 71–72', '71-72')).toBe('f. 558, op. 11, d. 62, ll. 71–72');
    expect(withFolioLocation('f. 558, op. 11, d. 62', '71')).toBe('f. 558, op. 11, d. 62, l. 71');
    expect(folioText('<71>')).toBe('l. &lt;71&gt;');
  });
});
