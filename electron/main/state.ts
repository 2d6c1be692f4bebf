// Window size and position, remembered in the app's data folder (window-state.json) and
// restored onto a display that still exists. Pure Node: the displays' work areas are
// handed in by windows.ts (Electron's `screen`).
import { promises as fsp } from 'node:fs';
import { basename, dirname } from 'node:path';
import { writeFileAtomic } from './fileService';
import { removeStaleTemps } from './tempFiles';
import { MIN_HEIGHT, MIN_WIDTH, type Bounds } from './window';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export interface Placement {
  bounds: Bounds;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
/** How much of a window's top edge (its title bar) must be on a display for the saved position to be kept. */
const GRIP = { width: 120, height: 32 };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 100_000;

export function parseWindowState(value: unknown): SavedWindowState | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (!isInt(v.x) || !isInt(v.y) || !isInt(v.width) || !isInt(v.height) || v.width <= 0 || v.height <= 0) return null;
  return { x: Math.round(v.x), y: Math.round(v.y), width: Math.round(v.width), height: Math.round(v.height), maximized: v.maximized === true, fullScreen: v.fullScreen === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

const clampSize = (w: number, h: number, area: Rect) => ({
  width: Math.max(MIN_WIDTH, Math.min(w, area.width)),
  height: Math.max(MIN_HEIGHT, Math.min(h, area.height)),
});

/**
 * Where a window opens: at its saved bounds when its title bar is on a display that still
 * exists (a monitor may have been unplugged), sized to fit that display; else centred on
 * the primary display (no x/y: Electron centres it).
 */
export function placeWindow(saved: SavedWindowState | null, workAreas: readonly Rect[], primary: Rect): Placement {
  if (!saved) return { bounds: clampSize(DEFAULT_SIZE.width, DEFAULT_SIZE.height, primary), maximized: false, fullScreen: false };
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: GRIP.height };
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(GRIP.width, saved.width) && o.height >= GRIP.height / 2;
  });
  if (!home) return { bounds: clampSize(saved.width, saved.height, primary), maximized: saved.maximized, fullScreen: false };
  const size = clampSize(saved.width, saved.height, home);
  // Keep it inside the display it is on.
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - size.width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - size.height);
  return { bounds: { x, y, ...size }, maximized: saved.maximized, fullScreen: saved.fullScreen };
}

/** A further window opens down and to the right of the one in front, back at the top left when it would leave the display. */
export function cascade(from: Rect, area: Rect, step = 28): Bounds {
  const size = clampSize(from.width, from.height, area);
  let x = from.x + step;
  let y = from.y + step;
  if (x + size.width > area.x + area.width || y + size.height > area.y + area.height) {
    x = area.x + step;
    y = area.y + step;
  }
  return { x, y, ...size };
}

export class WindowStateStore {
  constructor(private readonly path: string) {}

  async load(): Promise<SavedWindowState | null> {
    // Loaded once, at start, before any window is placed: a temporary file of it is a killed save's.
    const own = basename(this.path);
    await removeStaleTemps(dirname(this.path), { of: (n) => n === own, olderThanMs: 0 });
    try {
      return parseWindowState(JSON.parse(await fsp.readFile(this.path, 'utf8')));
    } catch {
      return null;
    }
  }

  async save(state: SavedWindowState): Promise<void> {
    try {
      await fsp.mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, JSON.stringify(state) + '\n', { durable: false, links: 'replace' });
    } catch (err) {
      console.warn('Argument Atlas could not remember the window position:', err);
    }
  }
}
