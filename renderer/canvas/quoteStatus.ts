// Whether each node's quote is still found in its source, cached by the identity of the
// quote and of the source text: an edit elsewhere in a 10,000-node map re-checks nothing.
import { anchorQuote } from '../../arguments/text/anchor';
import type { ArgumentMap, ArgNode, Quote } from '../../arguments/model';

type Sources = ArgumentMap['sources'];

export type QuoteCheck = { status: 'verbatim' | 'normalized' | 'not-found'; start?: number; end?: number };

const cache = new WeakMap<object, { text: string; check: QuoteCheck }>();

export function checkQuote(sources: Sources, node: ArgNode): QuoteCheck | null {
  const quote = node.quote;
  if (!quote) return null;
  return checkQuoteIn(Object.hasOwn(sources, quote.source) ? sources[quote.source]!.text : undefined, quote);
}

/** The quote checked against its source's text (undefined: the source is gone). */
export function checkQuoteIn(text: string | undefined, quote: Quote): QuoteCheck {
  const hit = cache.get(quote);
  if (hit && hit.text === text) return hit.check;
  let check: QuoteCheck = { status: 'not-found' };
  if (text !== undefined) {
    const a = anchorQuote(text, quote);
    if (a) check = { status: a.match === 'exact' ? 'verbatim' : 'normalized', start: a.start, end: a.end };
  }
  cache.set(quote, { text: text ?? '', check });
  return check;
}
