// Wording and small pure transforms for the sources pane: roles, quote statuses, node names
// and word diffs (dates are formatted by arguments/dates.ts). No DOM, no React.
import { NODE_KIND_LABELS, type NodeKind, type SourceRole } from '../../arguments/model';
import type { QuoteStatus } from '../../arguments/analysis/audit';
import type { WordOp } from '../../arguments/text/align';

export const ROLE_LABELS = { primary: 'Primary source', secondary: 'Secondary source' } as const satisfies Record<SourceRole, string>;

/** Each status has a symbol and a word, so it never rests on colour alone. */
export const STATUS_SYMBOL: Record<QuoteStatus, string> = {
  verbatim: '✓',
  normalized: '≈',
  interpolated: '[…]',
  altered: '≠',
  'not-found': '⚠',
};

export const STATUS_LABEL: Record<QuoteStatus, string> = {
  verbatim: 'verbatim',
  normalized: 'normalized',
  interpolated: 'interpolated',
  altered: 'altered',
  'not-found': 'not found',
};

export const STATUS_ORDER: readonly QuoteStatus[] = ['verbatim', 'normalized', 'interpolated', 'altered', 'not-found'];

/** "2 verbatim, 1 altered": the statuses in a fixed order, those with no quotation left out. */
export function statusSummary(statuses: readonly QuoteStatus[]): string {
  const counts = new Map<QuoteStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return STATUS_ORDER.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${STATUS_LABEL[s]}`)
    .join(', ');
}

/** How the pane names a node: its title, else its kind and id ("Evidence E1a"). */
export function nodeName(node: { id: string; kind: NodeKind; title?: string | undefined }): string {
  const title = node.title?.trim();
  return title || `${NODE_KIND_LABELS[node.kind]} ${node.id}`;
}

/** At most `max` characters, cut at a word boundary when one is near, with an ellipsis; whitespace runs collapsed. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface DiffRun {
  /** equal: in both; del: in the source, left out or replaced by the quote; ins: the quote's own words. */
  kind: 'equal' | 'del' | 'ins';
  text: string;
}

/**
 * The word diff from the source passage to the quotation as runs of words: within a run
 * of changes the source's words come first (struck through), then the quote's (inserted).
 */
export function diffRuns(ops: readonly WordOp[]): DiffRun[] {
  const out: DiffRun[] = [];
  let equal: string[] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flushChanges = (): void => {
    if (del.length) out.push({ kind: 'del', text: del.join(' ') });
    if (ins.length) out.push({ kind: 'ins', text: ins.join(' ') });
    del = [];
    ins = [];
  };
  const flushEqual = (): void => {
    if (equal.length) out.push({ kind: 'equal', text: equal.join(' ') });
    equal = [];
  };
  for (const o of ops) {
    if (o.op === 'equal') {
      flushChanges();
      equal.push(o.quote ?? o.source ?? '');
      continue;
    }
    flushEqual();
    if ((o.op === 'delete' || o.op === 'replace') && o.source !== undefined) del.push(o.source);
    if ((o.op === 'insert' || o.op === 'replace') && o.quote !== undefined) ins.push(o.quote);
  }
  flushChanges();
  flushEqual();
  return out;
}
