import { describe, expect, it } from 'vitest';
import { closeChoice, closePrompt, displayName, MIN_HEIGHT, MIN_WIDTH, safeExportName, safeFileName, windowOptions, windowTitle } from '../../../electron/main/window';

const input = { preloadPath: '/app/dist/electron/preload.cjs', bounds: { width: 1200, height: 800 }, platform: 'linux' as const, packaged: true, iconPath: '/app/icon.png' };

describe('window options', () => {
  const options = windowOptions(input);
  const web = options.webPreferences!;

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and everything risky off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.plugins).toBe(false);
    expect(web.enableWebSQL).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.safeDialogs).toBe(true);
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.additionalArguments).toBeUndefined();
  });

  it('disables Auxclick (middle-click opening windows)', () => {
    expect(web.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the preload and nothing else from disk; no developer tools when packaged', () => {
    expect(web.preload).toBe(input.preloadPath);
    expect(web.devTools).toBe(false);
    expect(windowOptions({ ...input, packaged: false }).webPreferences!.devTools).toBe(true);
  });

  it('spell-checks only where no dictionary is downloaded (macOS)', () => {
    expect(web.spellcheck).toBe(false);
    expect(windowOptions({ ...input, platform: 'win32' }).webPreferences!.spellcheck).toBe(false);
    expect(windowOptions({ ...input, platform: 'darwin' }).webPreferences!.spellcheck).toBe(true);
  });

  it('opens hidden until painted, at the remembered size, never below the minimum', () => {
    expect(options.show).toBe(false);
    expect(options.width).toBe(1200);
    expect(options.height).toBe(800);
    expect(options.minWidth).toBe(MIN_WIDTH);
    expect(options.minHeight).toBe(MIN_HEIGHT);
    expect(options.icon).toBe('/app/icon.png');
    expect(windowOptions({ ...input, platform: 'darwin' }).icon).toBeUndefined();
  });
});

describe('the title', () => {
  it('shows the file name, and a dirty marker except on macOS (setDocumentEdited there)', () => {
    expect(windowTitle({ name: 'letter.argmap.json', dirty: false }, 'linux')).toBe('letter.argmap.json — Argument Atlas');
    expect(windowTitle({ name: 'letter.argmap.json', dirty: true }, 'win32')).toBe('• letter.argmap.json — Argument Atlas');
    expect(windowTitle({ name: 'letter.argmap.json', dirty: true }, 'darwin')).toBe('letter.argmap.json — Argument Atlas');
  });

  it('shows renderer text without control or direction-override characters', () => {
    expect(displayName('evil\u202Enosj.exe\u0007')).toBe('evilnosj.exe');
    expect(displayName('   ')).toBe('Untitled.argmap.json');
    expect(displayName('x'.repeat(1000))).toHaveLength(255);
  });
});

describe('the close prompt', () => {
  it('asks Save / Don’t Save / Cancel, Save by default, Esc is Cancel', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const p = closePrompt('letter.argmap.json', platform);
      expect(p.message).toBe('Do you want to save the changes you made to “letter.argmap.json”?');
      expect([...p.buttons].sort()).toEqual(['Cancel', "Don't Save", 'Save']);
      expect(p.buttons[p.defaultId]).toBe('Save');
      expect(p.buttons[p.cancelId]).toBe('Cancel');
      expect(closeChoice(p, p.buttons.indexOf('Save'))).toBe('save');
      expect(closeChoice(p, p.buttons.indexOf("Don't Save"))).toBe('discard');
      expect(closeChoice(p, p.cancelId)).toBe('cancel');
      expect(closeChoice(p, 99)).toBe('cancel');
    }
    expect(closePrompt('a', 'win32').buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(closePrompt('a', 'darwin').buttons).toEqual(['Save', 'Cancel', "Don't Save"]);
  });
});

describe('the name the Save dialog suggests', () => {
  it('is a file name only, ending in .argmap.json', () => {
    expect(safeFileName('stalin-gottwald-1950.argmap.json')).toBe('stalin-gottwald-1950.argmap.json');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd.argmap.json');
    expect(safeFileName('C:\\Windows\\x.json')).toBe('C--Windows-x.argmap.json');
    expect(safeFileName('con.argmap.json')).toBe('map-con.argmap.json');
    expect(safeFileName('')).toBe('Untitled.argmap.json');
    expect(safeFileName('a<b>|c?.argmap.json')).toBe('a-b--c-.argmap.json');
  });
});

describe('the name the export Save dialog suggests', () => {
  it('is the last part of the suggestion only, ending in the format’s extension', () => {
    expect(safeExportName('stalins-letter-1950.print.pdf', 'pdf')).toBe('stalins-letter-1950.print.pdf');
    expect(safeExportName('Map.PNG', 'png')).toBe('Map.PNG');
    expect(safeExportName('../../etc/passwd', 'svg')).toBe('passwd.svg');
    expect(safeExportName('C:\\Windows\\x.pdf', 'pdf')).toBe('x.pdf');
    expect(safeExportName('C:x.pdf', 'pdf')).toBe('x.pdf');
    expect(safeExportName('map.png', 'pdf')).toBe('map.png.pdf');
    expect(safeExportName('', 'pdf')).toBe('argument-map.pdf');
    expect(safeExportName('.pdf', 'pdf')).toBe('pdf.pdf');
    expect(safeExportName('../', 'png')).toBe('argument-map.png');
    expect(safeExportName('con.pdf', 'pdf')).toBe('figure-con.pdf');
    // Bibliographies: the same rules, their own extension.
    expect(safeExportName('stalins-letter-1950.sources.bib', 'bib')).toBe('stalins-letter-1950.sources.bib');
    expect(safeExportName('../sources', 'json')).toBe('sources.json');
    expect(safeExportName('sources.bib', 'json')).toBe('sources.bib.json');
    expect(safeExportName('a<b>|c?\u202e.svg', 'svg')).toBe('a-b--c-.svg');
    const long = safeExportName('x'.repeat(300) + '.pdf', 'pdf');
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
