// Writes arguments/export/fonts/source-serif-4.metrics.json: the advance width of every
// character the figure exporter can measure, read with fontkit from the bundled Source Serif 4
// TTFs (regular, italic, bold), and of every character the fallback fonts (Noto Serif, then
// Noto Serif SC for CJK) add to it, as runs of equal widths (CJK ideographs are one em). The exporter measures text from this table alone, so the app
// (in a browser) and the CLI (in Node) wrap text identically; tests/unit/export/metrics.test.ts
// rebuilds the table and fails if the committed file has drifted from the fonts.
//
//   npx tsx scripts/font-metrics.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

export const FONT_STYLES = ['regular', 'italic', 'bold'] as const;
export type FontStyleName = (typeof FONT_STYLES)[number];

/** The bundled TTF of each style, inside node_modules/@expo-google-fonts/source-serif-4/. */
export const FONT_FILES: Record<FontStyleName, string> = {
  regular: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  italic: '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  bold: '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf',
};

/**
 * The blocks measured: Latin (Basic, Latin-1, Extended-A/B, IPA and modifier letters,
 * combining diacritics, Latin Extended Additional), Greek, Cyrillic and its supplement,
 * general punctuation, super/subscripts, currency, letterlike symbols, number forms, arrows,
 * mathematical operators, geometric shapes, dingbats and Latin ligatures. Only characters
 * the font has a glyph for are listed; everything else is measured with a fallback width.
 */
export const MEASURED_RANGES: [number, number][] = [
  [0x0020, 0x007e],
  [0x00a0, 0x024f],
  [0x0250, 0x02ff],
  [0x0300, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x052f],
  [0x1d00, 0x1dbf],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x2070, 0x209f],
  [0x20a0, 0x20cf],
  [0x2100, 0x218f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
  [0x25a0, 0x25ff],
  [0x2600, 0x27bf],
  [0x2e00, 0x2e7f],
  [0xfb00, 0xfb06],
];

/**
 * Widths, in em, for characters the table does not list: most scripts the font lacks are
 * drawn by a fallback font at about this width; East Asian wide characters and emoji at a
 * full em or more. Overestimating only wraps a little early; underestimating would overflow.
 */
export const FALLBACK_EM = { narrow: 0.62, wide: 1.1 } as const;

/**
 * The fallback fonts, in the order a character is looked for after Source Serif 4, with the TTF
 * of each face. Noto Serif SC has no italic: italic CJK is set in its regular face.
 */
export const FALLBACK_FONTS = [
  {
    font: 'Noto Serif',
    faces: {
      regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
      italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
      bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
    },
    styles: { regular: 'regular', italic: 'italic', bold: 'bold' },
  },
  {
    font: 'Noto Serif SC',
    faces: {
      regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
      bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
    },
    styles: { regular: 'regular', italic: 'regular', bold: 'bold' },
  },
] as const satisfies readonly FallbackFontFiles[];

interface FallbackFontFiles {
  font: string;
  /** Face name -> TTF module path. */
  faces: Partial<Record<FontStyleName, string>>;
  /** Which face draws each style. */
  styles: Record<FontStyleName, FontStyleName>;
}

/** A fallback font's table: per face, runs of consecutive code points of one width, [first, count, width in font units]. */
export interface FallbackTable {
  font: string;
  unitsPerEm: number;
  styles: Record<FontStyleName, FontStyleName>;
  faces: Partial<Record<FontStyleName, [number, number, number][]>>;
}

export interface MetricsTable {
  font: string;
  unitsPerEm: number;
  /** hhea ascent and descent (descent negative), in font units. */
  ascent: number;
  descent: number;
  fallbackEm: { narrow: number; wide: number };
  /** Per style: runs of consecutive code points, [first code point, [advance widths in font units]]. */
  styles: Record<FontStyleName, [number, number[]][]>;
  /** Looked in, in this order, for a character Source Serif 4 lacks; only what it adds is listed. */
  fallbacks: FallbackTable[];
}

const require = createRequire(import.meta.url);

export function fontPath(style: FontStyleName): string {
  return require.resolve(FONT_FILES[style]);
}

export function openFont(style: FontStyleName): fontkit.Font {
  const font = fontkit.openSync(fontPath(style));
  if (!('glyphForCodePoint' in font)) throw new Error(`${FONT_FILES[style]} is a font collection, not a font.`);
  return font as fontkit.Font;
}

function openFile(module: string): fontkit.Font {
  const font = fontkit.openSync(require.resolve(module));
  if (!('glyphForCodePoint' in font)) throw new Error(`${module} is a font collection, not a font.`);
  return font as fontkit.Font;
}

/** The TTF file of a fallback face (for renderers that are handed font files). */
export function fallbackFontPath(index: number, face: FontStyleName): string {
  const faces: Partial<Record<FontStyleName, string>> = FALLBACK_FONTS[index]!.faces;
  if (!Object.hasOwn(faces, face)) throw new Error(`${FALLBACK_FONTS[index]!.font} has no ${face} face.`);
  return require.resolve(faces[face]!);
}

/** Characters a table need not list: C0/C1 controls (never drawn), surrogates, private use. */
const unlisted = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xf8ff) || cp >= 0xf0000;

/** Per face, the runs of equal widths of the characters the font has and `covered(style, cp)` says no earlier font does. */
function fallbackTable(files: FallbackFontFiles, covered: (style: FontStyleName, cp: number) => boolean): { table: FallbackTable; fonts: Map<FontStyleName, fontkit.Font> } {
  const fonts = new Map<FontStyleName, fontkit.Font>();
  const faces: FallbackTable['faces'] = {};
  let unitsPerEm = 0;
  for (const face of Object.keys(files.faces) as FontStyleName[]) {
    const font = openFile(files.faces[face]!);
    fonts.set(face, font);
    unitsPerEm ||= font.unitsPerEm;
    if (font.unitsPerEm !== unitsPerEm) throw new Error(`The faces of ${files.font} must share units per em.`);
    // A character is listed for a face unless an earlier font has it in every style this face draws.
    const drawn = FONT_STYLES.filter((s) => files.styles[s] === face);
    const runs: [number, number, number][] = [];
    let last: [number, number, number] | null = null;
    for (const cp of [...new Set(font.characterSet)].sort((a, b) => a - b)) {
      if (unlisted(cp) || drawn.every((s) => covered(s, cp)) || !font.hasGlyphForCodePoint(cp)) continue;
      const width = font.glyphForCodePoint(cp).advanceWidth;
      if (last && last[0] + last[1] === cp && last[2] === width) last[1]++;
      else runs.push((last = [cp, 1, width]));
    }
    faces[face] = runs;
  }
  return { table: { font: files.font, unitsPerEm, styles: { ...files.styles }, faces }, fonts };
}

export function buildMetrics(): MetricsTable {
  const regular = openFont('regular');
  const styles = {} as MetricsTable['styles'];
  for (const style of FONT_STYLES) {
    const font = style === 'regular' ? regular : openFont(style);
    if (font.unitsPerEm !== regular.unitsPerEm) throw new Error('The styles must share units per em.');
    const runs: [number, number[]][] = [];
    let run: [number, number[]] | null = null;
    for (const [first, last] of MEASURED_RANGES)
      for (let cp = first; cp <= last; cp++) {
        if (!font.hasGlyphForCodePoint(cp)) {
          run = null;
          continue;
        }
        const width = font.glyphForCodePoint(cp).advanceWidth;
        if (run && run[0] + run[1].length === cp) run[1].push(width);
        else runs.push((run = [cp, [width]]));
      }
    styles[style] = runs;
  }
  // Covered so far, per style: the primary's table, then each fallback in turn.
  const coverage = new Map<FontStyleName, Set<number>>(FONT_STYLES.map((s) => [s, new Set(styles[s].flatMap(([first, w]) => w.map((_, i) => first + i)))]));
  const fallbacks: FallbackTable[] = [];
  for (const files of FALLBACK_FONTS) {
    const { table } = fallbackTable(files, (s, cp) => coverage.get(s)!.has(cp));
    for (const s of FONT_STYLES) {
      const set = coverage.get(s)!;
      for (const [first, count] of table.faces[files.styles[s]] ?? []) for (let i = 0; i < count; i++) set.add(first + i);
    }
    fallbacks.push(table);
  }
  return {
    font: 'Source Serif 4',
    unitsPerEm: regular.unitsPerEm,
    ascent: regular.ascent,
    descent: regular.descent,
    fallbackEm: { ...FALLBACK_EM },
    styles,
    fallbacks,
  };
}

/** One run per line: small enough to review in a diff, and stable. */
export function formatMetrics(table: MetricsTable): string {
  const lines = ['{'];
  lines.push(`  "font": ${JSON.stringify(table.font)},`);
  lines.push(`  "unitsPerEm": ${table.unitsPerEm},`);
  lines.push(`  "ascent": ${table.ascent},`);
  lines.push(`  "descent": ${table.descent},`);
  lines.push(`  "fallbackEm": ${JSON.stringify(table.fallbackEm)},`);
  lines.push('  "styles": {');
  FONT_STYLES.forEach((style, i) => {
    lines.push(`    "${style}": [`);
    const runs = table.styles[style];
    runs.forEach((r, j) => lines.push(`      ${JSON.stringify(r)}${j < runs.length - 1 ? ',' : ''}`));
    lines.push(`    ]${i < FONT_STYLES.length - 1 ? ',' : ''}`);
  });
  lines.push('  },');
  // Fallback runs many to a line: Noto Serif SC alone has thousands.
  lines.push('  "fallbacks": [');
  table.fallbacks.forEach((fb, i) => {
    lines.push('    {');
    lines.push(`      "font": ${JSON.stringify(fb.font)},`);
    lines.push(`      "unitsPerEm": ${fb.unitsPerEm},`);
    lines.push(`      "styles": ${JSON.stringify(fb.styles)},`);
    lines.push('      "faces": {');
    const faces = Object.entries(fb.faces);
    faces.forEach(([face, runs], j) => {
      lines.push(`        "${face}": [`);
      for (let k = 0; k < runs.length; k += 12) lines.push(`          ${runs.slice(k, k + 12).map((r) => JSON.stringify(r)).join(',')}${k + 12 < runs.length ? ',' : ''}`);
      lines.push(`        ]${j < faces.length - 1 ? ',' : ''}`);
    });
    lines.push('      }');
    lines.push(`    }${i < table.fallbacks.length - 1 ? ',' : ''}`);
  });
  lines.push('  ]', '}');
  return lines.join('\n') + '\n';
}

export const METRICS_FILE = new URL('../arguments/export/fonts/source-serif-4.metrics.json', import.meta.url);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(METRICS_FILE, formatMetrics(buildMetrics()));
  console.log(`wrote ${fileURLToPath(METRICS_FILE)}`);
}
