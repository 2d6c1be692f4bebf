// The bundled figure fonts as the app serves them (same origin: the app makes no request
// outside it): bytes for PDFKit, and @font-face rules with data: URLs for copies of a figure
// drawn as an image (an SVG image cannot load the page's fonts, but may carry its own).
// Source Serif 4 always; the fallback faces (Noto Serif, Noto Serif SC) only when a figure's
// text uses them (glyphs.ts facesUsed): the CJK faces are 14.8 MB each, fetched on first need.
import type { FontFaceUse } from '../../arguments/export/glyphs';
import { FONT_FAMILY, type FontStyle } from '../../arguments/export/metrics';
import { fallbackFacesOf, type FallbackFontBytes, type FontBytes } from '../../arguments/export/pdf';
import regularUrl from '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf?url';
import italicUrl from '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf?url';
import boldUrl from '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf?url';
import notoRegularUrl from '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf?url';
import notoItalicUrl from '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf?url';
import notoBoldUrl from '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf?url';
import scRegularUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import scBoldUrl from '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf?url';

export const FONT_URLS: Record<FontStyle, string> = { regular: regularUrl, italic: italicUrl, bold: boldUrl };

/** The fallback faces' URLs (Noto Serif SC has no italic: its regular draws italic CJK). */
export const FALLBACK_FONT_URLS = {
  'Noto Serif': { regular: notoRegularUrl, italic: notoItalicUrl, bold: notoBoldUrl },
  'Noto Serif SC': { regular: scRegularUrl, bold: scBoldUrl },
} as const satisfies Record<keyof FallbackFontBytes, Partial<Record<FontStyle, string>>>;

const files = new Map<string, Promise<Uint8Array>>();

/** One font file, fetched once (a failure is forgotten, so the next export tries again). */
function fetchFont(url: string, what: string): Promise<Uint8Array> {
  let p = files.get(url);
  if (!p) {
    p = (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`The figure font (${what}) could not be loaded (${res.status}).`);
      return new Uint8Array(await res.arrayBuffer());
    })();
    p.catch(() => files.delete(url));
    files.set(url, p);
  }
  return p;
}

/** The three Source Serif 4 TTFs, fetched once. */
export async function fontBytes(): Promise<FontBytes> {
  const [regular, italic, bold] = await Promise.all((['regular', 'italic', 'bold'] as const).map((s) => fetchFont(FONT_URLS[s], `${FONT_FAMILY} ${s}`)));
  return { regular: regular!, italic: italic!, bold: bold! };
}

const fallbackUrl = (use: { font: keyof FallbackFontBytes; face: FontStyle }): string => {
  const faces: Partial<Record<FontStyle, string>> = FALLBACK_FONT_URLS[use.font];
  if (!Object.hasOwn(faces, use.face)) throw new Error(`${use.font} has no ${use.face} face.`);
  return faces[use.face]!;
};

/** The fallback faces a figure uses (facesUsed of its layout), and only those. */
export async function fallbackFontBytes(used: readonly FontFaceUse[]): Promise<FallbackFontBytes> {
  const out: FallbackFontBytes = {};
  await Promise.all(
    fallbackFacesOf(used).map(async (use) => {
      const bytes = await fetchFont(fallbackUrl(use), `${use.font} ${use.face}`);
      (out[use.font] ??= {})[use.face] = bytes;
    }),
  );
  return out;
}

function base64(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(s);
}

const SLANT_WEIGHT: Record<FontStyle, [string, number]> = { regular: ['normal', 400], italic: ['italic', 400], bold: ['normal', 700] };
const rule = (family: string, face: FontStyle, data: Uint8Array) =>
  `@font-face{font-family:'${family}';font-style:${SLANT_WEIGHT[face][0]};font-weight:${SLANT_WEIGHT[face][1]};src:url(data:font/ttf;base64,${base64(data)}) format('truetype');}`;

const rules = new Map<string, Promise<string>>();

/** A face's @font-face rule, font inline, made once. */
function faceRule(key: string, family: string, face: FontStyle, bytes: () => Promise<Uint8Array>): Promise<string> {
  let p = rules.get(key);
  if (!p) {
    p = bytes().then((data) => rule(family, face, data));
    p.catch(() => rules.delete(key));
    rules.set(key, p);
  }
  return p;
}

/** @font-face rules for Source Serif 4 and the fallback faces in `used`, fonts inline. */
export async function inlineFontFaceCss(used: readonly FontFaceUse[] = []): Promise<string> {
  const primary = (['regular', 'italic', 'bold'] as const).map((s) => faceRule(`${FONT_FAMILY}/${s}`, FONT_FAMILY, s, () => fetchFont(FONT_URLS[s], `${FONT_FAMILY} ${s}`)));
  const fallbacks = fallbackFacesOf(used).map((u) => faceRule(`${u.font}/${u.face}`, u.font, u.face, () => fetchFont(fallbackUrl(u), `${u.font} ${u.face}`)));
  return (await Promise.all([...primary, ...fallbacks])).join('');
}
