// Where did each part of a text go in a corrected version of it? The unchanged stretches of
// two texts, found over chunks of a few words (a 1 MB text is ~10,000 chunks): chunks that
// occur once in each text anchor the alignment (patience diff), Myers' O(ND) diff aligns
// what lies between anchors, and each changed block is then refined character by character.
// Anchors keep moved paragraphs and many scattered corrections cheap.

/** A stretch the two texts share: old[a, a + length) === new[b, b + length). */
export interface Span {
  a: number;
  b: number;
  length: number;
}

export interface TextDiff {
  /** Sorted, non-overlapping, maximal: adjacent stretches contiguous in both texts are merged. */
  spans: Span[];
  /** false when the texts differ too much to follow every change: stretches in the middle may be missing. */
  complete: boolean;
}

/** More edits than this between two chunk sequences and we stop following the changes. */
const MAX_EDITS = 1000;
/** Inner-loop steps allowed per diff: keeps the worst case (a rewritten text) near 100 ms. */
const STEP_BUDGET = 30_000_000;

/**
 * Chunk boundaries depend only on the few characters before them, so an edit changes the
 * chunks around it and no others: after each line break, and after the space that follows
 * a word whose hash is 0 mod 16 (content-defined: every ~16 words, wherever the text starts).
 */
function chunks(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  let hash = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      ends.push(i + 1);
      hash = 0;
    } else if (c === 32 || c === 9 || c === 13) {
      if (hash !== 0 && (hash & 15) === 0) ends.push(i + 1);
      hash = 0;
    } else hash = (Math.imul(hash, 31) + c + 1) | 0;
  }
  if (ends[ends.length - 1] !== to) ends.push(to);
  return ends;
}

/** Matching runs [x, y, length] of a and b by Myers' greedy algorithm, or null beyond maxEdits. */
function myers(n: number, m: number, same: (x: number, y: number) => boolean, maxEdits: number): [number, number, number][] | null {
  const max = Math.min(n + m, maxEdits);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d .. d] as it was before step d, for the traceback.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[off + k - 1] as number) < (v[off + k + 1] as number)) ? (v[off + k + 1] as number) : (v[off + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && same(x, y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return traceback(trace, d, x, y);
    }
  }
  return null;
}

function traceback(trace: Int32Array[], dEnd: number, xEnd: number, yEnd: number): [number, number, number][] {
  const runs: [number, number, number][] = [];
  let x = xEnd;
  let y = yEnd;
  for (let d = dEnd; d > 0; d--) {
    const prev = trace[d] as Int32Array; // v before step d, indexed k + d
    const at = (k: number) => prev[k + d] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = at(pk);
    const py = px - pk;
    const sx = down ? px : px + 1; // where the snake of step d began
    if (x > sx) runs.push([sx, sx - k, x - sx]);
    x = px;
    y = py;
  }
  if (x > 0) runs.push([0, 0, x]);
  return runs.reverse();
}

const editsAllowed = (size: number): number => Math.min(MAX_EDITS, Math.floor(STEP_BUDGET / Math.max(1, size)));

/** Pairs (i, j) of chunks that occur once in each text, the longest list increasing in both. */
function uniqueAnchors(a: Int32Array, b: Int32Array): [number, number][] {
  const once = (xs: Int32Array) => {
    const at = new Map<number, number>();
    xs.forEach((id, i) => at.set(id, at.has(id) ? -1 : i));
    return at;
  };
  const inA = once(a);
  const inB = once(b);
  const pairs: [number, number][] = [];
  a.forEach((id, i) => {
    const j = inB.get(id);
    if (inA.get(id) === i && j !== undefined && j >= 0) pairs.push([i, j]);
  });
  // Longest increasing subsequence in j (patience sorting), with back links.
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = back[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/** Matching runs [x, y, length] of two chunk sequences: unique anchors, and Myers between them. */
function matchChunks(a: Int32Array, b: Int32Array): [number, number, number][] {
  const runs: [number, number, number][] = [];
  const between = (x0: number, x1: number, y0: number, y1: number) => {
    if (x1 <= x0 || y1 <= y0) return;
    // Beyond the allowed edits the block stays unmatched here and goes to the character level.
    const found = myers(x1 - x0, y1 - y0, (x, y) => a[x0 + x] === b[y0 + y], editsAllowed(x1 - x0 + y1 - y0));
    if (found) for (const [x, y, len] of found) runs.push([x0 + x, y0 + y, len]);
  };
  let i = 0;
  let j = 0;
  for (const [x, y] of uniqueAnchors(a, b)) {
    between(i, x, j, y);
    runs.push([x, y, 1]);
    i = x + 1;
    j = y + 1;
  }
  between(i, a.length, j, b.length);
  return runs;
}

function commonPrefix(a: string, b: string, a0: number, a1: number, b0: number, b1: number): number {
  let n = 0;
  while (a0 + n < a1 && b0 + n < b1 && a.charCodeAt(a0 + n) === b.charCodeAt(b0 + n)) n++;
  return n;
}

function commonSuffix(a: string, b: string, a0: number, a1: number, b0: number, b1: number): number {
  let n = 0;
  while (a1 - n > a0 && b1 - n > b0 && a.charCodeAt(a1 - 1 - n) === b.charCodeAt(b1 - 1 - n)) n++;
  return n;
}

export function diffTexts(oldText: string, newText: string): TextDiff {
  const spans: Span[] = [];
  const push = (a: number, b: number, length: number) => {
    if (length <= 0) return;
    const last = spans[spans.length - 1];
    if (last && last.a + last.length === a && last.b + last.length === b) last.length += length;
    else spans.push({ a, b, length });
  };
  let complete = true;

  /** Characters of old[a0, a1) against new[b0, b1): trimmed, then Myers on what is left. */
  const refine = (a0: number, a1: number, b0: number, b1: number) => {
    const p = commonPrefix(oldText, newText, a0, a1, b0, b1);
    push(a0, b0, p);
    const s = commonSuffix(oldText, newText, a0 + p, a1, b0 + p, b1);
    const [x0, x1, y0, y1] = [a0 + p, a1 - s, b0 + p, b1 - s];
    if (x1 > x0 && y1 > y0) {
      const runs = myers(x1 - x0, y1 - y0, (x, y) => oldText.charCodeAt(x0 + x) === newText.charCodeAt(y0 + y), editsAllowed(x1 - x0 + y1 - y0));
      if (runs) for (const [x, y, len] of runs) push(x0 + x, y0 + y, len);
      else complete = false;
    }
    push(a1 - s, b1 - s, s);
  };

  const p = commonPrefix(oldText, newText, 0, oldText.length, 0, newText.length);
  const s = commonSuffix(oldText, newText, p, oldText.length, p, newText.length);
  const [a0, a1, b0, b1] = [p, oldText.length - s, p, newText.length - s];
  push(0, 0, p);
  if (a1 > a0 && b1 > b0) {
    const ea = chunks(oldText, a0, a1);
    const eb = chunks(newText, b0, b1);
    const ids = new Map<string, number>();
    const intern = (text: string, from: number, ends: number[]) => {
      const out = new Int32Array(ends.length);
      let start = from;
      ends.forEach((end, i) => {
        const key = text.slice(start, end);
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = ids.size));
        out[i] = id;
        start = end;
      });
      return out;
    };
    const ca = intern(oldText, a0, ea);
    const cb = intern(newText, b0, eb);
    const startA = (i: number) => (i === 0 ? a0 : (ea[i - 1] as number));
    const startB = (j: number) => (j === 0 ? b0 : (eb[j - 1] as number));
    // Between two runs of equal chunks lies one changed block: refine it character by character.
    let i = 0;
    let j = 0;
    for (const [x, y, len] of [...matchChunks(ca, cb), [ca.length, cb.length, 0] as [number, number, number]]) {
      if (x > i || y > j) refine(startA(i), startA(x), startB(j), startB(y));
      if (len > 0) push(startA(x), startB(y), startA(x + len) - startA(x));
      i = x + len;
      j = y + len;
    }
  }
  push(oldText.length - s, newText.length - s, s);
  return { spans, complete };
}

/** The span holding old[start, end) whole, if that stretch came through unchanged. */
export function unchangedSpan(diff: TextDiff, start: number, end: number): Span | null {
  const span = spanBefore(diff.spans, start);
  return span && span.a <= start && end <= span.a + span.length ? span : null;
}

/** Where an offset of the old text most likely went in the new one (exact inside an unchanged stretch). */
export function mapOffset(diff: TextDiff, offset: number): number {
  const span = spanBefore(diff.spans, offset);
  if (!span) return offset;
  return span.b + Math.min(offset - span.a, span.length) + Math.max(0, offset - span.a - span.length);
}

/** The last span starting at or before `offset`. */
function spanBefore(spans: readonly Span[], offset: number): Span | null {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).a <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (spans[lo - 1] as Span) : null;
}

/** The stretches between the unchanged ones: [a0, a1) of the old text became [b0, b1) of the new. */
export function changedRegions(diff: TextDiff, oldLength: number, newLength: number): { a0: number; a1: number; b0: number; b1: number }[] {
  const out: { a0: number; a1: number; b0: number; b1: number }[] = [];
  let a = 0;
  let b = 0;
  for (const s of [...diff.spans, { a: oldLength, b: newLength, length: 0 }]) {
    if (s.a > a || s.b > b) out.push({ a0: a, a1: s.a, b0: b, b1: s.b });
    a = s.a + s.length;
    b = s.b + s.length;
  }
  return out;
}
