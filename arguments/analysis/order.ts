// The one order in which the status names things: ids compared as a reader would ("O2" before
// "O10"), so reasons and listings read naturally and never depend on the order of the records.

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A total order on ids: runs of digits compare by their number ("C2" < "C10"), everything else
 * by UTF-16 code unit; ids that tie that way ("C01", "C1") fall back to plain code-unit order.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let si = i;
      let sj = j;
      while (si < a.length && a.charCodeAt(si) === 48) si++;
      while (sj < b.length && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      let ej = sj;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many ids naturalSort sorts without comparisons: each is packed with its index in a double (below). */
const INDEX_BITS = 21;
const INDEX_SPAN = 2 ** INDEX_BITS;
/** The largest number an id of the common shape may end in: packed with the index it stays below 2^53. */
const MAX_NUMBER = 2 ** (52 - INDEX_BITS);

/**
 * `ids` sorted in place by naturalCompare, without a comparison function when every id has the
 * common shape: a run of non-digits, then a number without leading zeros ("r1" … "r3000").
 * Such ids are grouped by that prefix; within a group naturalCompare orders by number (the
 * prefixes match, then the digit runs, which have no leading zeros to tie on), and two groups
 * compare the same way whatever their numbers (where two prefixes first differ, or where the
 * shorter ends and a digit meets a non-digit, the numbers play no part), so the groups are
 * ordered by naturalCompare once and each group by a native numeric sort. Any other id, or more
 * ids or larger numbers than a double packs, and it is naturalCompare's sort. Returns `ids`.
 */
export function naturalSort(ids: string[]): string[] {
  const n = ids.length;
  if (n < 2) return ids;
  if (n > INDEX_SPAN) return ids.sort(naturalCompare);
  const groups = new Map<string, number[]>();
  for (let k = 0; k < n; k++) {
    const id = ids[k]!;
    let d = id.length;
    while (d > 0 && isDigit(id.charCodeAt(d - 1))) d--;
    if (d === id.length || (id.charCodeAt(d) === 48 && d < id.length - 1) || id.length - d > 15) return ids.sort(naturalCompare);
    for (let j = 0; j < d; j++) if (isDigit(id.charCodeAt(j))) return ids.sort(naturalCompare);
    const number = Number(id.slice(d));
    if (number >= MAX_NUMBER) return ids.sort(naturalCompare);
    const prefix = id.slice(0, d);
    const keys = groups.get(prefix);
    if (keys) keys.push(number * INDEX_SPAN + k);
    else groups.set(prefix, [number * INDEX_SPAN + k]);
  }
  // A representative of each group: its prefix with a digit (any: the order does not depend on it).
  const prefixes = [...groups.keys()].sort((a, b) => naturalCompare(`${a}0`, `${b}0`));
  const sorted: string[] = new Array(n);
  let at = 0;
  for (const p of prefixes) for (const key of Float64Array.from(groups.get(p)!).sort()) sorted[at++] = ids[key % INDEX_SPAN]!;
  for (let k = 0; k < n; k++) ids[k] = sorted[k]!;
  return ids;
}
