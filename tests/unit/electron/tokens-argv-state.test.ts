import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, isMapFileName } from '../../../electron/main/argv';
import { cascade, parseWindowState, placeWindow, type Rect } from '../../../electron/main/state';
import { FileTokens, samePath } from '../../../electron/main/tokens';
import { MIN_HEIGHT, MIN_WIDTH } from '../../../electron/main/window';
import { TOKEN_PATTERN } from '../../../electron/ipc-contract';

describe('file tokens', () => {
  it('are opaque, per window, and die with the window', () => {
    const tokens = new FileTokens();
    const t = tokens.issue(1, '/maps/a.argmap.json');
    expect(t).toMatch(TOKEN_PATTERN);
    expect(t).not.toContain('maps');
    expect(tokens.issue(1, '/maps/a.argmap.json')).toBe(t);
    expect(tokens.resolve(1, t)).toBe('/maps/a.argmap.json');
    expect(tokens.resolve(2, t)).toBeNull(); // another window's token
    expect(tokens.resolve(1, '/maps/a.argmap.json')).toBeNull(); // a path is not a token
    expect(tokens.resolve(1, 'f_' + '0'.repeat(32))).toBeNull();
    expect(tokens.resolve(1, { token: t })).toBeNull();
    tokens.forget(1);
    expect(tokens.resolve(1, t)).toBeNull();
  });

  it('compare paths by the file system’s rules', () => {
    expect(samePath('/a/B.json', '/a/b.json', 'linux')).toBe(false);
    expect(samePath('/a/B.json', '/a/b.json', 'darwin')).toBe(true);
    expect(samePath('/a/./b.json', '/a/b.json', 'linux')).toBe(true);
  });
});

describe('files on the command line', () => {
  const cwd = resolve('/home/ana/maps');

  it('takes map files, skipping the executable, the app script when unpackaged, and switches', () => {
    expect(filesFromArgv(['/opt/Argument Atlas/argument-atlas', 'letter.argmap.json', '--no-sandbox', '/tmp/b.json'], cwd, { packaged: true })).toEqual([
      join(cwd, 'letter.argmap.json'),
      resolve('/tmp/b.json'),
    ]);
    expect(filesFromArgv(['electron', '--inspect=0', 'dist/electron/main.cjs', 'a.argmap.json'], cwd, { packaged: false })).toEqual([join(cwd, 'a.argmap.json')]);
    expect(filesFromArgv(['electron', 'dist/electron/main.cjs'], cwd, { packaged: false })).toEqual([]);
  });

  it('ignores what is not a map file: other files, URLs, macOS process serial numbers', () => {
    expect(filesFromArgv(['app', 'notes.txt', 'https://evil.example/x.json', '-psn_0_12345', 'file:///etc/x.json'], cwd, { packaged: true })).toEqual([]);
    expect(isMapFileName('A.ARGMAP.JSON')).toBe(true);
    expect(isMapFileName('a.argmap')).toBe(false);
  });

  it('takes a file named like a switch after --', () => {
    expect(filesFromArgv(['app', '--', '-odd.argmap.json'], cwd, { packaged: true })).toEqual([join(cwd, '-odd.argmap.json')]);
  });
});

describe('window position', () => {
  const primary: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
  const right: Rect = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('validates what it reads back', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 800, height: 600, maximized: true })).toEqual({ x: 10, y: 20, width: 800, height: 600, maximized: true, fullScreen: false });
    expect(parseWindowState({ x: 'a', y: 0, width: 800, height: 600 })).toBeNull();
    expect(parseWindowState({ x: 0, y: 0, width: -5, height: 600 })).toBeNull();
    expect(parseWindowState(null)).toBeNull();
  });

  it('opens where it was, on the display it was on', () => {
    const saved = { x: 2000, y: 50, width: 1000, height: 700, maximized: false, fullScreen: false };
    expect(placeWindow(saved, [primary, right], primary).bounds).toEqual({ x: 2000, y: 50, width: 1000, height: 700 });
  });

  it('comes back to the primary display when its display is gone', () => {
    const saved = { x: 2000, y: 50, width: 1000, height: 700, maximized: true, fullScreen: false };
    const placed = placeWindow(saved, [primary], primary);
    expect(placed.bounds).toEqual({ width: 1000, height: 700 }); // no x/y: centred
    expect(placed.maximized).toBe(true);
  });

  it('fits a window larger than its display, and never smaller than the minimum', () => {
    expect(placeWindow({ x: 0, y: 0, width: 5000, height: 4000, maximized: false, fullScreen: false }, [primary], primary).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(placeWindow({ x: 0, y: 0, width: 10, height: 10, maximized: false, fullScreen: false }, [primary], primary).bounds).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
    expect(placeWindow(null, [primary], primary).bounds).toEqual({ width: 1440, height: 900 });
  });

  it('cascades further windows, back to the top left at the edge', () => {
    expect(cascade({ x: 100, y: 100, width: 800, height: 600 }, primary)).toEqual({ x: 128, y: 128, width: 800, height: 600 });
    expect(cascade({ x: 1100, y: 450, width: 800, height: 600 }, primary)).toEqual({ x: 28, y: 28, width: 800, height: 600 });
  });
});
