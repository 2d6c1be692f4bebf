// DOM selection ⇄ offsets into the source text. The text container holds one element per
// segment, each with `data-start` (its offset into the source) and the segment's text as
// its only text; anything else inside the container (the quotation status buttons) has
// no data-start and counts for nothing. A boundary point (node, offset) therefore maps to
// data-start of its segment + the characters of that segment before the point, so U+FFFD,
// surrogate pairs and line breaks need no special care: DOM offsets are UTF-16 code units,
// like the source offsets.
//
// Written against the few Node members it needs (structurally), so it runs in Node tests
// on plain objects as well as in the browser on real nodes.

export interface DomLike {
  readonly nodeType: number;
  readonly parentNode: DomLike | null;
  readonly firstChild: DomLike | null;
  readonly nextSibling: DomLike | null;
  readonly childNodes: ArrayLike<DomLike>;
  /** The text of a text node. */
  readonly nodeValue: string | null;
}

export interface BoundaryPoint {
  node: DomLike;
  offset: number;
}

export interface RangeLike {
  readonly startContainer: DomLike;
  readonly startOffset: number;
  readonly endContainer: DomLike;
  readonly endOffset: number;
}

const ELEMENT = 1;
const TEXT = 3;

/** The attribute that carries a segment's source offset. */
export const SEGMENT_ATTRIBUTE = 'data-start';

function segmentStart(node: DomLike): number | null {
  if (node.nodeType !== ELEMENT) return null;
  const raw = (node as unknown as { getAttribute(name: string): string | null }).getAttribute(SEGMENT_ATTRIBUTE);
  if (raw === null || raw === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The nearest segment element at or above `node`, stopping at the container. */
function segmentOf(node: DomLike, container: DomLike): DomLike | null {
  for (let n: DomLike | null = node; n && n !== container; n = n.parentNode) if (segmentStart(n) !== null) return n;
  return null;
}

/** The next node in document order within `root`; `skipChildren` steps over n's subtree. */
function nextInOrder(n: DomLike, root: DomLike, skipChildren = false): DomLike | null {
  if (!skipChildren && n.firstChild) return n.firstChild;
  for (let cur: DomLike | null = n; cur && cur !== root; cur = cur.parentNode) if (cur.nextSibling) return cur.nextSibling;
  return null;
}

/** Characters of text in `seg` before the boundary point (node, offset) inside it. */
function textBefore(seg: DomLike, node: DomLike, offset: number): number {
  let sum = 0;
  // The point is just before `stop` (or, for a text node, `offset` characters into it).
  let stop: DomLike | null;
  if (node.nodeType === TEXT) stop = node;
  else stop = offset < node.childNodes.length ? (node.childNodes[offset] as DomLike) : nextInOrder(node, seg, true);
  for (let n: DomLike | null = seg.firstChild; n && n !== stop; n = nextInOrder(n, seg)) if (n.nodeType === TEXT) sum += n.nodeValue?.length ?? 0;
  return node.nodeType === TEXT ? sum + offset : sum;
}

/** The source offset where the first segment at or after `from` (in document order) begins. */
function nextSegmentStart(from: DomLike | null, container: DomLike, textLength: number): number {
  for (let n = from; n; n = nextInOrder(n, container)) {
    const seg = segmentOf(n, container);
    if (seg) return (segmentStart(seg) as number) + (n === seg ? 0 : textBefore(seg, n, 0));
  }
  return textLength;
}

/**
 * The offset into the source text of a boundary point inside `container` (the container
 * itself included). A point outside any segment maps to the start of the next segment,
 * or to `textLength` when there is none.
 */
export function boundaryToOffset(container: DomLike, node: DomLike, offset: number, textLength: number): number {
  const seg = segmentOf(node, container);
  let result: number;
  if (seg) {
    result = (segmentStart(seg) as number) + textBefore(seg, node, offset);
  } else if (node.nodeType === TEXT || node.childNodes.length === 0) {
    result = nextSegmentStart(node === container ? null : nextInOrder(node, container, true), container, textLength);
  } else {
    const child = offset < node.childNodes.length ? (node.childNodes[offset] as DomLike) : null;
    const from = child ?? (node === container ? null : nextInOrder(node, container, true));
    result = nextSegmentStart(from, container, textLength);
  }
  return Math.min(textLength, Math.max(0, result));
}

export interface Containment {
  /** Is `node` the container or inside it? */
  contains(node: DomLike): boolean;
  /** For a node outside the container: does it come before the container in the document? */
  precedes(node: DomLike): boolean;
}

/** Containment tests on real DOM nodes (typed structurally: this module stays free of the DOM lib). */
export function domContainment<N>(container: { contains(other: N | null): boolean; compareDocumentPosition(other: N): number }): Containment {
  return {
    contains: (node) => container.contains(node as unknown as N),
    // Node.DOCUMENT_POSITION_PRECEDING: the node comes before the container.
    precedes: (node) => (container.compareDocumentPosition(node as unknown as N) & 2) !== 0,
  };
}

/**
 * The source offsets [start, end) a range selects in the container's text; a range
 * reaching beyond the container is clipped to it. Null when it selects no text of it.
 */
export function rangeToOffsets(container: DomLike, range: RangeLike, textLength: number, where: Containment): { start: number; end: number } | null {
  let start: number;
  if (where.contains(range.startContainer)) start = boundaryToOffset(container, range.startContainer, range.startOffset, textLength);
  else if (where.precedes(range.startContainer)) start = 0;
  else return null;
  let end: number;
  if (where.contains(range.endContainer)) end = boundaryToOffset(container, range.endContainer, range.endOffset, textLength);
  else if (!where.precedes(range.endContainer)) end = textLength;
  else return null;
  return end > start ? { start, end } : null;
}

/**
 * The DOM boundary point for a source offset: inside the text node of the segment that
 * contains it (at a segment boundary, the start of the following segment; the end of the
 * text is the end of the last segment). Null if the container has no segments.
 */
export function offsetToBoundary(container: DomLike, offset: number): BoundaryPoint | null {
  let last: { node: DomLike; length: number } | null = null;
  for (let n = container.firstChild; n; n = nextInOrder(n, container)) {
    if (n.nodeType !== TEXT) continue;
    const seg = segmentOf(n, container);
    if (!seg) continue;
    const start = (segmentStart(seg) as number) + textBefore(seg, n, 0);
    const length = n.nodeValue?.length ?? 0;
    if (offset >= start && offset < start + length) return { node: n, offset: offset - start };
    if (offset < start) return { node: n, offset: 0 };
    last = { node: n, length };
  }
  return last ? { node: last.node, offset: last.length } : null;
}
