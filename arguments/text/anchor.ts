// Anchoring quotes in sources like a W3C TextQuoteSelector: the exact text is the
// truth, prefix/suffix pick between repeats, the start hint breaks remaining ties.

import type { Quote } from '../model';
import { normalizeCached, normalizeForMatch, toOriginal } from './normalize';

export interface Anchor {
  start: number;
  end: number;
  match: 'exact' | 'normalized';
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

export function describeQuote(sourceId: string, sourceText: string, start: number, end: number, context = 32): Quote {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > sourceText.length) {
    throw new RangeError(`describeQuote: bad range [${start}, ${end}) for a text of length ${sourceText.length}`);
  }
  const ctx = Math.max(0, Math.floor(context));
  // Never cut a surrogate pair in half: a lone surrogate would not survive a JSON round trip intact.
  let from = Math.max(0, start - ctx);
  if (from < start && isLowSurrogate(sourceText.charCodeAt(from))) from += 1;
  let to = Math.min(sourceText.length, end + ctx);
  if (to > end && to < sourceText.length && isLowSurrogate(sourceText.charCodeAt(to))) to -= 1;
  return {
    source: sourceId,
    exact: sourceText.slice(start, end),
    prefix: sourceText.slice(from, start),
    suffix: sourceText.slice(end, to),
    start,
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How many normalised characters of the quote's prefix and suffix the text around [start, end) agrees with. */
function contextScorer(sourceText: string, quote: Quote): { score: (start: number, end: number) => number; max: number } {
  const prefix = quote.prefix ? normalizeForMatch(quote.prefix).text : '';
  const suffix = quote.suffix ? normalizeForMatch(quote.suffix).text : '';
  // Slack: the source may spell the same context with longer whitespace runs.
  const prefixSpan = (quote.prefix?.length ?? 0) * 2 + 16;
  const suffixSpan = (quote.suffix?.length ?? 0) * 2 + 16;
  return {
    max: prefix.length + suffix.length,
    score(start, end) {
      let s = 0;
      if (prefix) s += commonSuffixLength(prefix, normalizeForMatch(sourceText.slice(Math.max(0, start - prefixSpan), start)).text);
      if (suffix) s += commonPrefixLength(suffix, normalizeForMatch(sourceText.slice(end, end + suffixSpan)).text);
      return s;
    },
  };
}

/**
 * Whether anchorQuote finds the quote at all (it gives a span whenever the exact text occurs,
 * verbatim or normalized), without choosing among the occurrences by context: what a caller
 * needs when only "is it there?" matters (a locator in a text without page breaks). Cheap when
 * the quote occurs verbatim; the normalized text is the one anchorQuote caches.
 */
export function isQuoteFound(sourceText: string, quote: Quote): boolean {
  const exact = quote.exact;
  if (!exact) return false;
  const hint = quote.start;
  if ((hint !== undefined && hint >= 0 && sourceText.startsWith(exact, hint)) || sourceText.includes(exact)) return true;
  return normalizeCached(sourceText).text.includes(normalizeForMatch(exact).text);
}

export function anchorQuote(sourceText: string, quote: Quote): Anchor | null {
  const exact = quote.exact;
  if (!exact) return null;
  const hint = quote.start;
  const { score, max } = contextScorer(sourceText, quote);

  // Fast path: the hint still points at the quote and the context agrees fully,
  // so no other occurrence can do better.
  if (hint !== undefined && hint >= 0 && sourceText.startsWith(exact, hint) && score(hint, hint + exact.length) === max) {
    return { start: hint, end: hint + exact.length, match: 'exact' };
  }

  // indexOf loops: linear in the source per quote, overlapping occurrences included.
  const candidates: Anchor[] = [];
  for (let i = sourceText.indexOf(exact); i !== -1; i = sourceText.indexOf(exact, i + 1)) {
    candidates.push({ start: i, end: i + exact.length, match: 'exact' });
  }
  if (candidates.length === 0) {
    const n = normalizeCached(sourceText);
    const needle = normalizeForMatch(exact).text;
    for (let i = n.text.indexOf(needle); i !== -1; i = n.text.indexOf(needle, i + 1)) {
      candidates.push({ ...toOriginal(n, i, i + needle.length), match: 'normalized' });
    }
  }

  let best: Anchor | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const s = score(c.start, c.end);
    const d = hint === undefined ? 0 : Math.abs(c.start - hint);
    // Strict comparisons: among full ties the earliest occurrence wins.
    if (s > bestScore || (s === bestScore && d < bestDistance)) {
      best = c;
      bestScore = s;
      bestDistance = d;
    }
  }
  return best;
}
