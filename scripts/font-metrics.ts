// Writes arguments/export/fonts/source-serif-4.metrics.json: the advance width of every
// character the figure exporter can measure, read with fontkit from the bundled Source Serif 4
// TTFs (regular, italic, bold). The exporter measures text from this table alone, so the app
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

export interface MetricsTable {
  font: string;
  unitsPerEm: number;
  /** hhea ascent and descent (descent negative), in font units. */
  ascent: number;
  descent: number;
  fallbackEm: { narrow: number; wide: number };
  /** Per style: runs of consecutive code points, [first code point, [advance widths in font units]]. */
  styles: Record<FontStyleName, [number, number[]][]>;
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
  return {
    font: 'Source Serif 4',
    unitsPerEm: regular.unitsPerEm,
    ascent: regular.ascent,
    descent: regular.descent,
    fallbackEm: { ...FALLBACK_EM },
    styles,
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
  lines.push('  }', '}');
  return lines.join('\n') + '\n';
}

export const METRICS_FILE = new URL('../arguments/export/fonts/source-serif-4.metrics.json', import.meta.url);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(METRICS_FILE, formatMetrics(buildMetrics()));
  console.log(`wrote ${fileURLToPath(METRICS_FILE)}`);
}
