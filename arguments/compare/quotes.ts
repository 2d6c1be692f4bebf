// Quote overlap between two maps: a student's source is the instructor's when its text is the same
// (byte for byte), else when its title is the same (normalised); a quote is placed in its source as
// the loader's anchoring places it (text/anchor.ts), and two quotes overlap by the share of their
// passages they have in common. A quote not found in its source is compared by its exact text.
import type { ArgumentMap, Id } from '../model';
import { anchorQuote } from '../text/anchor';
import { normalizeForMatch } from '../text/normalize';

export interface QuoteRange {
  /** The instructor's source id. */
  source: Id;
  /** Offsets in the source text, or null when the quote is not found there. */
  start: number | null;
  end: number | null;
  /** The passage, normalised (whitespace, typographic quotes). */
  exact: string;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const titleKey = (t: string) => normalizeForMatch(t.trim()).text.toLowerCase();

/** Student's source id → the instructor's source with the same text, else the only one with the same title. */
export function matchSources(student: ArgumentMap, instructor: ArgumentMap): Map<Id, Id> {
  const byText = new Map<string, Id>();
  const byTitle = new Map<string, Id | null>();
  for (const id of Object.keys(instructor.sources).sort(byString)) {
    const s = instructor.sources[id]!;
    if (!byText.has(s.text) && s.text !== '') byText.set(s.text, id);
    const key = titleKey(s.title);
    byTitle.set(key, byTitle.has(key) ? null : id);
  }
  const out = new Map<Id, Id>();
  for (const id of Object.keys(student.sources).sort(byString)) {
    const s = student.sources[id]!;
    const same = (s.text !== '' ? byText.get(s.text) : undefined) ?? byTitle.get(titleKey(s.title)) ?? undefined;
    if (same !== undefined) out.set(id, same);
  }
  return out;
}

/** Each node's quote placed in its source (null for a node without a quote, or quoting a source the other map lacks). */
export function quoteRanges(map: ArgumentMap, ids: readonly Id[], sourceOf: (source: Id) => { id: Id; sameText: boolean } | undefined): (QuoteRange | null)[] {
  return ids.map((id) => {
    const q = map.nodes[id]!.quote;
    if (!q || !Object.hasOwn(map.sources, q.source)) return null;
    const source = sourceOf(q.source);
    if (source === undefined) return null;
    // Offsets compare only within the same text; a source matched by its title compares passages.
    const anchor = source.sameText ? anchorQuote(map.sources[q.source]!.text, q) : null;
    return { source: source.id, start: anchor?.start ?? null, end: anchor?.end ?? null, exact: normalizeForMatch(q.exact).text };
  });
}

/** The share of the two passages they have in common (intersection over union), 0–1. */
export function quoteOverlap(a: QuoteRange, b: QuoteRange): number {
  if (a.source !== b.source) return 0;
  if (a.start !== null && a.end !== null && b.start !== null && b.end !== null) {
    const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
    if (common <= 0) return 0;
    return common / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
  }
  // One is not found in its source: the same passage still counts.
  return a.exact !== '' && a.exact === b.exact ? 1 : 0;
}
