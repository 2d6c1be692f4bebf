// Zoomed far out, a card's title is set large enough to read, but never so large that a word must
// be broken in two ("Objec / tion" reads as two words). The canvas's sans is the system's
// (system-ui), so its widths are not known here: these are typical bold sans widths in em
// (DejaVu Sans Bold's, rounded), by class of character. canvas.css sets the type no larger than
// the card's inner width over the widest early word (--aa-far-em); where a face is wider than
// this, the word's last letters are cut at the card's edge, never moved to the next line.

const NARROW = /[ijlI.,:;'’!|]/;
const HALF = /[frt()[\]{}"“”\-‐–]/;
const WIDE = /[mwMW@%—…]/;
const CAPITAL = /\p{Lu}/u;

/** A character's width in em (bold sans, typical). */
function charEm(ch: string): number {
  if (NARROW.test(ch)) return 0.36;
  if (HALF.test(ch)) return 0.48;
  if (WIDE.test(ch)) return 1.0;
  if (CAPITAL.test(ch)) return 0.78;
  return 0.68;
}

function wordEm(word: string): number {
  let em = 0;
  for (const ch of word) em += charEm(ch);
  return em;
}

/** The kind's glyph (◆ ■ “ ×…) before the first word, on its line. */
const GLYPH_EM = 0.8;

/**
 * The width in em of the widest word among the title's first few (the line clamp shows about
 * three lines), the first word counted with the glyph before it; at least 1.
 */
export function farTitleEm(title: string): number {
  const words = title.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  let widest = GLYPH_EM + wordEm(words[0] ?? '');
  for (const w of words.slice(1)) widest = Math.max(widest, wordEm(w));
  return Math.max(1, Math.round(widest * 100) / 100);
}
