// The size of a node's card on the canvas before the canvas has measured it: its text wrapped
// with the exporter's font metrics into the card's width, at the card's type sizes. The card
// sets its statement, title and quote in the same bundled Source Serif 4 the metrics describe,
// so the estimate holds on every platform. Used to
// place new nodes in free space and to lay out the shipped map; once the canvas has measured a
// card, its measured size is used instead. renderer/canvas/canvas.css draws the card with these
// numbers (keep them together).
import { shortAttribution } from '../cite/attribution';
import { locatorFor } from '../cite/locator';
import { measure } from '../export/metrics';
import { wrapCitation, wrapText } from '../export/wrap';
import { NODE_KIND_LABELS, type ArgNode, type ArgumentMap } from '../model';
import type { Size } from './layered';

/** The card: 260 px wide, body text 13 px on 1.35 lines, 8/10 px padding, up to 7 lines of text and 5 of quote. */
export const CARD = {
  width: 260,
  bodyPx: 13,
  lineHeight: 1.35,
  padX: 10,
  padTop: 8,
  padBottom: 10,
  border: 2,
  /** The head: kind label (11 px bold capitals), title (13 px bold), voice badge (11 px), in flex rows 6 px apart. */
  headRow: 17.55,
  headRowGap: 6,
  headGap: 4,
  textLines: 7,
  quoteLines: 5,
  quoteGap: 6,
  /** The quoted source's short citation under a quote: 11.5 px on 1.3, 3 px below it. */
  attributionPx: 11.5,
  attributionGap: 3,
  /** A card whose text is still to be written is given room for a few lines, to stay clear of its neighbours as it grows. */
  minHeight: 110,
} as const;

/** The line width the text wraps to: the card's, less padding, borders and the evidence's thicker left border. */
const inner = CARD.width - 2 * (CARD.padX + CARD.border) - 6;

/** A quote is indented by its bar: 3 px of border and 8 of padding. */
const QUOTE_INDENT = 11;

const lines = (text: string, style: 'regular' | 'italic', width: number) => (text.trim() === '' ? 1 : wrapText(text, style, CARD.bodyPx, width).length);

/**
 * Rows of the head, a flex row that wraps: kind label, title, voice badge side by side while
 * they fit; a title too long for a row starts its own and, wrapped, fills its rows whole.
 */
function headHeight(node: ArgNode): number {
  const label = NODE_KIND_LABELS[node.kind].toUpperCase();
  const pieces: { width: number; rows: number }[] = [{ width: measure(`◆ ${label}`, 'bold', 11) + label.length * 0.44, rows: 1 }];
  if (node.title) {
    const wrapped = wrapText(node.title, 'bold', 13, inner);
    pieces.push(wrapped.length > 1 ? { width: inner, rows: wrapped.length } : { width: wrapped[0]!.width, rows: 1 });
  }
  if (node.voice) pieces.push({ width: measure(node.voice, 'regular', 11) + 16, rows: 1 });
  let rows = 1;
  let flexRows = 1;
  let used = 0;
  for (const p of pieces) {
    if (used > 0 && used + 6 + p.width > inner) {
      rows += p.rows;
      flexRows++;
      used = p.width;
    } else {
      rows += p.rows - 1;
      used += (used > 0 ? 6 : 0) + p.width;
    }
  }
  return rows * CARD.headRow + (flexRows - 1) * CARD.headRowGap;
}

/** Lines of the short citation under a quote; two when its source is not known. */
function attributionLines(node: ArgNode, sources?: ArgumentMap['sources']): number {
  const quote = node.quote!;
  if (!sources || !Object.hasOwn(sources, quote.source)) return 2;
  const source = sources[quote.source]!;
  return wrapCitation(`— ${shortAttribution(source, locatorFor(source, quote))}`, 'regular', CARD.attributionPx, inner - QUOTE_INDENT).length;
}

/** The card's estimated size (a card still to be written at least CARD.minHeight tall); `sources` give its quote's citation. */
export function estimateCardSize(node: ArgNode, sources?: ArgumentMap['sources']): Size {
  const line = CARD.bodyPx * CARD.lineHeight;
  // A thesis is framed by a 4 px double border.
  let height = (node.kind === 'thesis' ? 4 : CARD.border) * 2 + CARD.padTop + CARD.padBottom + headHeight(node) + CARD.headGap + line * Math.min(CARD.textLines, lines(node.text, 'regular', inner));
  if (node.quote)
    height +=
      CARD.quoteGap +
      line * Math.min(CARD.quoteLines, lines(`“${node.quote.exact}”`, 'italic', inner - QUOTE_INDENT)) +
      CARD.attributionGap +
      attributionLines(node, sources) * CARD.attributionPx * 1.3;
  return { width: CARD.width, height: Math.ceil(node.text.trim() === '' ? Math.max(CARD.minHeight, height) : height) };
}
