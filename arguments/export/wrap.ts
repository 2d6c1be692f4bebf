// Line breaking by measured width. Lines break at spaces, and after a hyphen, dash or slash
// inside a word; a word wider than the line on its own is broken between characters (never
// inside a surrogate pair or before a combining mark). Line feeds start a new paragraph.
// Runs of spaces count as one, as SVG draws them (xml:space="default").
import { clusters, measure, type FontStyle } from './metrics';
import { displayText } from './xml';

export interface Line {
  text: string;
  /** Measured width in px. */
  width: number;
}

interface Token {
  text: string;
  /** A space separates it from the token before (on the same line). */
  space: boolean;
}

const SOFT_BREAK_AFTER = /(?<=[\p{L}\p{N}][\-\u2010\u2012\u2013\u2014/])(?=[\p{L}\p{N}])/u;

function tokens(paragraph: string): Token[] {
  const out: Token[] = [];
  for (const word of paragraph.split(' ')) {
    if (word === '') continue;
    word.split(SOFT_BREAK_AFTER).forEach((part, i) => out.push({ text: part, space: i === 0 && out.length > 0 }));
  }
  return out;
}

/** Splits a token wider than `max` into pieces that fit, the last piece possibly short. */
function breakWord(text: string, style: FontStyle, size: number, max: number): Line[] {
  const pieces: Line[] = [];
  let piece = '';
  let width = 0;
  // By clusters: a combining mark stays with the character before it (and in its font).
  for (const c of clusters(text, style)) {
    const w = c.em * size;
    if (piece !== '' && w > 0 && width + w > max) {
      pieces.push({ text: piece, width });
      piece = '';
      width = 0;
    }
    piece += c.text;
    width += w;
  }
  if (piece !== '') pieces.push({ text: piece, width });
  return pieces;
}

/** Wraps `text` into lines no wider than `max` px (but for a single character wider than `max`). */
export function wrapText(text: string, style: FontStyle, size: number, max: number): Line[] {
  const lines: Line[] = [];
  const space = measure(' ', style, size);
  for (const raw of displayText(text).split('\n')) {
    const paragraph = raw.replace(/ +/g, ' ').trim();
    let line = '';
    let width = 0;
    for (const token of tokens(paragraph)) {
      const w = measure(token.text, style, size);
      const gap = token.space && line !== '' ? space : 0;
      if (line !== '' && width + gap + w <= max) {
        line += (gap ? ' ' : '') + token.text;
        width += gap + w;
        continue;
      }
      if (line !== '') lines.push({ text: line, width });
      if (w <= max) {
        line = token.text;
        width = w;
        continue;
      }
      const pieces = breakWord(token.text, style, size, max);
      const last = pieces.pop()!;
      lines.push(...pieces);
      line = last.text;
      width = last.width;
    }
    lines.push({ text: line, width });
  }
  // Trailing empty paragraphs add nothing to a figure.
  while (lines.length > 1 && lines[lines.length - 1]!.text === '') lines.pop();
  return lines;
}

/**
 * A short citation wrapped at its commas where it can, so "27 Aug 1950" and "RGASPI 558/11/62"
 * stay whole on a line; a part wider than the line on its own is wrapped as any text.
 */
export function wrapCitation(text: string, style: FontStyle, size: number, max: number): Line[] {
  const parts = displayText(text).replace(/\s+/g, ' ').trim().split(', ');
  const lines: Line[] = [];
  let line = '';
  parts.forEach((part, i) => {
    const piece = i < parts.length - 1 ? `${part},` : part;
    const joined = line ? `${line} ${piece}` : piece;
    if (measure(joined, style, size) <= max) return void (line = joined);
    if (line) lines.push({ text: line, width: measure(line, style, size) });
    if (measure(piece, style, size) <= max) return void (line = piece);
    const wrapped = wrapText(piece, style, size, max);
    lines.push(...wrapped.slice(0, -1));
    line = wrapped[wrapped.length - 1]!.text;
  });
  lines.push({ text: line, width: measure(line, style, size) });
  return lines;
}
