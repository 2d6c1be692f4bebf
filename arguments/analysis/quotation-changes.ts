// When a source's text is replaced, which quotations of the secondary sources that quote
// it change their audit status? Most are settled by the findings that need no word
// alignment (verbatim, normalized, interpolated), which are cheap on any text. Where only
// an alignment can tell, a passage the changes did not touch is in both texts, so the
// quotation is aligned against the neighbourhoods of the changes; the whole text is aligned
// only when that leaves the finding open.
import type { ArgumentMap, Id, Source } from '../model';
import { changedRegions, unchangedSpan, type TextDiff } from '../text/diff';
import { words } from '../text/normalize';
import { better, classifyAgainst, classifyQuotation, classifyWithoutAlignment, extractQuotations, MAX_OMISSION, sourceName, type Classification, type Quotation, type QuoteStatus } from './audit';

/** A quotation in a secondary source that quotes the replaced one, whose audit the new text changes. */
export interface QuotationChange {
  /** The secondary source. */
  source: Id;
  quotation: Quotation;
  before: QuoteStatus;
  after: QuoteStatus;
  /** The audit's sentence on the new text. */
  message: string;
}

interface Range {
  start: number;
  end: number;
}

function bestOf(findings: readonly (Classification | null)[]): Classification | null {
  let best: Classification | null = null;
  for (const f of findings) if (f && (!best || better(f, best))) best = f;
  return best;
}

/** The changes widened by `margin` either side, overlapping ones merged. */
function neighbourhoods(changes: readonly Range[], margin: number, length: number): Range[] {
  const out: Range[] = [];
  for (const c of changes) {
    const start = Math.max(0, c.start - margin);
    const end = Math.min(length, c.end + margin);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/**
 * The neighbourhoods as one text, joined so that no finding reaches across a join: a word
 * longer than an omission may skip, and more words no quotation has than an alteration may
 * differ by (audit.ts: at most 40 % of the quotation's words, plus two).
 */
function joined(text: string, ranges: readonly Range[], quotationWords: number): string {
  const join = ` ${'\u01C2'.repeat(MAX_OMISSION + 1)} ${'\u01C2 '.repeat(Math.ceil(0.4 * quotationWords) + 3)}`;
  return ranges.map((r) => text.slice(r.start, r.end)).join(join);
}

/** Changes covering more of a text than this are a different text: its quotations are left to the audit. */
const MOST = 0.5;

/**
 * The quotations whose finding the new text changes; null when the texts differ too much
 * to tell quickly (the audit of the new text will say).
 */
export function quotationChanges(map: ArgumentMap, source: Source, newText: string, diff: TextDiff): QuotationChange[] | null {
  const oldText = source.text;
  const regions = changedRegions(diff, oldText.length, newText.length);
  if (regions.length === 0) return [];
  const changedOld = regions.reduce((n, r) => n + r.a1 - r.a0, 0);
  const changedNew = regions.reduce((n, r) => n + r.b1 - r.b0, 0);
  if (!diff.complete || changedOld > MOST * oldText.length || changedNew > MOST * newText.length) return null;

  const name = sourceName(source);
  const replaced = { ...source, text: newText };
  const quotations = Object.values(map.sources)
    .filter((s) => s.id !== source.id && s.quotes?.includes(source.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .flatMap((secondary) => {
      const others = (secondary.quotes ?? []).filter((id) => id !== source.id && Object.hasOwn(map.sources, id)).map((id) => map.sources[id]!);
      return extractQuotations(secondary.text).map((q) => ({ secondary: secondary.id, q, others }));
    });
  if (quotations.length === 0) return [];

  // A passage overlapping a change, verbatim, normalized or altered, lies within `margin` of it.
  const margin = Math.max(...quotations.map(({ q }) => 2 * q.text.length + 64));
  const longest = Math.max(...quotations.map(({ q }) => words(q.text).length));
  const near = (text: string, side: 'a' | 'b') =>
    joined(text, neighbourhoods(regions.map((r) => (side === 'a' ? { start: r.a0, end: r.a1 } : { start: r.b0, end: r.b1 })), margin, text.length), longest);

  // One long text at a time, so each is normalised at most once (the caches keep only a few).
  const cheapOld = quotations.map(({ q }) => classifyWithoutAlignment(q.text, oldText, name));
  // A passage the changes left alone is in the new text too, and anything better (verbatim
  // or normalized: no omission) overlaps a change.
  let nearNew: string | null = null;
  const cheapNew = cheapOld.map((old, i) => {
    const p = old?.passage;
    if (!old || !p || !unchangedSpan(diff, p.start, p.end)) return undefined;
    if (old.status === 'verbatim') return old;
    nearNew ??= near(newText, 'b');
    return bestOf([old, classifyWithoutAlignment(quotations[i]!.q.text, nearNew, name)]);
  });
  quotations.forEach(({ q }, i) => {
    if (cheapNew[i] === undefined) cheapNew[i] = classifyWithoutAlignment(q.text, newText, name);
  });

  // The same finding without alignment on both sides: the other sources cannot change that.
  const unsettled = quotations.map((_, i) => i).filter((i) => !cheapOld[i] || !cheapNew[i] || cheapOld[i]!.status !== cheapNew[i]!.status);
  const before = cheapOld.slice();
  const after = cheapNew.map((c) => c ?? null);
  for (const i of unsettled) {
    const { q, others } = quotations[i]!;
    // A finding without alignment beats any alteration, so where a side has one, it is that side's finding.
    const elsewhere = bestOf(others.map((s) => classifyWithoutAlignment(q.text, s.text, sourceName(s))));
    if (elsewhere) {
      before[i] = bestOf([before[i] ?? null, elsewhere]);
      after[i] = bestOf([after[i] ?? null, elsewhere]);
    }
  }
  // Only alignments tell for the rest: a passage the changes did not touch is in both texts, so align near the changes first.
  const open = unsettled.filter((i) => !before[i] || !after[i]);
  if (open.length > 0) {
    const nearOld = near(oldText, 'a');
    const oldNear = open.map((i) => (before[i] ? null : classifyQuotation(quotations[i]!.q.text, nearOld, name)));
    nearNew ??= near(newText, 'b');
    const newNear = open.map((i) => (after[i] ? null : classifyQuotation(quotations[i]!.q.text, nearNew!, name)));
    open.forEach((i, k) => {
      const { q, others } = quotations[i]!;
      const [o, n] = [oldNear[k] ?? null, newNear[k] ?? null];
      if (o && n && o.status === n.status) {
        before[i] = after[i] = o; // the same either way: nothing to report
        return;
      }
      // An alteration near the changes is the finding (only a finding without alignment beats one); else align the whole text.
      before[i] ??= o?.status === 'altered' ? o : classifyAgainst(q.text, [source, ...others])!.result;
      after[i] ??= n?.status === 'altered' ? n : classifyAgainst(q.text, [replaced, ...others])!.result;
    });
  }
  return unsettled.flatMap((i) => {
    const [was, now] = [before[i]!, after[i]!];
    const { secondary, q } = quotations[i]!;
    return was.status === now.status ? [] : [{ source: secondary, quotation: q, before: was.status, after: now.status, message: now.message }];
  });
}
