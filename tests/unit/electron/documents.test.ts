// Documents to add as sources or import records from, as main reads them: the Open dialog
// for each purpose, and the guarded read (real files in a temporary folder; the dialog is a stand-in).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SOURCE_FILE_BYTES } from '../../../arguments/intake/limits';
import { documentDialogOptions, openDocument, readDocument, type ShowOpenDialog } from '../../../electron/main/documents';
import { FileServiceError, type ServiceFs } from '../../../electron/main/fileService';
import { DOCUMENT_EXTENSIONS } from '../../../renderer/platform/types';

const posix = process.platform !== 'win32';
const tempDir = () => mkdtempSync(join(tmpdir(), 'aa-documents-'));
const LETTER = 'Dear Comrade Gottwald,\n\nWe differ with you in our assessment…\n';
/** The intake's refusal for a file over the limit (arguments/intake/limits.ts: checkFileSize). */
const tooLargeSentence = (name: string, mb: string) => `“${name}” is ${mb} MB; a source file can be at most 32.0 MB. Split it into smaller files, or add the part you need.`;

/** A dialog that answers `path` (null: cancelled), recording what it was asked. */
function dialogAnswering(path: string | null) {
  return vi.fn<ShowOpenDialog>(async () => (path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] }));
}

const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
afterEach(() => errorLog.mockClear());

describe('the Open dialog for each purpose', () => {
  it('Add Source: titled so, one file, the source extensions (without dots) and All files', () => {
    expect(documentDialogOptions('source', null)).toEqual({
      title: 'Add Source',
      properties: ['openFile'],
      filters: [
        { name: 'Documents (text, Markdown, PDF, Word, HTML)', extensions: ['txt', 'text', 'md', 'markdown', 'pdf', 'docx', 'html', 'htm', 'xhtml'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('Import Bibliography: titled so, BibTeX and CSL-JSON and All files; it starts in the folder given', () => {
    expect(documentDialogOptions('bibliography', '/home/historian/zotero')).toEqual({
      title: 'Import Bibliography',
      properties: ['openFile'],
      filters: [
        { name: 'Bibliographies (BibTeX, BibLaTeX, CSL-JSON)', extensions: ['bib', 'json'] },
        { name: 'All files', extensions: ['*'] },
      ],
      defaultPath: '/home/historian/zotero',
    });
  });

  it('follows DOCUMENT_EXTENSIONS, the list the browser’s picker uses', () => {
    for (const purpose of ['source', 'bibliography'] as const) {
      expect(documentDialogOptions(purpose, null).filters![0]!.extensions.map((e) => `.${e}`)).toEqual([...DOCUMENT_EXTENSIONS[purpose]]);
    }
  });
});

describe('choosing and reading a document', () => {
  it('reads the chosen file: its name without folders and its exact bytes, never its path', async () => {
    const dir = tempDir();
    const path = join(dir, 'Сталин — Готвальду.txt');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(LETTER), 0x0c]);
    writeFileSync(path, bytes);
    const show = dialogAnswering(path);
    const { outcome, chosen } = await openDocument('source', show, dir);
    expect(outcome).toEqual({ ok: true, value: { name: 'Сталин — Готвальду.txt', bytes } });
    expect(chosen).toBe(path);
    expect(show).toHaveBeenCalledWith(documentDialogOptions('source', dir));
    expect(JSON.stringify(outcome)).not.toContain(dir);
    if (outcome.ok) expect(Object.keys(outcome.value!).sort()).toEqual(['bytes', 'name']);
  });

  it('reads an empty file as empty (the intake then says it is empty)', async () => {
    const path = join(tempDir(), 'empty.bib');
    writeFileSync(path, '');
    expect((await openDocument('bibliography', dialogAnswering(path), null)).outcome).toEqual({ ok: true, value: { name: 'empty.bib', bytes: new Uint8Array(0) } });
  });

  it('a cancelled dialog answers null and reads nothing', async () => {
    expect(await openDocument('source', dialogAnswering(null), null)).toEqual({ outcome: { ok: true, value: null }, chosen: null });
    const noPaths = vi.fn<ShowOpenDialog>(async () => ({ canceled: false, filePaths: [] }));
    expect((await openDocument('bibliography', noPaths, null)).outcome).toEqual({ ok: true, value: null });
  });

  it('a dialog that cannot be shown answers with a sentence (and logs why)', async () => {
    const broken = vi.fn<ShowOpenDialog>(async () => {
      throw new Error('GTK exploded');
    });
    expect(await openDocument('source', broken, null)).toEqual({ outcome: { ok: false, message: 'The Open dialog could not be shown.' }, chosen: null });
    expect(errorLog).toHaveBeenCalledTimes(1);
  });

  it('refuses a file over the intake limit with the intake’s sentence, before reading a byte of it', async () => {
    const path = join(tempDir(), 'collected-works.txt');
    writeFileSync(path, '');
    truncateSync(path, 40 * 1024 * 1024); // sparse: costs no disk
    let reads = 0;
    const counting: ServiceFs = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        const read = handle.read.bind(handle);
        return Object.assign(handle, { read: (...a: Parameters<typeof read>) => (reads++, read(...a)) });
      }) as ServiceFs['open'],
    };
    const { outcome, chosen } = await openDocument('source', dialogAnswering(path), null, counting);
    expect(outcome).toEqual({ ok: false, message: tooLargeSentence('collected-works.txt', '40.0') });
    expect(chosen).toBe(path);
    expect(reads).toBe(0);
  });

  it('reads a file of exactly the limit, and refuses one byte more', async () => {
    const dir = tempDir();
    const atLimit = join(dir, 'at-limit.txt');
    writeFileSync(atLimit, '');
    truncateSync(atLimit, MAX_SOURCE_FILE_BYTES);
    expect((await readDocument(atLimit)).bytes.length).toBe(MAX_SOURCE_FILE_BYTES);
    const over = join(dir, 'over.txt');
    writeFileSync(over, '');
    truncateSync(over, MAX_SOURCE_FILE_BYTES + 1);
    await expect(readDocument(over)).rejects.toThrow(tooLargeSentence('over.txt', '32.0'));
  });

  it.runIf(posix)('refuses a named pipe at once instead of waiting for a writer', async () => {
    const path = join(tempDir(), 'letter.txt');
    execFileSync('mkfifo', [path]);
    const { outcome } = await openDocument('source', dialogAnswering(path), null);
    expect(outcome).toEqual({ ok: false, message: '“letter.txt” is not a regular file (it is a named pipe); Argument Atlas opens only files.' });
  }, 5_000);

  it.runIf(posix)('reads the file a symbolic link points to, under the name chosen', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'original.txt'), LETTER);
    symlinkSync(join(dir, 'original.txt'), join(dir, 'link.txt'));
    const doc = await readDocument(join(dir, 'link.txt'));
    expect(doc.name).toBe('link.txt');
    expect(new TextDecoder().decode(doc.bytes)).toBe(LETTER);
  });

  it('refuses a folder, and a file gone since it was chosen, in words', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'letters.txt'));
    expect((await openDocument('source', dialogAnswering(join(dir, 'letters.txt')), null)).outcome).toEqual({ ok: false, message: expect.stringMatching(/^“letters\.txt” is (not a regular file \(it is a folder\); Argument Atlas opens only files\.|a folder, not a map\.)$/) });
    expect((await openDocument('bibliography', dialogAnswering(join(dir, 'gone.bib')), null)).outcome).toEqual({ ok: false, message: '“gone.bib” is no longer where it was (it was moved or deleted).' });
    await expect(readDocument(join(dir, 'gone.bib'))).rejects.toBeInstanceOf(FileServiceError);
  });
});
