// The bundled Source Serif 4 TTFs as the app serves them (same origin: the app makes no request
// outside it): bytes for PDFKit, and @font-face rules with data: URLs for copies of a figure
// drawn as an image (an SVG image cannot load the page's fonts, but may carry its own).
import type { FontBytes } from '../../arguments/export/pdf';
import { FONT_FAMILY, type FontStyle } from '../../arguments/export/metrics';
import regularUrl from '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf?url';
import italicUrl from '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf?url';
import boldUrl from '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf?url';

export const FONT_URLS: Record<FontStyle, string> = { regular: regularUrl, italic: italicUrl, bold: boldUrl };

let bytes: Promise<FontBytes> | null = null;

/** The three TTFs, fetched once. */
export function fontBytes(): Promise<FontBytes> {
  bytes ??= (async () => {
    const load = async (style: FontStyle) => {
      const res = await fetch(FONT_URLS[style]);
      if (!res.ok) throw new Error(`The figure font (${style}) could not be loaded (${res.status}).`);
      return new Uint8Array(await res.arrayBuffer());
    };
    const [regular, italic, bold] = await Promise.all([load('regular'), load('italic'), load('bold')]);
    return { regular, italic, bold };
  })().catch((err: unknown) => {
    bytes = null; // try again next time
    throw err;
  });
  return bytes;
}

function base64(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(s);
}

let css: Promise<string> | null = null;

/** @font-face rules for the three styles, fonts inline. */
export function inlineFontFaceCss(): Promise<string> {
  css ??= fontBytes().then((f) =>
    (
      [
        ['regular', 'normal', 400],
        ['italic', 'italic', 400],
        ['bold', 'normal', 700],
      ] as const
    )
      .map(([style, slant, weight]) => `@font-face{font-family:'${FONT_FAMILY}';font-style:${slant};font-weight:${weight};src:url(data:font/ttf;base64,${base64(f[style])}) format('truetype');}`)
      .join(''),
  );
  css.catch(() => (css = null));
  return css;
}
