// Matching text that differs only in typography: the source stays byte-exact,
// comparisons run on a normalised copy whose offsets map back to the original.

export interface Normalized {
  text: string;
  /** map[i] = index in the original of normalised char i; map[text.length] = original length. */
  map: number[];
}

export interface Word {
  /** The word as written. */
  word: string;
  /** Lowercase, typographic apostrophes and hyphens straightened: what comparisons use. */
  norm: string;
  /** Offsets into the original text, [start, end). */
  start: number;
  end: number;
}

const CHAR_MAP: Record<string, string> = {
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2039': "'", // ‹
  '\u203A': "'", // ›
  '\uFF1A': ':', // fullwidth colon
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-', // horizontal bar
};

// \s covers NBSP, U+3000, U+2000–200A, line/paragraph separators and BOM.
const WHITESPACE = /\s/;

export function normalizeForMatch(text: string): Normalized {
  // Stretches that stay as they are are copied whole (a quote's context is normalised for every
  // candidate place, a source's text once: character-by-character concatenation was most of it).
  let out = '';
  const map: number[] = [];
  let inSpace = false;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII: only tab to carriage return and the space are white, and none is in CHAR_MAP.
    const space = c < 0x80 ? c === 32 || (c >= 9 && c <= 13) : WHITESPACE.test(text[i]!);
    const replaced = !space && c >= 0x80 ? CHAR_MAP[text[i]!] : undefined;
    if (!space && replaced === undefined) {
      inSpace = false;
      map.push(i);
      continue;
    }
    out += text.slice(kept, i);
    kept = i + 1;
    if (space) {
      // A run collapses to one space that stands for the whole run.
      if (!inSpace) {
        out += ' ';
        map.push(i);
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    out += replaced;
    map.push(i);
  }
  out += text.slice(kept);
  map.push(text.length);
  return { text: out, map };
}

// Letters, marks and digits, joined by apostrophes or hyphens inside a word ("Stalin’s", "Sino-U").
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2018\u2019\u02BC\u2010\u2011-][\p{L}\p{M}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const word = m[0];
    out.push({
      word,
      norm: word
        .toLowerCase()
        .replace(/[\u2018\u2019\u02BC]/g, "'")
        .replace(/[\u2010\u2011]/g, '-'),
      start,
      end: start + word.length,
    });
  }
  return out;
}

// Auditing a map checks many quotes against the same few long sources: remember the
// last few results so a 1 MB source is normalised and tokenised once, not per quote.
const CACHE_SIZE = 4;

function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      // Re-insert so the Map's insertion order works as an LRU.
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const value = fn(text);
    cache.set(text, value);
    if (cache.size > CACHE_SIZE) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return value;
  };
}

/** normalizeForMatch, memoised for long sources; the result is shared, do not mutate it. */
export const normalizeCached: (text: string) => Readonly<Normalized> = memo(normalizeForMatch);

/** words, memoised for long sources; the result is shared, do not mutate it. */
export const wordsCached: (text: string) => readonly Word[] = memo(words);

/** Original [start, end) of the normalised range [nStart, nEnd). */
export function toOriginal(n: Readonly<Normalized>, nStart: number, nEnd: number): { start: number; end: number } {
  // map[nEnd] is where the next normalised char begins, so a trailing collapsed
  // whitespace run is covered whole.
  return { start: n.map[nStart] ?? 0, end: n.map[nEnd] ?? 0 };
}
