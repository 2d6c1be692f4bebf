// The theme choice: System, Light or Dark, remembered across sessions, followed across windows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { THEME_CHOICE_LABELS } from '../../../../renderer/theme/choices';
import { followStoredTheme, setThemeChoice, storedThemeChoice, THEME_CHOICES, THEME_STORAGE_KEY, themeChoice, themeState, type ThemeChoice } from '../../../../renderer/theme/themeState';

let stored: Map<string, string>;
beforeEach(() => {
  stored = new Map();
  vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) });
  themeState.setState({ choice: 'system' });
});
afterEach(() => vi.unstubAllGlobals());

describe('the theme choice', () => {
  it('offers System, Light and Dark, in that order', () => {
    expect(THEME_CHOICES.map((c) => THEME_CHOICE_LABELS[c])).toEqual(['System', 'Light', 'Dark']);
  });

  it('is the system’s until something is chosen, and what was chosen last time after', () => {
    expect(storedThemeChoice()).toBe('system');
    setThemeChoice('dark');
    expect(themeChoice()).toBe('dark');
    expect(stored.get(THEME_STORAGE_KEY)).toBe('dark');
    // The next session reads it back.
    expect(storedThemeChoice()).toBe('dark');
    setThemeChoice('light');
    expect(storedThemeChoice()).toBe('light');
  });

  it('reads anything else stored as the system’s theme', () => {
    for (const junk of ['Dark', 'sepia', '', '"dark"', 'toString']) {
      stored.set(THEME_STORAGE_KEY, junk);
      expect(storedThemeChoice(), junk).toBe('system');
    }
  });

  it('refuses what is not a choice, in words, changing nothing', () => {
    setThemeChoice('light');
    expect(() => setThemeChoice('sepia' as ThemeChoice)).toThrow('“sepia” is not a theme; choose system, light, dark.');
    expect(themeChoice()).toBe('light');
    expect(stored.get(THEME_STORAGE_KEY)).toBe('light');
  });

  it('holds for the session when storage is refused', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => setThemeChoice('dark')).not.toThrow();
    expect(themeChoice()).toBe('dark');
    expect(storedThemeChoice()).toBe('system');
  });

  it('follows a choice made in another window, and tells its listeners once', () => {
    const seen: ThemeChoice[] = [];
    const stop = themeState.subscribe((s) => seen.push(s.choice));
    followStoredTheme('dark');
    followStoredTheme('dark');
    followStoredTheme(null); // the other window's storage was cleared
    followStoredTheme('nonsense');
    stop();
    expect(seen).toEqual(['dark', 'system']);
  });
});
