// Where in the original a quote stands: the page or folio a footnote names ("p. 42", "l. 71").
//
// Texts extracted from a PDF keep its page breaks as form feeds (U+000C), so the number of
// form feeds before a quote is its page in the file, counted from 0. From that:
// - a source with a first page (the archival citation's `page` in a published edition, or an
//   imported record's `page` such as "5-36") numbers its pages from there: page = first + n;
//   without one, the file's pages count from 1;
// - an archival document with folios (`listy` "71–72") and no first page numbers its leaves:
//   folio = 71 + n (a scan of one leaf per page); when that would pass the last folio the
//   mapping is not one leaf per page, and the whole range is given;
// - a text without page breaks gives the whole range it has (folios "71–72", or the pages of a
//   document in an edition), and nothing for a book or article (its pages are in the
//   bibliography entry already).
// A quote that crosses a page break gets a range ("71–72").
import type { Quote, Source } from '../model';
import { anchorQuote, isQuoteFound } from '../text/anchor';
import { isArchival } from './csl';

export interface Locator {
  label: 'page' | 'folio';
  value: string;
}

const FORM_FEED = '\f';

function breaksBefore(text: string, at: number): number {
  let n = 0;
  for (let i = text.indexOf(FORM_FEED); i !== -1 && i < at; i = text.indexOf(FORM_FEED, i + 1)) n++;
  return n;
}

/** The first and last number of "71–72", "5-36", "71ob.", "12"; null when it starts with no number. */
function numberRange(value: string | undefined): { first: number; last: number; text: string } | null {
  const text = value?.trim();
  if (!text) return null;
  const first = /^(\d+)/.exec(text);
  if (!first) return null;
  const last = /(\d+)\D*$/.exec(text);
  return { first: Number(first[1]), last: Number(last?.[1] ?? first[1]), text: text.replace(/\s*[-–]\s*/, '–') };
}

const range = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);

type Span = { start: number; end: number } | null;

/**
 * Anchors already found, per quote object: a figure boxes each card twice and a card's size is
 * estimated too, each asking for the quote's locator (anchoring against the whole source each
 * time). A hit needs the same text and the same quote fields, so a changed object is anchored again.
 */
const anchored = new WeakMap<Quote, { text: string; exact: string; prefix?: string; suffix?: string; start?: number; span: Span }>();

function anchoredSpan(text: string, quote: Quote): Span {
  const hit = anchored.get(quote);
  if (hit && hit.text === text && hit.exact === quote.exact && hit.prefix === quote.prefix && hit.suffix === quote.suffix && hit.start === quote.start) return hit.span;
  const anchor = anchorQuote(text, quote);
  const span = anchor ? { start: anchor.start, end: anchor.end } : null;
  anchored.set(quote, { text, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: quote.start, span });
  return span;
}

/** The quote's span in the text: an anchored quote where it is found, or a bare position. */
function spanOf(source: Source, quote: Quote | { start: number }): { start: number; end: number } | null {
  if ('exact' in quote) return anchoredSpan(source.text, quote);
  if (!Number.isInteger(quote.start) || quote.start < 0 || quote.start > source.text.length) return null;
  return { start: quote.start, end: quote.start };
}

/**
 * Is the quote found in the text? A text without page breaks needs only this (text/anchor.ts's
 * isQuoteFound, not the span): cards' sizes ask for every quote's locator when a map opens, and
 * anchoring each against a long source with its context was most of that time.
 */
const found = (source: Source, quote: Quote | { start: number }): boolean => ('exact' in quote ? isQuoteFound(source.text, quote) : spanOf(source, quote) !== null);

export function locatorFor(source: Source, quote: Quote | { start: number }): Locator | null {
  const paged = source.text.includes(FORM_FEED);
  const span = paged ? spanOf(source, quote) : null;
  if (paged ? !span : !found(source, quote)) return null;
  const edition = numberRange(source.citation?.page);
  const firstPage = edition ?? numberRange(typeof source.bib?.page === 'string' ? source.bib.page : undefined);
  const folios = isArchival(source) ? numberRange(source.citation?.listy) : null;

  if (!paged) {
    if (folios && !edition) return { label: 'folio', value: folios.text };
    if (edition && isArchival(source)) return { label: 'page', value: edition.text };
    if (source.citation?.listy?.trim() && !edition) return { label: 'folio', value: source.citation.listy.trim() };
    return null;
  }
  if (!span) return null;
  // The page of a character is the number of page breaks before it; the quote's last character decides its last page.
  const [a, b] = [breaksBefore(source.text, span.start), breaksBefore(source.text, Math.max(span.start, span.end - 1))];
  if (firstPage) return { label: 'page', value: range(firstPage.first + a, firstPage.first + b) };
  if (folios) {
    const [fa, fb] = [folios.first + a, folios.first + b];
    return fb <= folios.last ? { label: 'folio', value: range(fa, fb) } : { label: 'folio', value: folios.text };
  }
  return { label: 'page', value: range(1 + a, 1 + b) };
}
