// Replacing a source's text with a corrected transcription. Before the user confirms, a
// report says for each quote of the source whether it is still found at its place, found
// elsewhere, or lost; the replacement is then one undoable step that re-anchors the quotes
// found and leaves the lost ones as they were (the editor marks them ⚠).
//
// "Its place" is followed through the edit by a diff of the two texts (text/diff.ts): a
// quote is found when its passage lies in a stretch the correction left untouched.
import { original } from 'immer';
import { closestPassageTo, type ClosestPassage } from '../analysis/audit';
import { quotationChanges, type QuotationChange } from '../analysis/quotation-changes';
import { quote as quoted } from '../format/errors';
import type { Operation } from '../history';
import type { ArgumentMap, Id, Quote } from '../model';
import { anchorQuote as anchorInText, describeQuote } from '../text/anchor';
import { diffTexts, mapOffset, unchangedSpan, type TextDiff } from '../text/diff';
import { perMap } from './common';
import { quotingNodes, sizeProblem, sourceProblem } from './sources';

export interface TextRange {
  start: number;
  end: number;
}

export type ReanchorStatus = 'found' | 'moved' | 'lost';

export type QuoteReanchor =
  | {
      node: Id;
      /** found: the same passage at the same place; moved: the passage is found elsewhere in the new text. */
      status: 'found' | 'moved';
      /** verbatim, or only after normalising spacing and quotation marks (the quote's words are kept as they are). */
      match: 'verbatim' | 'normalized';
      /** Where the quote stands in the current text; null when it is not found there either. */
      before: TextRange | null;
      after: TextRange;
      /** The node's quote as it is now. */
      was: Quote;
      /** The quote as the replacement leaves it: the same words, with a new start, prefix and suffix. */
      quote: Quote;
      message: string;
    }
  | {
      node: Id;
      status: 'lost';
      before: TextRange | null;
      was: Quote;
      /** The same as `was`: a lost quote is left as it was. */
      quote: Quote;
      /** The passage of the new text the quote most likely became, with the word-by-word difference. */
      closest?: ClosestPassage;
      message: string;
    };

export type { QuotationChange };

export interface ReanchorReport {
  sourceId: Id;
  /** The texts compared (the strings themselves, not copies): the replacement reuses a report only for these. */
  oldText: string;
  newText: string;
  /** One entry per node quoting the source, in node id order. */
  quotes: QuoteReanchor[];
  /** Quotations of secondary sources whose audit finding the new text changes; null when the texts differ too much to tell quickly. */
  quotations: QuotationChange[] | null;
  counts: Record<ReanchorStatus, number>;
}

/** Where a lost quote's closest passage is looked for first: this many characters either side of its old place. */
const NEAR = 2000;
/** Lost quotes searched for in the whole new text when nothing close is near their old place (a word alignment each). */
const WHOLE_TEXT_SEARCHES = 5;

const SAME_SPELLING_NOTE = 'as before, it differs from the source only in spacing or quotation marks';

function reanchored(quote: Quote, text: string, at: TextRange): Quote {
  const { prefix, suffix, start } = describeQuote(quote.source, text, at.start, at.end);
  return { ...quote, prefix, suffix, start };
}

/** The surroundings a quote records are still around it: its place, when the diff could not follow the edit. */
function sameSurroundings(quote: Quote, text: string, at: TextRange): boolean {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  return text.startsWith(prefix, at.start - prefix.length) && at.start >= prefix.length && text.startsWith(suffix, at.end);
}

function reanchorOne(node: Id, quote: Quote, oldText: string, newText: string, diff: TextDiff, budget: { whole: number }): QuoteReanchor {
  const was = anchorInText(oldText, quote);
  const before = was ? { start: was.start, end: was.end } : null;
  if (was) {
    const span = unchangedSpan(diff, was.start, was.end);
    if (span) {
      const after = { start: span.b + (was.start - span.a), end: span.b + (was.end - span.a) };
      const match = was.match === 'exact' ? 'verbatim' : 'normalized';
      const message = match === 'verbatim' ? 'Still found at the same place.' : `Still found at the same place (${SAME_SPELLING_NOTE}).`;
      return { node, status: 'found', match, before, after, was: quote, quote: reanchored(quote, newText, after), message };
    }
  }
  const hint = Math.min(newText.length, mapOffset(diff, was?.start ?? quote.start ?? 0));
  const now = anchorInText(newText, { ...quote, start: hint });
  if (now) {
    const after = { start: now.start, end: now.end };
    const match = now.match === 'exact' ? 'verbatim' : 'normalized';
    const samePlace = !diff.complete && was !== null && match === 'verbatim' && sameSurroundings(quote, newText, after);
    const message = !was
      ? 'Not found in the current text, but found in the new one.'
      : samePlace
        ? 'Still found in the same surroundings.'
        : match === 'verbatim'
          ? 'Found at another place in the new text.'
          : 'Found at another place in the new text, differing from it only in spacing or quotation marks.';
    return { node, status: samePlace ? 'found' : 'moved', match, before, after, was: quote, quote: reanchored(quote, newText, after), message };
  }
  const near = { start: Math.max(0, hint - NEAR), end: Math.min(newText.length, hint + (quote.exact.length + NEAR)) };
  let closest = closestPassageTo(quote.exact, newText, near);
  if (!closest && budget.whole > 0) {
    budget.whole--;
    closest = closestPassageTo(quote.exact, newText);
  }
  const message = !closest
    ? 'Lost: nothing in the new text comes close to the quote.'
    : closest.differences
      ? `Lost: the new text does not have the quoted words; the closest passage says ${closest.differences.source} where the quote has ${closest.differences.quote}.`
      : `Lost: the new text has the quoted words only with different capitalisation or punctuation: ${quoted(closest.text.replace(/\s+/g, ' '), 400)}.`;
  return { node, status: 'lost', before, was: quote, quote, message, ...(closest ? { closest } : {}) };
}

function reanchorQuotes(map: ArgumentMap, sourceId: Id, newText: string, diff: TextDiff): QuoteReanchor[] {
  const budget = { whole: WHOLE_TEXT_SEARCHES };
  const oldText = map.sources[sourceId]!.text;
  return quotingNodes(map, sourceId).map((id) => reanchorOne(id, map.nodes[id]!.quote!, oldText, newText, diff, budget));
}

/**
 * What replacing a source's text would do to its quotes: for each node quoting it, found
 * (the same passage at the same place), moved (found elsewhere) or lost (with the closest
 * passage of the new text); and the quotations of secondary sources quoting it whose
 * audit changes. Nothing is changed.
 */
export function reanchorReport(map: ArgumentMap, sourceId: Id, newText: string): ReanchorReport {
  const counts: Record<ReanchorStatus, number> = { found: 0, moved: 0, lost: 0 };
  if (!Object.hasOwn(map.sources, sourceId)) return { sourceId, oldText: '', newText, quotes: [], quotations: [], counts };
  const source = map.sources[sourceId]!;
  const diff = diffTexts(source.text, newText);
  const quotes = reanchorQuotes(map, sourceId, newText, diff);
  for (const q of quotes) counts[q.status]++;
  return { sourceId, oldText: source.text, newText, quotes, quotations: quotationChanges(map, source, newText, diff), counts };
}

/** A report still describes this map when it compared the same texts and the very same quotes. */
function stillFits(map: ArgumentMap, report: ReanchorReport, sourceId: Id, newText: string): boolean {
  if (report.sourceId !== sourceId || report.newText !== newText || !Object.hasOwn(map.sources, sourceId) || report.oldText !== map.sources[sourceId]!.text) return false;
  const quoting = quotingNodes(map, sourceId);
  return quoting.length === report.quotes.length && report.quotes.every((entry, i) => entry.node === quoting[i] && map.nodes[entry.node]!.quote === entry.was);
}

/**
 * Replaces a source's text (a corrected transcription) as one undoable step: quotes found
 * or moved are re-anchored (same words; new start, prefix and suffix), lost ones are left
 * as they were. `report`, when it is the one the user saw and still fits the map, is reused.
 */
export function replaceSourceText(sourceId: Id, newText: string, report?: ReanchorReport): Operation {
  // Without a report that fits, only the quotes are needed: the audit of quotations is for the user's eyes.
  const plan = perMap((map) => (report && stillFits(map, report, sourceId, newText) ? report.quotes : reanchorQuotes(map, sourceId, newText, diffTexts(map.sources[sourceId]!.text, newText))));
  return {
    label: 'Replace source text',
    check: (map) => {
      if (!Object.hasOwn(map.sources, sourceId)) return `There is no source ${quoted(sourceId)}.`;
      const replaced = { ...map.sources[sourceId]!, text: newText };
      return sourceProblem(map, replaced, false) ?? sizeProblem({ ...map, sources: { ...map.sources, [sourceId]: replaced } });
    },
    apply: (d) => {
      const map = original(d) as ArgumentMap;
      if (map.sources[sourceId]!.text === newText) return;
      d.sources[sourceId]!.text = newText;
      for (const entry of plan(map)) {
        if (entry.status === 'lost') continue;
        const quote = d.nodes[entry.node]!.quote!;
        const { start, prefix, suffix } = entry.quote;
        if (quote.start !== start) quote.start = start;
        if (quote.prefix !== prefix) quote.prefix = prefix;
        if (quote.suffix !== suffix) quote.suffix = suffix;
      }
    },
  };
}
