// The toolbar's theme choice (View): System follows the operating system's light or dark
// setting; Light and Dark fix it. The desktop shell's View > Theme menu makes the same choice.
import { setThemeChoice, THEME_CHOICE_LABELS, THEME_CHOICES, isThemeChoice, useThemeChoice } from './themeState';

export function ThemeChoice() {
  const choice = useThemeChoice();
  return (
    <label className="aa-theme-choice" title="Colour theme: the system's, or always light or dark">
      Theme
      <select value={choice} onChange={(e) => isThemeChoice(e.target.value) && setThemeChoice(e.target.value)}>
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {THEME_CHOICE_LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
