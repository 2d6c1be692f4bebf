// Word-level alignment of a quote against a source: which passage was the quoter
// reading, and what did they change? Sellers' semi-global edit distance: the whole
// quote must be used, the source window is free to start and end anywhere.

export interface WordOp {
  /**
   * equal: same word; insert: a word in the quote the source lacks; delete: a source
   * word the quote omits; replace: the quote has a different word in its place.
   */
  op: 'equal' | 'insert' | 'delete' | 'replace';
  quote?: string;
  source?: string;
}

export interface WordAlignment {
  /** The chosen window of source words, [sourceStart, sourceEnd). */
  sourceStart: number;
  sourceEnd: number;
  /** Word edit distance: the number of ops that are not 'equal'. */
  distance: number;
  ops: WordOp[];
}

/**
 * Words that look like forms of one another ("pull" / "pulled"). Only used to break
 * ties between alignments of equal distance, so the diff pairs related words.
 */
export function isSimilarWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return false;
  let p = 0;
  while (p < shorter && a[p] === b[p]) p++;
  return p >= Math.max(3, Math.ceil(shorter * 0.75));
}

/**
 * Costs are integers scaled by unit = quote length + 1: an edit costs `unit`, plus one
 * point when a quote word is left without a related partner (an insert, or a
 * replacement by an unrelated word). At most quote-length such points can add up, never
 * a whole unit, so the distance stays the plain word edit distance; the points only
 * choose between equal distances: rather pair quote words with source words, and
 * rather pair related forms ("pulled" / "pull").
 */
interface Costs {
  unit: number;
  /** Cost of a quote word with no source partner. */
  ins: number;
  /** Cost of aligning quote word i with source word j (0 when equal). */
  sub: (i: number, j: number) => number;
}

function makeCosts(quoteWords: readonly string[], sourceWords: readonly string[], from: number, to: number): Costs {
  const unit = quoteWords.length + 1;
  // Intern words as integers so the inner loop compares numbers, and precompute
  // similarity per (quote word, distinct source word), not per DP cell.
  const ids = new Map<string, number>();
  const intern = (w: string): number => {
    let id = ids.get(w);
    if (id === undefined) {
      id = ids.size;
      ids.set(w, id);
    }
    return id;
  };
  const q = Int32Array.from(quoteWords, intern);
  const s = new Int32Array(to - from);
  for (let j = from; j < to; j++) s[j - from] = intern(sourceWords[j] as string);
  const vocab = [...ids.keys()];
  const v = vocab.length;
  const similar = new Uint8Array(quoteWords.length * v);
  quoteWords.forEach((w, i) => {
    vocab.forEach((x, k) => {
      if (isSimilarWord(w, x)) similar[i * v + k] = 1;
    });
  });
  return {
    unit,
    ins: unit + 1,
    sub(i, j) {
      const a = q[i] as number;
      const b = s[j] as number;
      if (a === b) return 0;
      return unit + (similar[i * v + b] ? 0 : 1);
    },
  };
}

/**
 * Global alignment of the whole quote against the whole window (no free gaps),
 * with traceback. Quadratic memory, so only for short windows.
 */
export function alignGlobal(quoteWords: readonly string[], windowWords: readonly string[]): WordOp[] {
  const n = quoteWords.length;
  const m = windowWords.length;
  const { unit, ins, sub } = makeCosts(quoteWords, windowWords, 0, m);
  const w = m + 1;
  const d = new Float64Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = j * unit;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i * ins;
    for (let j = 1; j <= m; j++) {
      const diag = (d[(i - 1) * w + j - 1] as number) + sub(i - 1, j - 1);
      const up = (d[(i - 1) * w + j] as number) + ins;
      const left = (d[i * w + j - 1] as number) + unit;
      d[i * w + j] = Math.min(diag, up, left);
    }
  }
  // Traceback from the end; preferring diagonal, then insert, then delete.
  const ops: WordOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j] as number;
    if (i > 0 && j > 0 && here === (d[(i - 1) * w + j - 1] as number) + sub(i - 1, j - 1)) {
      const quote = quoteWords[i - 1] as string;
      const source = windowWords[j - 1] as string;
      ops.push(quote === source ? { op: 'equal', quote, source } : { op: 'replace', quote, source });
      i--;
      j--;
    } else if (i > 0 && here === (d[(i - 1) * w + j] as number) + ins) {
      ops.push({ op: 'insert', quote: quoteWords[i - 1] as string });
      i--;
    } else {
      ops.push({ op: 'delete', source: windowWords[j - 1] as string });
      j--;
    }
  }
  return ops.reverse();
}

export function countEdits(ops: readonly WordOp[]): number {
  let n = 0;
  for (const o of ops) if (o.op !== 'equal') n++;
  return n;
}

export function alignWords(quoteWords: string[], sourceWords: string[]): WordAlignment {
  const n = quoteWords.length;
  const m = sourceWords.length;
  if (n === 0) return { sourceStart: 0, sourceEnd: 0, distance: 0, ops: [] };
  const { unit, ins, sub } = makeCosts(quoteWords, sourceWords, 0, m);

  // Two rolling rows over the source, each cell remembering where its path entered
  // the source, so the window is known without a full traceback matrix.
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prevStart[j] = j; // row 0: free start anywhere
  for (let i = 1; i <= n; i++) {
    cur[0] = i * ins;
    curStart[0] = 0;
    for (let j = 1; j <= m; j++) {
      let best = (prev[j - 1] as number) + sub(i - 1, j - 1);
      let start = prevStart[j - 1] as number;
      const up = (prev[j] as number) + ins;
      if (up < best) {
        best = up;
        start = prevStart[j] as number;
      }
      const left = (cur[j - 1] as number) + unit;
      if (left < best) {
        best = left;
        start = curStart[j - 1] as number;
      }
      cur[j] = best;
      curStart[j] = start;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }

  // Free end: the cheapest cell of the last row; the earliest wins ties.
  let end = 0;
  for (let j = 1; j <= m; j++) if ((prev[j] as number) < (prev[end] as number)) end = j;
  const start = prevStart[end] as number;

  // The window's global alignment costs the same as the semi-global optimum, so a
  // full DP over just the window gives the traceback in small memory.
  const ops = alignGlobal(quoteWords, sourceWords.slice(start, end));
  return { sourceStart: start, sourceEnd: end, distance: countEdits(ops), ops };
}
