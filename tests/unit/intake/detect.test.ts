// Which kind a file is: its content first, then its name.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectKind, extensionOf, titleFromFileName } from '../../../arguments/intake';
import { makeDocx, oleFile, paragraph, textPdf, utf16 } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectKind', () => {
  it('goes by content before the name', async () => {
    const pdf = await textPdf(['x']);
    expect(detectKind('letter.txt', pdf)).toBe('pdf');
    expect(detectKind('letter.html', makeDocx(paragraph('x')))).toBe('docx');
    expect(detectKind('letter.txt', utf8('<!DOCTYPE html><html><p>x</p></html>'))).toBe('html');
    expect(detectKind('letter.md', utf8('\uFEFF  <!-- saved --> <HTML lang="en"><p>x'))).toBe('html');
    expect(detectKind('letter.txt', utf8('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'))).toBe('html');
    expect(detectKind('page', utf16('<!doctype html><p>x</p>', 'be'))).toBe('html');
  });

  it('then by the name, in any case', () => {
    const text = utf8('Plain words, <b>not</b> a page.');
    expect(detectKind('a.TXT', text)).toBe('text');
    expect(detectKind('a.text', text)).toBe('text');
    expect(detectKind('a.md', text)).toBe('markdown');
    expect(detectKind('a.Markdown', text)).toBe('markdown');
    expect(detectKind('a.htm', text)).toBe('html');
    expect(detectKind('a.pdf', text)).toBe('pdf');
    expect(detectKind('a.docx', text)).toBe('docx');
    expect(detectKind('notes', text)).toBe('text');
  });

  it('does not take a text that mentions “%PDF-” or a zip without document.xml for those', () => {
    expect(detectKind('notes.txt', utf8('A PDF begins with %PDF-1.7 and ends with %%EOF.'))).toBe('text');
    expect(detectKind('sheet.txt', zipSync({ 'xl/workbook.xml': strToU8('<w/>') }))).toBe('text');
  });

  it('knows nothing of other kinds', () => {
    expect(detectKind('a.rtf', utf8('{\\rtf1}'))).toBeNull();
    expect(detectKind('a.odt', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') }))).toBeNull();
    expect(detectKind('a.doc', oleFile())).toBeNull();
  });
});

describe('file names', () => {
  it('give the extension and a title', () => {
    expect(extensionOf('C:\\Letters\\Gottwald.1950.PDF')).toBe('pdf');
    expect(extensionOf('.profile')).toBe('');
    expect(titleFromFileName('/home/h/Stalin to Gottwald.docx')).toBe('Stalin to Gottwald');
    expect(titleFromFileName('C:\\Letters\\Gottwald.1950.pdf')).toBe('Gottwald.1950');
    expect(titleFromFileName('README')).toBe('README');
  });
});
