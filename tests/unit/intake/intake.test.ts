// The entry points: files of every kind and pasted text, with the empty and size rules shared
// by all of them.
import { describe, expect, it } from 'vitest';
import {
  checkFileSize,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  intakeDocument,
  intakePastedText,
  MAX_SOURCE_FILE_BYTES,
  MAX_SOURCE_TEXT_LENGTH,
  type IntakeResult,
} from '../../../arguments/intake';
import { utf16 } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

function intake(r: IntakeResult) {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.intake;
}

describe('text and Markdown files', () => {
  it('keep the text exactly as written, and say how it was decoded', async () => {
    const text = '# Письмо\r\n\r\n*Товарищ* Готвальд,   “we”\u00A0agree.\n\n  indented\t\n';
    expect(intake(await intakeDocument('pismo.md', utf8(text)))).toEqual({
      kind: 'markdown',
      text,
      encoding: 'utf-8',
      extracted: false,
      suggestedTitle: 'pismo',
      warnings: [],
    });
    expect(intake(await intakeDocument('pismo.txt', utf16(text, 'be')))).toMatchObject({ kind: 'text', text, encoding: 'utf-16be', extracted: false });
    expect(intake(await intakeDocument('pismo.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])))).toMatchObject({ text, encoding: 'utf-8' });
  });

  it('take a file without an extension as text', async () => {
    expect(intake(await intakeDocument('README', utf8('Notes.')))).toMatchObject({ kind: 'text', text: 'Notes.', suggestedTitle: 'README' });
  });

  it('refuse other encodings and binary files, naming the file', async () => {
    const r = await intakeDocument('pismo.txt', new Uint8Array([0xcf, 0xe8, 0xf1, 0xfc, 0xec, 0xee]));
    expect(r).toMatchObject({ ok: false, error: { code: 'encoding', message: expect.stringContaining('“pismo.txt” is not UTF-8 text') } });
    const bin = await intakeDocument('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(bin).toMatchObject({ ok: false, error: { code: 'binary', message: expect.stringContaining('“photo.txt” is not a text file') } });
  });
});

describe('empty and oversized files', () => {
  it('refuse an empty file and one of only white space', async () => {
    for (const bytes of [new Uint8Array(0), utf8('  \r\n\t \u00A0\n')]) {
      const r = await intakeDocument('blank.txt', bytes);
      expect(r).toEqual({ ok: false, error: { code: 'empty', message: '“blank.txt” is empty: there is no text to add.' } });
    }
  });

  it('refuse a 40 MB text, naming its size and the limit', async () => {
    const big = new Uint8Array(40 * 1024 * 1024).fill(0x61);
    const r = await intakeDocument('archive.txt', big);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('too-large');
    expect(r.error.message).toContain('“archive.txt” is 40.0 MB');
    expect(r.error.message).toContain('at most 32.0 MB');
  });

  it('can refuse a file by its size before it is read', () => {
    expect(checkFileSize('a.pdf', MAX_SOURCE_FILE_BYTES)).toBeNull();
    expect(checkFileSize('a.pdf', MAX_SOURCE_FILE_BYTES + 1)).toMatchObject({ code: 'too-large', message: expect.stringMatching(/^“a.pdf” is 32.0 MB; a source file can be at most 32.0 MB/) });
  });

  it('refuse a text longer than a source may hold, with the count and the limit', async () => {
    const r = await intakeDocument('long.txt', new Uint8Array(MAX_SOURCE_TEXT_LENGTH + 10).fill(0x62));
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/“long.txt” is too long for one source: its text has 8,388,618 characters, and a source can hold at most 8,388,608/) } });
  });
});

describe('other files', () => {
  it('refuse kinds Argument Atlas does not read, saying which it does', async () => {
    const r = await intakeDocument('letter.rtf', utf8('{\\rtf1\\ansi Dear Comrade}'));
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/^“letter.rtf” is a \.rtf file, which Argument Atlas does not read\..*\.txt.*PDF.*\.docx/) } });
  });

  it('say so when cancelled before reading', async () => {
    expect(await intakeDocument('a.txt', utf8('x'), { signal: AbortSignal.abort() })).toEqual({ ok: false, error: { code: 'cancelled', message: 'Reading “a.txt” was cancelled.' } });
  });
});

describe('pasted text', () => {
  it('is kept exactly as pasted, with its first line offered as a title', () => {
    const text = '\n  Stalin to Gottwald, 27 August 1950  \r\nWe have received your letter.\r\n';
    expect(intakePastedText(text)).toEqual({ ok: true, intake: { kind: 'text', text, extracted: false, suggestedTitle: 'Stalin to Gottwald, 27 August 1950', warnings: [] } });
  });

  it('offers a long first line shortened at a word', () => {
    const line = 'We have received your letter of 25 August and consider it necessary to explain our position on the Security Council.';
    const title = intake(intakePastedText(line)).suggestedTitle!;
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(81);
    expect(line.startsWith(title.slice(0, -1))).toBe(true);
    expect(line[title.length - 1]).toBe(' ');
  });

  it('follows the same empty and size rules', () => {
    expect(intakePastedText(' \n\t')).toEqual({ ok: false, error: { code: 'empty', message: 'The pasted text is empty: there is no text to add.' } });
    expect(intakePastedText('x'.repeat(MAX_SOURCE_TEXT_LENGTH + 1))).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/^The pasted text is too long for one source/) } });
    expect(intakePastedText('x'.repeat(MAX_SOURCE_TEXT_LENGTH)).ok).toBe(true);
  });
});

describe('kinds', () => {
  it('are labelled for the historian', () => {
    expect(DOCUMENT_KINDS).toEqual(['text', 'markdown', 'pdf', 'docx', 'html']);
    expect(DOCUMENT_KINDS.map((k) => DOCUMENT_KIND_LABELS[k])).toEqual(['Plain text', 'Markdown', 'PDF', 'Word document (.docx)', 'Web page (HTML)']);
  });
});
