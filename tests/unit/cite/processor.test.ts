// Chicago notes-bibliography text from citeproc-rs with the shipped styles. Each expected string
// was checked by hand against the Chicago Manual of Style, 17th ed.: 14.103–14.111 (books,
// translators), 14.171–14.175 (journal articles, issue numbers, DOIs), 14.232 (letters and
// manuscript collections: sender to recipient, date, then the location from the specific to the
// general, the depository last), 14.29–14.31 (short notes and short titles). Where citeproc-rs
// follows the style file rather than the Manual, the output is accepted as is and says so.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toCsl } from '../../../arguments/cite/csl';
import { CiteError, createCiteProcessor, type CiteProcessor } from '../../../arguments/cite/processor';
import { CHICAGO_STYLES } from '../../../arguments/cite/styles/styles';
import { makeNodeDriver } from '../../../arguments/cli/citeproc-node';
import { bloch, ginzburg, HOSTILE, hostile, hostileLetter, letter } from './sources';

let processor: CiteProcessor;
beforeAll(async () => {
  processor = await createCiteProcessor(makeNodeDriver, CHICAGO_STYLES);
});
afterAll(() => processor.dispose());

const items = () => [letter(), bloch, ginzburg].map((s) => toCsl(s));
const plain = (notes: { plain: string }[]) => notes.map((n) => n.plain);

describe('an archival letter: the shipped map’s letter from Stalin to Gottwald', () => {
  it('full first note names the leaf in the archive’s own form, the depository last', () => {
    const [note] = processor.notes(items(), [{ id: 'letter', locator: { label: 'folio', value: '71' } }], 'full');
    // CMOS 14.232: "Sender to Recipient, date, location, depository". The leaf is written "l. 71"
    // as in Russian archival references, in place of the document's range "ll. 71–72".
    expect(note!.plain).toBe('I. V. Stalin to Klement Gottwald, August 27, 1950, f. 558, op. 11, d. 62, l. 71, RGASPI.');
    expect(note!.html).toBe(note!.plain);
  });

  it('without a locator the first note gives the document’s folios', () => {
    expect(plain(processor.notes(items(), [{ id: 'letter' }], 'full'))).toEqual(['I. V. Stalin to Klement Gottwald, August 27, 1950, f. 558, op. 11, d. 62, ll. 71–72, RGASPI.']);
  });

  it('later notes are short notes: family names, the date (the style’s choice for letters) and the leaf', () => {
    const notes = processor.notes(items(), [{ id: 'letter', locator: { label: 'folio', value: '71' } }, { id: 'letter', locator: { label: 'folio', value: '72' } }, { id: 'letter' }], 'full');
    expect(plain(notes)).toEqual([
      'I. V. Stalin to Klement Gottwald, August 27, 1950, f. 558, op. 11, d. 62, l. 71, RGASPI.',
      'Stalin to Gottwald, August 27, 1950, l. 72.',
      'Stalin to Gottwald, August 27, 1950.',
    ]);
  });

  it('bibliography entry', () => {
    const entry = processor.bibliography(items()).find((e) => e.id === 'letter');
    // Accepted as citeproc-rs renders the style: "Letter to Recipient" stands for the title, and
    // the style capitalises the location's first word ("F. 558") as a new sentence.
    expect(entry?.plain).toBe('Stalin, I. V. Letter to Klement Gottwald, August 27, 1950. F. 558, op. 11, d. 62, ll. 71–72. RGASPI.');
  });
});

describe('a book', () => {
  it('full first note, short note with the short title, bibliography entry', () => {
    const notes = processor.notes(items(), [{ id: 'bloch', locator: { label: 'page', value: '42' } }, { id: 'bloch', locator: { label: 'page', value: '43' } }], 'full');
    expect(plain(notes)).toEqual([
      'Marc Bloch, The Historian’s Craft, trans. Peter Putnam (New York: Alfred A. Knopf, 1953), 42.',
      // CMOS 14.30: the short title drops the initial "The".
      'Bloch, Historian’s Craft, 43.',
    ]);
    expect(notes[0]!.html).toBe('Marc Bloch, <i>The Historian’s Craft</i>, trans. Peter Putnam (New York: Alfred A. Knopf, 1953), 42.');
    expect(processor.bibliography(items()).find((e) => e.id === 'bloch')).toEqual({
      id: 'bloch',
      plain: 'Bloch, Marc. The Historian’s Craft. Translated by Peter Putnam. New York: Alfred A. Knopf, 1953.',
      html: 'Bloch, Marc. <i>The Historian’s Craft</i>. Translated by Peter Putnam. New York: Alfred A. Knopf, 1953.',
    });
  });
});

describe('a journal article', () => {
  it('full first note, short note, bibliography entry', () => {
    const notes = processor.notes(items(), [{ id: 'ginzburg', locator: { label: 'page', value: '12' } }, { id: 'ginzburg', locator: { label: 'page', value: '14' } }], 'full');
    expect(plain(notes)).toEqual([
      // CMOS 14.171–14.175: an issue without a volume is "no. 9"; the DOI closes the note.
      'Carlo Ginzburg, “Morelli, Freud and Sherlock Holmes: Clues and Scientific Method,” trans. Anna Davin, History Workshop, no. 9 (1980): 12, https://doi.org/10.1093/hwj/9.1.5.',
      'Ginzburg, “Morelli, Freud and Sherlock Holmes,” 14.',
    ]);
    expect(notes[0]!.html).toContain('<i>History Workshop</i>, no. 9');
    expect(processor.bibliography(items()).find((e) => e.id === 'ginzburg')?.plain).toBe(
      'Ginzburg, Carlo. “Morelli, Freud and Sherlock Holmes: Clues and Scientific Method.” Translated by Anna Davin. History Workshop, no. 9 (1980): 5–36. https://doi.org/10.1093/hwj/9.1.5.',
    );
  });
});

describe('notes and the bibliography', () => {
  it("'short' gives short notes for every cite, the same as the full style's later notes", () => {
    const cites = [{ id: 'letter', locator: { label: 'folio' as const, value: '71' } }, { id: 'bloch' }, { id: 'ginzburg', locator: { label: 'page' as const, value: '12' } }];
    expect(plain(processor.notes(items(), cites, 'short'))).toEqual([
      'Stalin to Gottwald, August 27, 1950, l. 71.',
      'Bloch, Historian’s Craft.',
      'Ginzburg, “Morelli, Freud and Sherlock Holmes,” 12.',
    ]);
  });

  it('a note depends only on whether its item was cited before, never on the note before it (no "Ibid.")', () => {
    const notes = processor.notes(items(), [{ id: 'bloch' }, { id: 'bloch' }, { id: 'letter' }, { id: 'bloch' }], 'full');
    expect(notes[1]!.plain).toBe('Bloch, Historian’s Craft.');
    expect(notes[3]!.plain).toBe(notes[1]!.plain);
  });

  it('a cite repeated many times gives, each time, the note it gives alone (rendered once, each a copy of its own)', () => {
    const folio = (value: string) => ({ id: 'letter', locator: { label: 'folio' as const, value } });
    const cites = [folio('71'), folio('72'), folio('71'), { id: 'bloch' }, folio('72'), { id: 'bloch' }, folio('71')];
    const notes = processor.notes(items(), cites, 'full');
    // Each later note as the short note of that cite alone, and the first of each item as its full note alone.
    expect(notes[0]).toEqual(processor.notes(items(), [folio('71')], 'full')[0]);
    expect(notes[3]).toEqual(processor.notes(items(), [{ id: 'bloch' }], 'full')[0]);
    for (const k of [1, 2, 4, 6]) expect(notes[k], `note ${k + 1}`).toEqual(processor.notes(items(), [cites[k]!], 'short')[0]);
    expect(notes[1]!.plain).toBe('Stalin to Gottwald, August 27, 1950, l. 72.');
    expect(notes[2]!.plain).toBe('Stalin to Gottwald, August 27, 1950, l. 71.');
    expect(notes[5]!.plain).toBe('Bloch, Historian’s Craft.');
    notes[2]!.plain = 'changed by the caller';
    expect(notes[6]!.plain).toBe('Stalin to Gottwald, August 27, 1950, l. 71.');
  });

  it('the bibliography lists every item, sorted by author', () => {
    expect(processor.bibliography(items()).map((e) => e.id)).toEqual(['bloch', 'ginzburg', 'letter']);
  });

  it('renders again after other items: each call stands alone', () => {
    processor.notes([toCsl({ ...bloch, title: 'Another Book' })], [{ id: 'bloch' }], 'full');
    expect(plain(processor.notes(items(), [{ id: 'bloch' }], 'short'))).toEqual(['Bloch, Historian’s Craft.']);
  });

  it('a cite of an item it was not given is a typed error in words', () => {
    expect(() => processor.notes(items(), [{ id: 'ghost' }], 'full')).toThrow(CiteError);
    try {
      processor.notes(items(), [{ id: 'ghost' }], 'full');
    } catch (err) {
      expect(err).toMatchObject({ code: 'unknown-item', message: 'A note cites "ghost", which is not among the sources given to the processor.' });
    }
  });

  it('malformed fields of an imported record are left out instead of breaking the processor', () => {
    const broken = { ...toCsl(bloch), id: 'broken', author: 'Bloch', issued: '1953', volume: { x: 1 }, ISBN: 9780394705125, 'container-title': null, type: 'document' };
    const [note] = processor.notes([broken as never], [{ id: 'broken' }], 'full');
    // The author text, the date string, the volume object and the null are dropped; "document" is read as a manuscript.
    expect(note!.plain).toBe('Peter Putnam, trans., “The Historian’s Craft” (Alfred A. Knopf, n.d.).');
  });
});

describe('hostile metadata stays text', () => {
  const hostileItems = () => [toCsl(hostile), toCsl(hostileLetter)];

  it('plain output keeps every character; HTML output escapes it and has no markup from user text', () => {
    // citeproc-rs warns on the console that it will not link a javascript: URL (it prints it as text).
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const notes = processor.notes(hostileItems(), [{ id: 'hostile' }, { id: 'hostile-letter', locator: { label: 'folio', value: '<71>' } }], 'full');
    const bib = processor.bibliography(hostileItems());
    for (const text of [...notes, ...bib].map((n) => n.plain)) expect(text).not.toMatch(/&lt;|&gt;/);
    expect(notes[0]!.plain.toLowerCase()).toContain(HOSTILE);
    expect(notes[0]!.plain).toContain('<script>alert(1)</script>');
    expect(notes[1]!.plain).toContain('<i>Someone</i> & <Other>');
    expect(notes[1]!.plain).toContain('l. <71>');
    for (const html of [...notes, ...bib].map((n) => n.html)) {
      // The only tags are citeproc's own formatting; every user "<" arrives as &lt;.
      expect(html.replace(/<\/?(i|b|span( style="[^"<>]*")?)>/g, '')).not.toMatch(/[<>]/);
      expect(html).not.toMatch(/<a\b|href=/);
    }
    expect(notes[0]!.html.toLowerCase()).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(notes[0]!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The user's own "&amp;" is five characters of text, not an ampersand.
    expect(notes[0]!.plain).toContain('op. &amp;');
    expect(notes[0]!.html).toContain('op. &amp;amp;');
    expect(notes[0]!.plain).toContain('javascript:alert(1)');
    const [page] = processor.notes([toCsl(bloch)], [{ id: 'bloch', locator: { label: 'page', value: '<b>42</b> & <img src=x>' } }], 'full');
    expect(page!.plain).toMatch(/, <b>42<\/b> & <img src=x>\.$/);
    expect(page!.html).toMatch(/, &lt;b&gt;42&lt;\/b&gt; &amp; &lt;img src=x&gt;\.$/);
    expect(warn.mock.calls.every(([m]) => /refusing to render url anchor/.test(String(m)))).toBe(true);
    warn.mockRestore();
  });
});

describe('the processor’s life', () => {
  it('a style that is not CSL is refused with a typed error', async () => {
    await expect(createCiteProcessor(makeNodeDriver, { ...CHICAGO_STYLES, shortNote: '<style>not csl' })).rejects.toMatchObject({
      code: 'style-invalid',
      message: expect.stringMatching(/^The Chicago short-note citation style could not be loaded \(/),
    });
  });

  it('after dispose() it refuses work in words', async () => {
    const p = await createCiteProcessor(makeNodeDriver, CHICAGO_STYLES);
    p.dispose();
    p.dispose();
    expect(() => p.notes(items(), [{ id: 'bloch' }], 'full')).toThrow('The citation processor has been closed; open a new one.');
  });
});
