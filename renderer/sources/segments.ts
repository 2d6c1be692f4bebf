// Splitting a source text into segments for display: every boundary of every highlighted
// range cuts the text, so overlapping and adjacent ranges need no nested markup. Each
// segment knows which ranges cover it and its offset into the source text (data-start
// in the DOM), which is how a DOM selection maps back to source offsets.
// Pure: no DOM, no React. The text is only sliced, never changed.

export interface TextRange {
  /** UTF-16 offsets into the source text, [start, end). */
  start: number;
  end: number;
}

export interface Segment<T extends TextRange> {
  start: number;
  end: number;
  /** text.slice(start, end), byte for byte. */
  text: string;
  /** The ranges covering the whole segment, in the order they were given. */
  covers: readonly T[];
}

/**
 * Cuts `text` at every start and end of `ranges` (and at any extra `boundaries`) into
 * contiguous, non-empty segments that together are exactly `text`. Ranges are clamped to
 * the text; empty, reversed or non-finite ranges cover nothing and cut nothing.
 */
export function segmentText<T extends TextRange>(text: string, ranges: readonly T[], boundaries: readonly number[] = []): Segment<T>[] {
  const len = text.length;
  if (len === 0) return [];
  const clamp = (n: number): number => Math.min(len, Math.max(0, Math.trunc(n)));

  interface Item {
    range: T;
    start: number;
    end: number;
    index: number;
  }
  const items: Item[] = [];
  ranges.forEach((range, index) => {
    if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) return;
    const start = clamp(range.start);
    const end = clamp(range.end);
    if (end > start) items.push({ range, start, end, index });
  });

  const cuts = new Set<number>([0, len]);
  for (const it of items) {
    cuts.add(it.start);
    cuts.add(it.end);
  }
  for (const b of boundaries) if (Number.isFinite(b)) cuts.add(clamp(b));
  const points = [...cuts].sort((a, b) => a - b);

  // Sweep: ranges enter at their start, leave at their end; `active` stays in input order.
  const byStart = [...items].sort((a, b) => a.start - b.start || a.index - b.index);
  let active: Item[] = [];
  let next = 0;
  const out: Segment<T>[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p] as number;
    const to = points[p + 1] as number;
    active = active.filter((it) => it.end > from);
    let entered = false;
    while (next < byStart.length && (byStart[next] as Item).start <= from) {
      active.push(byStart[next] as Item);
      next++;
      entered = true;
    }
    if (entered) active.sort((a, b) => a.index - b.index);
    out.push({ start: from, end: to, text: text.slice(from, to), covers: active.map((it) => it.range) });
  }
  return out;
}

/**
 * Splits a run of segments into those before, inside and after `range` (whose ends must
 * be segment boundaries, as they are when the range was one of the segmented ranges).
 * Used to wrap the current quote in one element even where other quotes cut it up.
 */
export function partitionByRange<S extends TextRange>(segments: readonly S[], range: TextRange | null): { before: S[]; inside: S[]; after: S[] } {
  if (!range || range.end <= range.start) return { before: [...segments], inside: [], after: [] };
  const before: S[] = [];
  const inside: S[] = [];
  const after: S[] = [];
  for (const s of segments) {
    if (s.end <= range.start) before.push(s);
    else if (s.start >= range.end) after.push(s);
    else inside.push(s);
  }
  return { before, inside, after };
}

/** The segment containing source offset `offset` (the one starting there at a boundary); -1 if none. */
export function segmentAt<S extends TextRange>(segments: readonly S[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid] as S;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
