// The options every document window is created with, and its title: pure functions, so the
// unit tests assert each security setting. windows.ts creates the BrowserWindows.
import type { BrowserWindowConstructorOptions } from 'electron';

export const PRODUCT_NAME = 'Argument Atlas';
export const MIN_WIDTH = 760;
export const MIN_HEIGHT = 480;
/** The renderer's --aa-bg, so the window does not flash white before the page paints. */
export const BACKGROUND_COLOR = '#f6f7f9';

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowOptionsInput {
  preloadPath: string;
  bounds: Bounds;
  platform: NodeJS.Platform;
  /** Packaged builds have no developer tools. */
  packaged: boolean;
  /** The window icon (Linux and Windows; macOS takes the app bundle's). */
  iconPath?: string;
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown once the page has painted (ready-to-show), so it never appears blank.
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: BACKGROUND_COLOR,
    ...(input.iconPath && input.platform !== 'darwin' ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      // The security checklist: the page has no Node, runs in Chromium's sandbox, and talks
      // to the shell only through the preload's named functions in an isolated world.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      plugins: false,
      enableWebSQL: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      // A file dropped outside the page's drop zone must not replace the app.
      navigateOnDragDrop: false,
      // A page cannot flood the user with alert() loops.
      safeDialogs: true,
      autoplayPolicy: 'document-user-activation-required',
      devTools: !input.packaged,
      // Chromium downloads spelling dictionaries on Windows and Linux; the app makes no requests.
      // macOS uses the system's spell checker, which needs no download.
      spellcheck: input.platform === 'darwin',
    },
  };
}

/** "letter.argmap.json — Argument Atlas"; "• " in front when unsaved, except on macOS, which marks the close button (setDocumentEdited). */
export function windowTitle(doc: { name: string; dirty: boolean }, platform: NodeJS.Platform): string {
  const marker = doc.dirty && platform !== 'darwin' ? '• ' : '';
  return `${marker}${doc.name} — ${PRODUCT_NAME}`;
}

/** Control and bidirectional-override characters: never shown, never in a suggested file name. */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from the renderer shown by the shell (title, dialogs): no control or bidirectional-override characters, bounded. */
export function displayName(raw: string): string {
  const clean = raw.replace(UNSHOWABLE, '').trim();
  return (clean || 'Untitled.argmap.json').slice(0, 255);
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface ClosePrompt {
  type: 'warning';
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
  /** What each button means, by index. */
  choices: CloseChoice[];
}

/**
 * Save / Don't Save / Cancel when a window with unsaved changes closes or the app quits,
 * in each platform's order: Windows and Linux read left to right (Save first); macOS puts
 * the first button on the right, so Save (the default) ends up rightmost and Don't Save left.
 */
export function closePrompt(name: string, platform: NodeJS.Platform): ClosePrompt {
  const choices: CloseChoice[] = platform === 'darwin' ? ['save', 'cancel', 'discard'] : ['save', 'discard', 'cancel'];
  const label: Record<CloseChoice, string> = { save: 'Save', discard: "Don't Save", cancel: 'Cancel' };
  return {
    type: 'warning',
    message: `Do you want to save the changes you made to “${displayName(name)}”?`,
    detail: "Your changes will be lost if you don't save them.",
    buttons: choices.map((c) => label[c]),
    defaultId: choices.indexOf('save'),
    cancelId: choices.indexOf('cancel'),
    noLink: true,
    choices,
  };
}

export function closeChoice(prompt: ClosePrompt, response: number): CloseChoice {
  return prompt.choices[response] ?? 'cancel';
}

/**
 * The file name the Save dialog suggests, from the renderer's suggestion: a name only (no
 * folders, no characters Windows refuses), ending in .argmap.json. It is only a suggestion:
 * the path written is the one the user confirms in the dialog.
 */
export function safeFileName(suggested: string): string {
  let name = displayName(suggested)
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/^[.\s-]+/, '')
    .trim();
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = `map-${name}`;
  if (!name.toLowerCase().endsWith('.argmap.json')) name = `${name.replace(/\.json$/i, '') || 'untitled-map'}.argmap.json`;
  return name.slice(-200);
}

/**
 * The name the export Save dialog suggests (a figure, a bibliography): the last part of the renderer's suggestion (any
 * folder, drive or parent part stripped), cleaned as safeFileName does, ending in `.ext`.
 * Only a suggestion: the path written is the one the user confirms in the dialog.
 */
export function safeExportName(suggested: string, ext: string): string {
  let name = (suggested.split(/[/\\:]/).pop() ?? '')
    .replace(UNSHOWABLE, '')
    .replace(/[*?"<>|]/g, '-')
    .replace(/^[.\s-]+/, '')
    .trim();
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = `figure-${name}`;
  const suffix = `.${ext}`;
  if (!name.toLowerCase().endsWith(suffix) || name.length === suffix.length) name = `${name || 'argument-map'}${suffix}`;
  return name.length > 200 ? name.slice(0, 200 - suffix.length) + suffix : name;
}
