// Copying a citation: the plain text everywhere, and citeproc's HTML (user text escaped by
// it) as a second, text/html flavour where the clipboard takes one, so a word processor keeps
// the italics. The HTML goes only to the clipboard, never into the page.
export interface Copyable {
  plain: string;
  html?: string;
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const before = document.activeElement;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    area.remove();
    if (before instanceof HTMLElement) before.focus();
  }
  return ok;
}

/** Puts the text (and its HTML) on the system clipboard; throws an Error worded for the user when it cannot. */
export async function copyToClipboard({ plain, html }: Copyable): Promise<void> {
  const clip = navigator.clipboard as Clipboard | undefined;
  if (html && clip && typeof clip.write === 'function' && typeof ClipboardItem !== 'undefined') {
    try {
      await clip.write([new ClipboardItem({ 'text/plain': new Blob([plain], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })]);
      return;
    } catch {
      // Some hosts refuse the HTML flavour: the plain text still goes.
    }
  }
  if (clip && typeof clip.writeText === 'function') {
    try {
      await clip.writeText(plain);
      return;
    } catch {
      // Fall back to a selection below.
    }
  }
  if (!copyWithSelection(plain)) throw new Error('The clipboard could not be reached: select the text and copy it with Ctrl+C.');
}
