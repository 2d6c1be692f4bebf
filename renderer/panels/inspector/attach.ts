// Quotes in the inspector, without React: the attribution under a quote, and attaching a
// pasted passage to a node (evidence without a selection). Whether and where the source
// has the passage is the domain's finding (locatePassage); the change is its attachQuote,
// so the inspector and the operation cannot disagree.
import type { ClosestPassage } from '../../../arguments/analysis/audit';
import { shortAttribution } from '../../../arguments/cite/attribution';
import { locatorFor } from '../../../arguments/cite/locator';
import type { Operation } from '../../../arguments/history';
import type { ArgNode, Id, NodeKind, Quote, Source } from '../../../arguments/model';
import { anchorQuote, attachQuote, locatePassage } from '../../../arguments/operations';
import { describeQuote } from '../../../arguments/text/anchor';

type Sources = Readonly<Record<Id, Source>>;

/**
 * How the inspector offers a quote to a node without one: evidence rests on a quote, so the
 * form is open; any other kind may quote (a claim the passage of a secondary source where it
 * is stated), on request.
 */
export const QUOTE_OFFER = {
  evidence: 'open',
  thesis: 'on-request',
  claim: 'on-request',
  premise: 'on-request',
  counter: 'on-request',
  rebuttal: 'on-request',
  note: 'on-request',
} as const satisfies Record<NodeKind, 'open' | 'on-request'>;

export const sourceOf = (sources: Sources, id: Id): Source | undefined => (Object.hasOwn(sources, id) ? sources[id] : undefined);

/** How a source is named in the inspector's choices. */
export const sourceLabel = (source: Source): string => source.title.trim() || source.id;

/** The short citation under a quote, with the page or folio its position gives; null when the source is not in the map. */
export function quoteAttribution(sources: Sources, quote: Quote): string | null {
  const source = sourceOf(sources, quote.source);
  return source ? shortAttribution(source, locatorFor(source, quote)) : null;
}

/**
 * The source the form starts on: the one the node quotes, else the first of `preferred` the
 * map has (the source the reader is looking at), else the first primary source (evidence
 * quotes primary sources), else the first; '' when the map has none.
 */
export function defaultSourceId(sources: Sources, node: ArgNode, preferred: readonly (Id | null | undefined)[] = []): Id {
  for (const id of [node.quote?.source, ...preferred]) if (id && Object.hasOwn(sources, id)) return id;
  const all = Object.values(sources);
  return (all.find((s) => s.role === 'primary') ?? all[0])?.id ?? '';
}

/** Where the node's old quote stood in this source: the occurrence to prefer when the passage repeats (as attachQuote does). */
export function nearOf(node: ArgNode, sourceId: Id): number | undefined {
  return node.quote?.source === sourceId ? node.quote.start : undefined;
}

export const FOUND = {
  verbatim: 'Found word for word.',
  normalized: 'Found apart from spacing or quotation marks.',
} as const satisfies Record<'verbatim' | 'normalized', string>;

/** "90 % of the words the same": the closest passage's similarity, as a reader takes it in. */
export function similarityLabel(similarity: number): string {
  const pct = Math.round(Math.min(1, Math.max(0, similarity)) * 100);
  // Rounding must not claim the same words for a passage that differs.
  return `${similarity < 1 && pct === 100 ? 99 : pct} % of the words the same`;
}

export interface ClosestOffer {
  sourceId: Id;
  start: number;
  end: number;
  /** The source's own text of the passage. */
  text: string;
  similarity: string;
}

export type AttachPlan =
  | {
      ok: true;
      /** One undo step: the node quotes the passage where the source has it. */
      op: Operation;
      /** What the inspector says once it is attached. */
      message: string;
    }
  | { ok: false; reason: string; closest: ClosestOffer | null };

function repeatedNote(occurrences: number, near: number | undefined): string {
  if (occurrences < 2) return '';
  return near === undefined
    ? ` The source has it ${occurrences} times: the first was taken. Paste a longer passage to quote another.`
    : ` The source has it ${occurrences} times: the one nearest the old quote was taken.`;
}

/** What attaching `passage` of `sourceId` to `node` would do: the operation, or the refusal in words with the closest passage. */
export function planAttach(sources: Sources, node: ArgNode, sourceId: Id, passage: string): AttachPlan {
  if (!sourceId) return { ok: false, reason: 'Choose the source the passage is from.', closest: null };
  const source = sourceOf(sources, sourceId);
  if (!source) return { ok: false, reason: `There is no source "${sourceId}" in this map: choose another.`, closest: null };
  const near = nearOf(node, sourceId);
  const found = locatePassage(source, passage, near);
  if (!found.ok) return { ok: false, reason: found.reason, closest: found.closest ? offer(source, found.closest) : null };
  const spelling = found.match === 'normalized' ? ' The quote keeps the source’s own spelling.' : '';
  return {
    ok: true,
    op: attachQuote(node.id, sourceId, passage),
    message: `${FOUND[found.match]}${spelling}${repeatedNote(found.occurrences, near)}`,
  };
}

function offer(source: Source, closest: ClosestPassage): ClosestOffer {
  return {
    sourceId: source.id,
    start: closest.start,
    end: closest.end,
    text: source.text.slice(closest.start, closest.end),
    similarity: similarityLabel(closest.similarity),
  };
}

/**
 * Attaches exactly the offered passage (at its own position, even where the source repeats
 * it): one undo step, refused if the source's text has changed since it was offered.
 */
export function attachClosest(nodeId: Id, closest: ClosestOffer): Operation {
  const quoteIn = (sources: Sources): Quote | null => {
    const source = sourceOf(sources, closest.sourceId);
    return source && source.text.slice(closest.start, closest.end) === closest.text ? describeQuote(source.id, source.text, closest.start, closest.end) : null;
  };
  return {
    label: 'Attach quote',
    check: (map) => {
      const quote = quoteIn(map.sources);
      return quote ? (anchorQuote(nodeId, quote).check?.(map) ?? null) : 'The source has changed since the closest passage was found: attach the passage again.';
    },
    apply: (d) => {
      const quote = quoteIn(d.sources as Sources);
      if (quote) anchorQuote(nodeId, quote).apply(d);
    },
  };
}

/**
 * Keys a focused control of the quote section keeps from the map's shortcuts: plain keys
 * (Enter on a button must not start editing the node, Delete must not delete it), never
 * the Ctrl/Cmd/Alt ones (undo and adding nodes work from anywhere).
 */
export const keepsKey = (e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean => !e.ctrlKey && !e.metaKey && !e.altKey;
