// .docx files assembled with fflate: the text as Word shows it (paragraphs, line breaks, tabs,
// notes), and every file that is not a usable Word document refused before mammoth sees it.
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { intakeDocument, type IntakeResult } from '../../../arguments/intake';
import { bombDocx, coreXml, docxWithFootnote, makeDocx, oleFile, paragraph, randomBytes } from './fixtures';

function intake(r: IntakeResult) {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.intake;
}

function refusal(r: IntakeResult) {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.intake.text.slice(0, 80))}`);
  return r.error;
}

describe('.docx text', () => {
  it('gives two paragraphs, one with a Cyrillic word, separated by a blank line', async () => {
    const r = intake(await intakeDocument('letter.docx', makeDocx(paragraph('Dear Comrade Gottwald,') + paragraph('We received your letter (письмо) of 25 August.'))));
    expect(r).toMatchObject({ kind: 'docx', extracted: true, warnings: [] });
    expect(r.text).toBe('Dear Comrade Gottwald,\n\nWe received your letter (письмо) of 25 August.');
  });

  it('keeps line breaks, tabs, double spaces and characters that are markup in XML', async () => {
    const r = intake(await intakeDocument('l.docx', makeDocx(paragraph('Moscow,\n27 August 1950') + paragraph('Item\tvalue  <b> & "quoted"'))));
    expect(r.text).toBe('Moscow,\n27 August 1950\n\nItem\tvalue  <b> & "quoted"');
  });

  it('keeps the notes: a marker in the text and the note at the end', async () => {
    const r = intake(await intakeDocument('notes.docx', docxWithFootnote()));
    expect(r.text).toBe('The letter was sent on 27 August.[1]\n\nSecond paragraph.\n\n[1] RGASPI, f. 558, op. 11, d. 62, l. 71.');
  });

  it('keeps table cells apart', async () => {
    const cell = (t: string) => `<w:tc>${paragraph(t)}</w:tc>`;
    const r = intake(await intakeDocument('t.docx', makeDocx(`<w:tbl><w:tr>${cell('fond 558')}${cell('opis 11')}</w:tr></w:tbl>`)));
    expect(r.text.split(/\s+/)).toEqual(['fond', '558', 'opis', '11']);
  });

  it('suggests the document’s title from its properties, else the file name', async () => {
    const titled = makeDocx(paragraph('Text.'), { 'docProps/core.xml': coreXml('Letter to Gottwald & Co') });
    expect(intake(await intakeDocument('doc1.docx', titled)).suggestedTitle).toBe('Letter to Gottwald & Co');
    expect(intake(await intakeDocument('/home/h/Gottwald letter.docx', makeDocx(paragraph('Text.')))).suggestedTitle).toBe('Gottwald letter');
  });

  it('refuses a document with no text', async () => {
    const e = refusal(await intakeDocument('blank.docx', makeDocx('<w:p/>')));
    expect(e.code).toBe('empty');
    expect(e.message).toMatch(/“blank.docx” has no text/);
  });

  it('is found by content whatever its name', async () => {
    expect(intake(await intakeDocument('letter.bin', makeDocx(paragraph('By content.')))).text).toBe('By content.');
  });
});

describe('files that are not usable Word documents', () => {
  it('refuses a file that is not a zip', async () => {
    const e = refusal(await intakeDocument('letter.docx', strToU8('Dear Comrade Gottwald, this is plain text named .docx')));
    expect(e.code).toBe('not-a-zip');
    expect(e.message).toMatch(/“letter.docx” is not a Word document \(\.docx\)/);
  });

  it('refuses random bytes named .docx as not a zip', async () => {
    expect(refusal(await intakeDocument('noise.docx', randomBytes(4096))).code).toBe('not-a-zip');
  });

  it('refuses an old binary .doc with advice, whatever its name', async () => {
    for (const name of ['old.doc', 'old.docx']) {
      const e = refusal(await intakeDocument(name, oleFile('WordDocument')));
      expect(e.code).toBe('unsupported');
      expect(e.message).toMatch(/old Word document \(\.doc\)/);
      expect(e.message).toMatch(/save it as \.docx/);
    }
  });

  it('refuses other old Office files without calling them Word documents', async () => {
    const e = refusal(await intakeDocument('budget.xls', oleFile('Workbook')));
    expect(e.code).toBe('unsupported');
    expect(e.message).toMatch(/“budget.xls” is an old Microsoft Office file/);
    expect(e.message).not.toMatch(/Word document/);
  });

  it('refuses a password-protected .docx (an OLE file with an encrypted package) as encrypted', async () => {
    const e = refusal(await intakeDocument('secret.docx', oleFile('EncryptionInfo\0EncryptedPackage')));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/“secret.docx” is protected by a password/);
  });

  it('refuses a zip without word/document.xml as damaged', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const e = refusal(await intakeDocument('book.docx', zip));
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(/“book.docx” is a damaged Word document: it has no main text \(word\/document\.xml\)/);
  });

  it('refuses a .docx whose main text is not XML as damaged', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document><unclosed') });
    expect(refusal(await intakeDocument('broken.docx', zip)).code).toBe('damaged');
  });

  it('refuses a truncated .docx as damaged', async () => {
    const bytes = makeDocx(paragraph('Some text that will be cut off.'));
    expect(refusal(await intakeDocument('cut.docx', bytes.subarray(0, bytes.length - 30))).code).toBe('damaged');
  });

  it('refuses a zip bomb (1 GiB of zeros in ~1 MB), without unpacking it', async () => {
    const bomb = bombDocx(1024, 1024 ** 3);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const e = refusal(await intakeDocument('bomb.docx', bomb));
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toMatch(/“bomb.docx” was not opened: its part “word\/document.xml” unpacks to more than 500 times its size/);
  });

  it('refuses a zip bomb whose headers claim it is small', async () => {
    const e = refusal(await intakeDocument('liar.docx', bombDocx(1024, 1024)));
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toMatch(/zip bomb/);
  });
});
