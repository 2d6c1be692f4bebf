// How the outline words its items, for the eye and for a screen reader: what the item does to
// the one above it ("supports", "undercuts the inference"), its kind, title and first words; a
// reference says where the node is shown in full. Pure: no DOM, no React.
import { routeParent, type OutlineItem } from '../../arguments/analysis/outline';
import { NODE_KIND_LABELS, type ArgumentMap, type RelationKind } from '../../arguments/model';
import { excerpt } from '../../arguments/text/excerpt';
import { nodeWords } from '../canvas/describe';

/** What an item does to the item above it. */
export const RELATION_WORDS = {
  supports: 'supports',
  opposes: 'opposes',
  qualifies: 'qualifies',
  undercuts: 'undercuts the inference',
} as const satisfies Record<RelationKind, string>;

const TOGETHER = { supports: 'together support', opposes: 'together oppose', qualifies: 'together qualify', undercuts: 'together undercut' } as const satisfies Record<RelationKind, string>;

/** The relation word shown before an item ("" at the top and for a linked group's premises). */
export function relationWord(item: OutlineItem): string {
  const r = item.relation;
  if (!r) return '';
  if (item.kind === 'linked') return `linked premises, ${TOGETHER[r.kind]}`;
  if (item.parent?.kind === 'linked') return 'linked premise';
  return RELATION_WORDS[r.kind];
}

/** The parts a row shows. */
export interface ItemWords {
  relation: string;
  kind: string;
  title: string;
  text: string;
  voice: string;
  /** For a reference: where the node is shown in full. */
  seeAlso: string;
}

export function itemWords(map: ArgumentMap, item: OutlineItem, primary: OutlineItem | undefined): ItemWords {
  const relation = relationWord(item);
  if (item.kind === 'linked') return { relation, kind: '', title: `${item.relation!.from.length} premises`, text: '', voice: '', seeAlso: '' };
  if (item.kind === 'unconnected') return { relation: '', kind: '', title: 'Not connected to the argument', text: '', voice: '', seeAlso: '' };
  const n = item.node !== null && Object.hasOwn(map.nodes, item.node) ? map.nodes[item.node]! : undefined;
  if (!n) return { relation, kind: '', title: 'A missing node', text: '', voice: '', seeAlso: '' };
  const above = primary ? routeParent(primary) : null;
  return {
    relation,
    kind: NODE_KIND_LABELS[n.kind],
    title: n.title?.trim() ?? '',
    text: excerpt(n.text || n.quote?.exact || '', item.kind === 'reference' ? 80 : 160),
    voice: n.voice ?? '',
    seeAlso: item.kind === 'reference' ? (above?.node ? `shown in full under ${nodeWords(map, above.node)}` : 'shown in full above') : '',
  };
}

/** The item's accessible name: "supports: Claim, Claim 1: Stalin not only …, analyst". */
export function itemLabel(w: ItemWords): string {
  const what = [w.kind, w.title].filter(Boolean).join(', ');
  const head = w.relation ? `${w.relation}: ${what}` : what;
  return [w.text ? `${head}: ${w.text}` : head, w.voice, w.seeAlso].filter(Boolean).join(', ');
}

/** What type-ahead compares the typed letters with: the title, else the text. */
export function typeAheadName(map: ArgumentMap, item: OutlineItem): string {
  if (item.node === null || !Object.hasOwn(map.nodes, item.node)) return item.kind === 'unconnected' ? 'Not connected' : 'Linked premises';
  const n = map.nodes[item.node]!;
  return n.title?.trim() || n.text || n.quote?.exact || '';
}
