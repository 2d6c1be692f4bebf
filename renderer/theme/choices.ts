// The colour themes the historian can choose: the system's (light or dark, as the operating
// system says), or always light, or always dark. Plain constants: the desktop shell's menu
// and IPC checks import them too.

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** As the View menu and the title bar's Theme name them. */
export const THEME_CHOICE_LABELS = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
} as const satisfies Record<ThemeChoice, string>;

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}
