import { describe, expect, it } from 'vitest';
import { locatorFor } from '../../../arguments/cite/locator';
import { describeQuote } from '../../../arguments/text/anchor';
import type { Source } from '../../../arguments/model';
import { bloch, letter } from './sources';

// A text extracted from a PDF: one form feed between pages.
const pages = ['First page, the opening.', 'Second page: we left the Security Council.', 'Third page, the close.'];
const pdfText = pages.join('\f');
const at = (text: string, passage: string) => ({ start: text.indexOf(passage) });

describe('locatorFor', () => {
  it('counts page breaks before the quote: the file’s pages from 1', () => {
    const s: Source = { id: 's', title: 'Report', role: 'secondary', text: pdfText };
    expect(locatorFor(s, at(pdfText, 'First'))).toEqual({ label: 'page', value: '1' });
    expect(locatorFor(s, at(pdfText, 'we left'))).toEqual({ label: 'page', value: '2' });
    expect(locatorFor(s, at(pdfText, 'the close'))).toEqual({ label: 'page', value: '3' });
  });

  it('offsets by the first page of the record’s page range or the edition’s page', () => {
    const article: Source = { id: 'a', title: 'Clues', role: 'secondary', text: pdfText, bib: { type: 'article-journal', page: '5-36' } };
    expect(locatorFor(article, at(pdfText, 'we left'))).toEqual({ label: 'page', value: '6' });
    const edition: Source = { ...letter(), text: pdfText, citation: { ...letter().citation!, page: '71–73' } };
    expect(locatorFor(edition, at(pdfText, 'the close'))).toEqual({ label: 'page', value: '73' });
  });

  it('numbers the folios of an archival document from its first leaf', () => {
    const s: Source = { ...letter(), text: 'Recto of the first leaf.\fSecond leaf: we left the Security Council.' };
    expect(locatorFor(s, at(s.text, 'Recto'))).toEqual({ label: 'folio', value: '71' });
    expect(locatorFor(s, at(s.text, 'we left'))).toEqual({ label: 'folio', value: '72' });
  });

  it('in a text without page breaks, gives the range for a quote found there (verbatim, misplaced or only once normalised) and nothing for one that is not', () => {
    const s = letter();
    const passage = s.text.slice(40, 90);
    const exact = { source: s.id, exact: passage };
    expect(locatorFor(s, exact)).toEqual({ label: 'folio', value: '71–72' });
    // A stale start hint still finds it.
    expect(locatorFor(s, { ...exact, start: 3 })).toEqual({ label: 'folio', value: '71–72' });
    // Spaces doubled and a straight apostrophe: found only once normalised (anchorQuote's second way).
    const loose = passage.replace(/ /g, '  ');
    expect(s.text.includes(loose)).toBe(false);
    expect(locatorFor(s, { source: s.id, exact: loose })).toEqual({ label: 'folio', value: '71–72' });
    expect(locatorFor(s, { source: s.id, exact: 'words the letter never says' })).toBeNull();
    expect(locatorFor(s, { source: s.id, exact: '' })).toBeNull();
  });

  it('gives the whole folio range when the text has no page breaks, or more pages than folios', () => {
    const s = letter();
    expect(s.text).not.toContain('\f');
    expect(locatorFor(s, { start: 10 })).toEqual({ label: 'folio', value: '71–72' });
    const tooMany: Source = { ...s, text: pdfText };
    expect(locatorFor(tooMany, at(pdfText, 'the close'))).toEqual({ label: 'folio', value: '71–72' });
  });

  it('gives a range for a quote across a page break, found where it stands', () => {
    const s: Source = { id: 's', title: 'Report', role: 'secondary', text: pdfText };
    const start = pdfText.indexOf('the opening');
    const quote = describeQuote('s', pdfText, start, pdfText.indexOf('Second page') + 6);
    expect(locatorFor(s, quote)).toEqual({ label: 'page', value: '1–2' });
    // The quote is anchored, not taken from its stale position hint.
    expect(locatorFor(s, { ...describeQuote('s', pdfText, pdfText.indexOf('the close'), pdfText.indexOf('the close') + 9), start: 0 })).toEqual({ label: 'page', value: '3' });
  });

  it('gives nothing for a book without page breaks, a quote it cannot find, or a position outside the text', () => {
    expect(locatorFor({ ...bloch, text: 'no breaks' }, { start: 2 })).toBeNull();
    const s: Source = { id: 's', title: 'Report', role: 'secondary', text: pdfText };
    expect(locatorFor(s, { source: 's', exact: 'not in the text at all' })).toBeNull();
    expect(locatorFor(s, { start: -1 })).toBeNull();
    expect(locatorFor(s, { start: pdfText.length + 1 })).toBeNull();
  });
});
