// Quotes on nodes: anchoring a selection, and finding a pasted passage in a source
// (evidence without a selection).
import { original, type Draft } from 'immer';
import { closestPassageTo, sourceName, type ClosestPassage } from '../analysis/audit';
import { quote as quoted } from '../format/errors';
import { quoteProblem } from '../format/references';
import { AT, recordProblem } from '../format/rules';
import { schemas } from '../format/schema';
import { savedSizeProblem } from '../format/size';
import type { Operation } from '../history';
import type { ArgumentMap, Id, Quote, Source } from '../model';
import { describeQuote } from '../text/anchor';
import { normalizeCached, normalizeForMatch, toOriginal } from '../text/normalize';
import { perMap, setFields } from './common';

/** The map with the node quoting `quote` must still save to a file the loader opens. */
const withQuoteSize = (map: ArgumentMap, nodeId: Id, quote: Quote) => savedSizeProblem({ ...map, nodes: { ...map.nodes, [nodeId]: { ...map.nodes[nodeId]!, quote } } });

/** Anchors (or with `undefined`, detaches) a node's quote. */
export function anchorQuote(nodeId: Id, quote: Quote | undefined): Operation {
  return {
    label: quote ? 'Anchor quote' : 'Remove quote',
    check: (map) => {
      if (!Object.hasOwn(map.nodes, nodeId)) return `There is no node ${quoted(nodeId)}.`;
      const missing = quote ? quoteProblem(map, { id: nodeId, quote }) : null;
      if (missing) return missing.message;
      if (quote && quote.exact.length === 0) return 'A quote cannot be empty.';
      return quote ? (recordProblem(schemas().quote, quote, AT.quote) ?? withQuoteSize(map, nodeId, quote)) : null;
    },
    apply: (d) => setFields(d.nodes[nodeId]!, { quote }),
  };
}

export type LocatedPassage =
  | {
      ok: true;
      /** Anchored on the source's own text: `exact` is the source's spelling of the passage. */
      quote: Quote;
      /** How the pasted passage matched: as written, or after normalising spacing, line breaks and quotation marks. */
      match: 'verbatim' | 'normalized';
      /** How many times the source has the passage; above 1, the one nearest `near` (else the first) was taken. */
      occurrences: number;
    }
  | { ok: false; reason: string; closest?: ClosestPassage };

/** "the first eight words of it…", for a sentence that must stay short. */
function firstWords(text: string, count = 8): string {
  const ws = text.trim().split(/\s+/);
  return ws.length > count ? `${ws.slice(0, count).join(' ')}…` : ws.join(' ');
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * A pasted passage anchored in the source: found as written, else after normalising
 * whitespace and typographic quotes and dashes (as anchor.ts matches). Surrounding
 * whitespace of the paste is ignored. A passage the source has more than once is
 * anchored at the occurrence nearest `near` (a position in the source, e.g. where the
 * node's old quote stood), else at the first; `occurrences` says how many there were, so
 * the user can paste a longer passage or select the other one in the source. Refused
 * with the closest passage when the source does not have it.
 */
export function locatePassage(source: Source, passage: string, near?: number): LocatedPassage {
  const text = source.text;
  const wanted = passage.trim();
  if (!wanted) return { ok: false, reason: 'There is no passage to look for: paste or type the words to quote.' };

  let ranges = occurrences(text, wanted).map((start) => ({ start, end: start + wanted.length }));
  let match: 'verbatim' | 'normalized' = 'verbatim';
  if (ranges.length === 0) {
    const n = normalizeCached(text);
    const needle = normalizeForMatch(wanted).text;
    ranges = occurrences(n.text, needle).map((i) => toOriginal(n, i, i + needle.length));
    match = 'normalized';
  }
  if (ranges.length > 0) {
    let best = ranges[0]!;
    if (near !== undefined) for (const r of ranges) if (Math.abs(r.start - near) < Math.abs(best.start - near)) best = r;
    return { ok: true, quote: describeQuote(source.id, text, best.start, best.end), match, occurrences: ranges.length };
  }

  const name = quoted(sourceName(source));
  const closest = closestPassageTo(wanted, text) ?? undefined;
  if (!closest) return { ok: false, reason: `The passage is not in ${name}, and nothing there comes close. Check that it is from this source.` };
  const begins = `The closest passage begins ${quoted(firstWords(closest.text))}`;
  return {
    ok: false,
    closest,
    reason: closest.differences
      ? `The passage is not in ${name} as written. ${begins} and says ${closest.differences.source} where the passage has ${closest.differences.quote}.`
      : `The passage is not in ${name} as written. ${begins} and has the same words, with different capitalisation or punctuation.`,
  };
}

/**
 * Attaches a pasted passage of a source to an existing node as its quote (evidence
 * without a selection). A node that already quotes this source keeps the occurrence
 * nearest its old quote when the passage is repeated.
 */
export function attachQuote(nodeId: Id, sourceId: Id, passage: string): Operation {
  const locate = perMap((map) => {
    const old = map.nodes[nodeId]!.quote;
    return locatePassage(map.sources[sourceId]!, passage, old?.source === sourceId ? old.start : undefined);
  });
  return {
    label: 'Attach quote',
    check: (map) => {
      if (!Object.hasOwn(map.nodes, nodeId)) return `There is no node ${quoted(nodeId)}.`;
      if (!Object.hasOwn(map.sources, sourceId)) return `There is no source ${quoted(sourceId)}.`;
      const found = locate(map);
      return found.ok ? (recordProblem(schemas().quote, found.quote, AT.quote) ?? withQuoteSize(map, nodeId, found.quote)) : found.reason;
    },
    apply: (d) => {
      const found = locate(original(d) as ArgumentMap);
      if (found.ok) d.nodes[nodeId]!.quote = found.quote as Draft<Quote>;
    },
  };
}
