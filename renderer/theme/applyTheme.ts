// Puts the chosen theme on the page: <html data-theme="system|light|dark">, which the colour
// variables (colours.css) read. "system" follows prefers-color-scheme as it changes; the
// choice made in another window or tab is followed too (the storage event).
import { followStoredTheme, THEME_STORAGE_KEY, themeChoice, themeState, type ThemeChoice } from './themeState';

function apply(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
}

/** Applies the remembered choice now (before the first render) and every later one. */
export function startTheme(): () => void {
  apply(themeChoice());
  const stop = themeState.subscribe((s) => apply(s.choice));
  const onStorage = (e: StorageEvent) => {
    if (e.key === THEME_STORAGE_KEY) followStoredTheme(e.newValue);
  };
  window.addEventListener('storage', onStorage);
  return () => {
    stop();
    window.removeEventListener('storage', onStorage);
  };
}
