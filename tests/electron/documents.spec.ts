// Bringing documents into a map in the desktop app: File > Add Source… and Import
// Bibliography… reach the window in front, and the bridge's openDocument goes through main's
// native Open dialog (stubbed: native dialogs cannot be driven), which reads the chosen file
// there (regular files within the intake limit only) and gives the page its name and bytes,
// never its path. Run by `node tests/electron/run.mjs` where the Electron binary is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { asked, expect, launch, stubDialogs, test } from './app';

const LETTER = 'Dear Comrade Gottwald,\n\nWe differ with you in our assessment of the Soviet Union’s withdrawal from the Security Council.\n';

/** Ends a test's app whatever its state: unsaved changes are discarded. */
async function quit(app: ElectronApplication): Promise<void> {
  if (app.process().exitCode !== null) return;
  await stubDialogs(app, { answer: "Don't Save" }).catch(() => undefined);
  await app.close().catch(() => undefined);
}

interface PageDocument {
  keys: string[];
  name: string;
  isBytes: boolean;
  text: string;
}

/** What the page gets from the bridge's openDocument: the document, null, or the refusal's sentence. */
const openDocument = (page: Page, purpose: string): Promise<PageDocument | null | { refused: string }> =>
  page.evaluate(`window.argumentAtlas.openDocument(${JSON.stringify(purpose)}).then(
    (d) => d === null ? null : { keys: Object.keys(d).sort(), name: d.name, isBytes: d.bytes instanceof Uint8Array, text: new TextDecoder().decode(d.bytes) },
    (e) => ({ refused: String(e && e.message) }))`);

test('File > Add Source… and Import Bibliography… send their commands to the window', async () => {
  const { app } = await launch();
  try {
    // Whatever the renderer does with the commands, an Open dialog it asks for is cancelled.
    await stubDialogs(app, { open: null });
    // What main sends the window, recorded in the main process.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      const g = globalThis as unknown as { __commands: unknown[] };
      g.__commands = [];
      const send = contents.send.bind(contents);
      contents.send = (channel: string, ...args: unknown[]) => {
        if (channel === 'host:command') g.__commands.push(args[0]);
        send(channel, ...args);
      };
    });
    const items = await app.evaluate(({ Menu }) => {
      const menu = Menu.getApplicationMenu()!;
      return ['addSource', 'importBibliography'].map((id) => {
        const item = menu.getMenuItemById(id)!;
        item.click();
        return { label: item.label, accelerator: item.accelerator ?? null, enabled: item.enabled };
      });
    });
    expect(items).toEqual([
      { label: 'Add Source…', accelerator: 'CmdOrCtrl+Shift+O', enabled: true },
      { label: 'Import Bibliography…', accelerator: null, enabled: true },
    ]);
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { __commands: unknown[] }).__commands)).toEqual(['addSource', 'importBibliography']);
  } finally {
    await quit(app);
  }
});

test('Add Source’s Open dialog: main reads the chosen file and the page gets its name and bytes only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aa-electron-documents-'));
  const letter = join(dir, 'letter.txt');
  writeFileSync(letter, LETTER);
  const { app, page, userData } = await launch();
  try {
    await stubDialogs(app, { open: letter });
    expect(await openDocument(page, 'source')).toEqual({ keys: ['bytes', 'name'], name: 'letter.txt', isBytes: true, text: LETTER });
    expect((await asked(app)).openOptions.at(-1)).toEqual({
      title: 'Add Source',
      filters: [
        { name: 'Documents (text, Markdown, PDF, Word, HTML)', extensions: ['txt', 'text', 'md', 'markdown', 'pdf', 'docx', 'html', 'htm', 'xhtml'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    // A source is copied into the map: it does not join the recent maps.
    const recent = join(userData, 'recent-files.json');
    expect(existsSync(recent) ? (JSON.parse(readFileSync(recent, 'utf8')) as { files: string[] }).files : []).toEqual([]);

    // Cancelled: null. The next dialog starts where the letter was.
    await stubDialogs(app, { open: null });
    expect(await openDocument(page, 'bibliography')).toBeNull();
    expect((await asked(app)).openOptions.at(-1)).toMatchObject({ title: 'Import Bibliography', defaultPath: dir, filters: [{ name: 'Bibliographies (BibTeX, BibLaTeX, CSL-JSON)', extensions: ['bib', 'json'] }, { name: 'All files', extensions: ['*'] }] });

    // Too large: refused with the intake's sentence before it is read.
    const big = join(dir, 'collected-works.pdf');
    writeFileSync(big, '');
    truncateSync(big, 40 * 1024 * 1024);
    await stubDialogs(app, { open: big });
    expect(await openDocument(page, 'source')).toEqual({ refused: '“collected-works.pdf” is 40.0 MB; a source file can be at most 32.0 MB. Split it into smaller files, or add the part you need.' });

    // A named pipe: refused at once, the window never waits for a writer.
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'refs.bib');
      execFileSync('mkfifo', [fifo]);
      await stubDialogs(app, { open: fifo });
      expect(await openDocument(page, 'bibliography')).toEqual({ refused: '“refs.bib” is not a regular file (it is a named pipe); Argument Atlas opens only files.' });
    }

    // Another purpose is refused by main before any dialog.
    const shown = (await asked(app)).open;
    expect(await openDocument(page, 'map')).toEqual({ refused: expect.stringContaining('purpose must be one of source, bibliography') });
    expect((await asked(app)).open).toBe(shown);
  } finally {
    await quit(app);
  }
});
