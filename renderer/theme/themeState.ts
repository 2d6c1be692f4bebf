// The colour theme the historian chose (choices.ts), remembered across sessions in
// localStorage and followed by every window of the app (the storage event). No DOM types: the
// host commands and their Node tests import it; applyTheme.ts puts the choice on the page.
import { createStore, useStore } from 'zustand';
import { isThemeChoice, THEME_CHOICES, type ThemeChoice } from './choices';

export { isThemeChoice, THEME_CHOICE_LABELS, THEME_CHOICES, type ThemeChoice } from './choices';

export const THEME_STORAGE_KEY = 'argument-atlas.theme';
const DEFAULT_CHOICE: ThemeChoice = 'system';

/** localStorage where there is one (typed without the DOM library). */
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

/** What was chosen last time; the system's theme when nothing (or something unknown) was stored. */
export function storedThemeChoice(): ThemeChoice {
  try {
    const saved = storage()?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(saved) ? saved : DEFAULT_CHOICE;
  } catch {
    return DEFAULT_CHOICE;
  }
}

interface ThemeState {
  choice: ThemeChoice;
}

export const themeState = createStore<ThemeState>(() => ({ choice: storedThemeChoice() }));
export const useThemeChoice = (): ThemeChoice => useStore(themeState, (s) => s.choice);
export const themeChoice = (): ThemeChoice => themeState.getState().choice;

/** Chooses the theme and remembers it. Anything but a theme choice is refused in words. */
export function setThemeChoice(choice: ThemeChoice): void {
  if (!isThemeChoice(choice)) throw new Error(`“${String(choice)}” is not a theme; choose ${THEME_CHOICES.join(', ')}.`);
  themeState.setState({ choice });
  try {
    storage()?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    /* storage may be unavailable: the choice holds for this session */
  }
}

/** Another window or tab stored a choice (the storage event's new value): this one follows it. */
export function followStoredTheme(value: string | null): void {
  const choice = isThemeChoice(value) ? value : DEFAULT_CHOICE;
  if (choice !== themeChoice()) themeState.setState({ choice });
}
