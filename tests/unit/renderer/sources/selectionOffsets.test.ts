// DOM-free tests of the selection ⇄ source offset math, on a tiny fake DOM shaped like the
// one SourceText renders: segment elements with data-start, empty status buttons at
// quotation starts, the current quote wrapped in one element, a caret span at the end.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { anchorQuote } from '../../../../arguments/text/anchor';
import { partitionByRange, segmentText, type TextRange } from '../../../../renderer/sources/segments';
import {
  boundaryToOffset,
  offsetToBoundary,
  rangeToOffsets,
  type Containment,
  type DomLike,
  type RangeLike,
} from '../../../../renderer/sources/selectionOffsets';

// ---- a minimal DOM -------------------------------------------------------------

class FakeNode implements DomLike {
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  constructor(
    readonly nodeType: number,
    readonly nodeValue: string | null = null,
    private readonly attrs: Record<string, string> = {},
  ) {}
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  get nextSibling(): FakeNode | null {
    const sibs = this.parentNode?.childNodes;
    if (!sibs) return null;
    return sibs[sibs.indexOf(this) + 1] ?? null;
  }
  getAttribute(name: string): string | null {
    return this.attrs[name] ?? null;
  }
  append(...kids: FakeNode[]): this {
    for (const k of kids) {
      k.parentNode = this;
      this.childNodes.push(k);
    }
    return this;
  }
}
const el = (attrs: Record<string, string> = {}, ...kids: FakeNode[]) => new FakeNode(1, null, attrs).append(...kids);
const txt = (s: string) => new FakeNode(3, s);

function containment(container: FakeNode, order: FakeNode[]): Containment {
  return {
    contains(node) {
      for (let n: DomLike | null = node; n; n = n.parentNode) if (n === container) return true;
      return false;
    },
    precedes: (node) => order.indexOf(node as FakeNode) < order.indexOf(container),
  };
}

interface Built {
  container: FakeNode;
  texts: { node: FakeNode; start: number }[];
  labels: FakeNode[];
  wrapper: FakeNode | null;
}

/** The DOM SourceText would render for `text` with these highlights, current quote and quotation starts. */
function render(text: string, ranges: TextRange[], current: TextRange | null, labelsAt: number[] = []): Built {
  const container = el({ 'data-testid': 'source-text' });
  const texts: Built['texts'] = [];
  const labels: FakeNode[] = [];
  const segs = segmentText(text, ranges, labelsAt);
  const renderSeg = (parent: FakeNode, s: { start: number; text: string; covers: readonly TextRange[] }) => {
    if (labelsAt.includes(s.start)) {
      const b = el({ 'data-quotation-label': '0' });
      labels.push(b);
      parent.append(b);
    }
    const t = txt(s.text);
    texts.push({ node: t, start: s.start });
    parent.append(el({ 'data-start': String(s.start), ...(s.covers.length ? { 'data-node-ids': 'n' } : {}) }, t));
  };
  const { before, inside, after } = partitionByRange(segs, current);
  let wrapper: FakeNode | null = null;
  for (const s of before) renderSeg(container, s);
  if (inside.length) {
    wrapper = el({ 'aria-current': 'true' });
    container.append(wrapper);
    for (const s of inside) renderSeg(wrapper, s);
  }
  for (const s of after) renderSeg(container, s);
  container.append(el({ class: 'aa-src-caret' })); // the caret: no text
  return { container, texts, labels, wrapper };
}

const range = (startContainer: DomLike, startOffset: number, endContainer: DomLike, endOffset: number): RangeLike => ({ startContainer, startOffset, endContainer, endOffset });

/** What a browser range between two source offsets looks like (boundaries in text nodes). */
function rangeOver(b: Built, start: number, end: number): RangeLike {
  const s = offsetToBoundary(b.container, start)!;
  const e = offsetToBoundary(b.container, end)!;
  return range(s.node, s.offset, e.node, e.offset);
}

// ---- tests ------------------------------------------------------------------------

describe('boundaryToOffset', () => {
  const text = 'abcdefghij';
  const b = render(text, [{ start: 2, end: 5 }, { start: 4, end: 8 }], { start: 4, end: 8 }, [6]);
  const len = text.length;

  it('maps a point in a text node to data-start + offset', () => {
    for (const { node, start } of b.texts) for (let i = 0; i <= (node.nodeValue ?? '').length; i++) expect(boundaryToOffset(b.container, node, i, len)).toBe(start + i);
  });

  it('maps element boundaries (container, wrapper, segment) by the children before them', () => {
    expect(boundaryToOffset(b.container, b.container, 0, len)).toBe(0);
    expect(boundaryToOffset(b.container, b.container, b.container.childNodes.length, len)).toBe(len);
    // The caret span is the last child: before it is the end of the text.
    expect(boundaryToOffset(b.container, b.container, b.container.childNodes.length - 1, len)).toBe(len);
    const w = b.wrapper!;
    expect(boundaryToOffset(b.container, w, 0, len)).toBe(4);
    expect(boundaryToOffset(b.container, w, w.childNodes.length, len)).toBe(8);
    const seg = b.texts[1]!.node.parentNode!;
    expect(boundaryToOffset(b.container, seg, 0, len)).toBe(2);
    expect(boundaryToOffset(b.container, seg, 1, len)).toBe(4);
  });

  it('maps a point in or at a status label to where its quotation starts', () => {
    const label = b.labels[0]!;
    expect(boundaryToOffset(b.container, label, 0, len)).toBe(6);
    const at = label.parentNode!.childNodes.indexOf(label);
    expect(boundaryToOffset(b.container, label.parentNode!, at, len)).toBe(6);
    expect(boundaryToOffset(b.container, label.parentNode!, at + 1, len)).toBe(6);
  });
});

describe('offsetToBoundary', () => {
  it('round-trips every offset, the text end included', () => {
    const text = 'ab\n\ncd\uFFFDef';
    const b = render(text, [{ start: 1, end: 3 }, { start: 5, end: 9 }], { start: 5, end: 9 }, [5]);
    for (let i = 0; i <= text.length; i++) {
      const p = offsetToBoundary(b.container, i)!;
      expect(p.node.nodeType).toBe(3);
      expect(boundaryToOffset(b.container, p.node, p.offset, text.length)).toBe(i);
    }
  });
  it('returns null for a container without segments', () => {
    expect(offsetToBoundary(el(), 0)).toBeNull();
  });
});

describe('rangeToOffsets', () => {
  const text = 'Document\n\nTop Secret\n\nPrague';
  const b = render(text, [{ start: 10, end: 20 }], { start: 10, end: 20 }, [0]);
  const before = el();
  const after = el();
  const where = containment(b.container, [before, b.container, after]);

  it('gives exactly the selected characters across segments and lines', () => {
    const start = text.indexOf('Secret');
    const end = text.indexOf('gue');
    const r = rangeToOffsets(b.container, rangeOver(b, start, end), text.length, where);
    expect(r).toEqual({ start, end });
    expect(text.slice(r!.start, r!.end)).toBe('Secret\n\nPra');
  });

  it('clips a range that starts before or ends after the text', () => {
    const mid = offsetToBoundary(b.container, 4)!;
    expect(rangeToOffsets(b.container, range(before, 0, mid.node, mid.offset), text.length, where)).toEqual({ start: 0, end: 4 });
    expect(rangeToOffsets(b.container, range(mid.node, mid.offset, after, 0), text.length, where)).toEqual({ start: 4, end: text.length });
    expect(rangeToOffsets(b.container, range(before, 0, after, 0), text.length, where)).toEqual({ start: 0, end: text.length });
  });

  it('is null for collapsed ranges and ranges outside the text', () => {
    const p = offsetToBoundary(b.container, 3)!;
    expect(rangeToOffsets(b.container, range(p.node, p.offset, p.node, p.offset), text.length, where)).toBeNull();
    expect(rangeToOffsets(b.container, range(after, 0, after, 0), text.length, where)).toBeNull();
    expect(rangeToOffsets(b.container, range(before, 0, before, 0), text.length, where)).toBeNull();
  });

  it('property: any range over the rendered text maps to its exact source offsets', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '\uFFFD', '’', '\uD83D', '\uDE00');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 50 }),
        fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { maxLength: 6 }),
        fc.nat(50),
        fc.nat(50),
        fc.nat(5),
        (t, pairs, x, y, cur) => {
          const ranges = pairs.map(([s, e]) => ({ start: Math.min(s, e, t.length), end: Math.min(Math.max(s, e), t.length) }));
          const current = ranges[cur] ?? null;
          const built = render(t, ranges, current, ranges.map((q) => q.start));
          const w = containment(built.container, [built.container]);
          const s = Math.min(x, y, t.length);
          const e = Math.min(Math.max(x, y), t.length);
          const got = rangeToOffsets(built.container, rangeOver(built, s, e), t.length, w);
          expect(got).toEqual(e > s ? { start: s, end: e } : null);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('on the shipped letter', () => {
  const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('the shipped map does not load');
  const map = r.map;
  const letter = map.sources.letter!;
  const notes = map.sources['translator-notes']!;

  const highlights = (sourceId: string) =>
    Object.values(map.nodes)
      .filter((n) => n.quote?.source === sourceId)
      .map((n) => anchorQuote(map.sources[sourceId]!.text, n.quote!))
      .filter((a): a is NonNullable<typeof a> => a !== null);

  it('selects "withdrawal form" (the typo kept) across highlight boundaries and lines', () => {
    const ranges = highlights('letter');
    expect(ranges.length).toBeGreaterThan(5);
    const built = render(letter.text, ranges, ranges[0]!);
    const where = containment(built.container, [built.container]);
    // From inside one quote, over a paragraph break, into the next.
    const start = letter.text.indexOf('all of these goals.');
    const end = letter.text.indexOf('form the Security') + 'form'.length;
    const got = rangeToOffsets(built.container, rangeOver(built, start, end), letter.text.length, where)!;
    expect(letter.text.slice(got.start, got.end)).toBe('all of these goals.\n\nFollowing our withdrawal form');
  });

  it('keeps U+FFFD at the very start of the translator’s notes', () => {
    const ranges = highlights('translator-notes');
    const built = render(notes.text, ranges, null);
    const where = containment(built.container, [built.container]);
    const got = rangeToOffsets(built.container, rangeOver(built, 0, 22), notes.text.length, where)!;
    expect(got).toEqual({ start: 0, end: 22 });
    expect(notes.text.slice(got.start, got.end)).toBe('\uFFFD Translator’s note: T');
  });
});
