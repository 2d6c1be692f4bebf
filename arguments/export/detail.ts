// How much of each node a figure shows. A page-ready figure may show less than the map holds
// (a journal column has room for titles, not for quotations); every level still shows every
// node, its kind and, for evidence, the short citation of its source.
import type { ArgNode } from '../model';
import { excerpt } from '../text/excerpt';

/** From the most to the least: the order in which the page fitter tries them. */
export const DETAILS = ['full', 'statements', 'titles'] as const;
export type Detail = (typeof DETAILS)[number];

export const DETAIL_LABELS = {
  full: 'Full (statements and quotations)',
  statements: 'Title and statement',
  titles: 'Titles only',
} as const satisfies Record<Detail, string>;

/** How many characters stand for a node without a title, or for a long title, at the titles level. */
export const TITLE_CHARS = 80;

export interface ShownParts {
  title?: string;
  text: string;
  /** Whether the quotation is drawn (the short citation of its source is drawn at every level). */
  quote: boolean;
}

/** What of `node` a figure at `detail` draws: titles only shows the title, or the statement's first words when it has none. */
export function shownParts(node: ArgNode, detail: Detail): ShownParts {
  if (detail === 'full') return { title: node.title, text: node.text, quote: true };
  if (detail === 'statements') return { title: node.title, text: node.text, quote: false };
  const title = node.title?.trim() ? excerpt(node.title, TITLE_CHARS) : undefined;
  return { title, text: title ? '' : excerpt(node.text, TITLE_CHARS), quote: false };
}

export function isDetail(s: string): s is Detail {
  return (DETAILS as readonly string[]).includes(s);
}
