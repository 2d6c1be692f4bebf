// The caption's list of sources: the full citation of every source quoted in the figure, in
// the order the figure's reader first meets its quote (rows top to bottom, each left to
// right), wrapped to the figure's width with a hanging indent. The citations are the app's
// own Chicago bibliography entries (the CSL processor of cite/processor.ts, as the outline's
// bibliography), handed in already formatted: there is one citation formatter, not two.
import { toCsl } from '../cite/csl';
import type { CiteProcessor } from '../cite/processor';
import type { ArgumentMap, Id } from '../model';
import { block, type NodeBox, type TextBlock } from './layout';
import type { Theme } from './themes';
import { wrapText } from './wrap';

/** The heading line of the list. */
export const CITATIONS_HEADING = 'Sources quoted';

/** The sources quoted by these nodes that are in the map, each once (in the nodes' order). */
export function quotedSources(map: ArgumentMap, nodes: Iterable<Id>): Id[] {
  const out = new Set<Id>();
  for (const id of nodes) {
    if (!Object.hasOwn(map.nodes, id)) continue;
    const q = map.nodes[id]!.quote;
    if (q && Object.hasOwn(map.sources, q.source)) out.add(q.source);
  }
  return [...out];
}

/**
 * The full citation of each source, as the CSL processor's Chicago bibliography writes it
 * (plain text), keyed by source id.
 */
export function fullCitations(map: ArgumentMap, sources: readonly Id[], processor: Pick<CiteProcessor, 'bibliography'>): Map<Id, string> {
  // One item at a time: in a list of several, Chicago writes "———." for an author repeated from
  // the entry before, and this list is in the order quoted, not the bibliography's.
  const out = new Map<Id, string>();
  for (const id of sources) {
    if (!Object.hasOwn(map.sources, id) || out.has(id)) continue;
    const [entry] = processor.bibliography([toCsl(map.sources[id]!)]);
    if (entry) out.set(id, entry.plain.replace(/\s+/g, ' ').trim());
  }
  return out;
}

/** The laid-out nodes in reading order: by row (tops within half a line of each other), then left to right. */
export function readingOrder(nodes: readonly NodeBox[]): NodeBox[] {
  return [...nodes].sort((a, b) => (Math.abs(a.y - b.y) > 8 ? a.y - b.y : a.x - b.x) || (a.id < b.id ? -1 : 1));
}

/**
 * The heading and one block per citation, first-quoted first, from `top` at `left`, no wider
 * than `width`; with the height they take and the widest line. Citations of sources no node
 * in the figure quotes are left out.
 */
export function citationBlocks(
  map: ArgumentMap,
  nodes: readonly NodeBox[],
  citations: ReadonlyMap<Id, string>,
  left: number,
  top: number,
  width: number,
  theme: Theme,
): { blocks: TextBlock[]; height: number; widest: number } {
  const order = quotedSources(map, readingOrder(nodes).map((n) => n.id)).filter((id) => citations.has(id) && citations.get(id)!.trim() !== '');
  if (order.length === 0) return { blocks: [], height: 0, widest: 0 };
  const size = theme.size.legend;
  const lh = theme.lineHeight;
  const indent = size * 1.5;
  const blocks: TextBlock[] = [];
  let y = top;
  const heading = wrapText(CITATIONS_HEADING, 'bold', size, width);
  blocks.push(block(heading, 'bold', size, lh, left, y));
  y += heading.length * size * lh;
  let widest = Math.max(...heading.map((l) => l.width));
  for (const id of order) {
    // A hanging indent: the first line at the margin, the rest indented.
    const [first, ...rest] = wrapText(citations.get(id)!, 'regular', size, width);
    const tail = rest.length > 0 ? wrapText(rest.map((l) => l.text).join(' '), 'regular', size, width - indent) : [];
    blocks.push(block([first!], 'regular', size, lh, left, y));
    y += size * lh;
    if (tail.length > 0) {
      blocks.push(block(tail, 'regular', size, lh, left + indent, y));
      y += tail.length * size * lh;
    }
    widest = Math.max(widest, first!.width, ...tail.map((l) => l.width + indent));
  }
  return { blocks, height: y - top, widest };
}
