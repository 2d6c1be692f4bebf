// The argument as a tree, for reading it in order: the thesis, the claims that bear on it, their
// reasons and objections, each item under what it supports or attacks. Linked co-premises sit
// together in one group; an undercut sits under the inference it attacks (the item of that
// inference's premise, or its linked group); a node reached a second time is shown there as a
// reference to its first place (so cycles end); nodes with no relation at all come last.
// The outline view and the canvas's arrow-key route both walk this one tree.
// Pure: no DOM, no React. Built iteratively, so a chain of 10,000 nodes does not overflow the stack.
import { NODE_KINDS, type ArgumentMap, type Id, type NodeKind, type Relation } from '../model';
import { naturalCompare } from './order';

export type OutlineItemKind = 'node' | 'reference' | 'linked' | 'unconnected';

export interface OutlineItem {
  /** Unique in the outline; stable while the argument's structure is (ids never contain "/"). */
  key: string;
  /** node: a node in its first place; reference: a node already shown elsewhere; linked: co-premises; unconnected: the closing section. */
  kind: OutlineItemKind;
  /** The node shown; null for a linked group and the unconnected section. */
  node: Id | null;
  /** How this item bears on its parent (a linked group's premises share the group's relation); null at the top. */
  relation: Relation | null;
  parent: OutlineItem | null;
  children: OutlineItem[];
  /** 1 at the top. */
  level: number;
}

export interface Outline {
  /** The theses, then other nodes that bear on nothing, then what only cycles reach, then the unconnected section. */
  roots: OutlineItem[];
  /** Each node's first place. */
  primary: ReadonlyMap<Id, OutlineItem>;
  byKey: ReadonlyMap<string, OutlineItem>;
}

const KIND_RANK = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as Record<NodeKind, number>;
const FAR = Number.POSITIVE_INFINITY;

export function buildOutline(map: ArgumentMap): Outline {
  const { nodes, relations, view } = map;
  const isNode = (id: Id) => Object.hasOwn(nodes, id);
  const pos = (id: Id) => (Object.hasOwn(view.positions, id) ? view.positions[id]! : { x: FAR, y: FAR });

  // Relations bearing on each node, undercuts of each relation; only those whose ends exist.
  const bearingOn = new Map<Id, Relation[]>();
  const undercutsOf = new Map<Id, Relation[]>();
  const related = new Set<Id>();
  const bears = new Set<Id>();
  const push = (m: Map<Id, Relation[]>, k: Id, r: Relation) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of Object.values(relations)) {
    const from = r.from.filter(isNode);
    if (from.length === 0) continue;
    const rel = from.length === r.from.length ? r : { ...r, from };
    if (r.kind === 'undercuts') {
      if (!Object.hasOwn(relations, r.to)) continue;
      push(undercutsOf, r.to, rel);
    } else {
      if (!isNode(r.to)) continue;
      push(bearingOn, r.to, rel);
      related.add(r.to);
    }
    for (const f of from) {
      related.add(f);
      bears.add(f);
    }
  }

  // Visual order: left to right, then top to bottom, then by id as a reader compares them.
  const byPosition = (a: Id, b: Id) => {
    const p = pos(a);
    const q = pos(b);
    return p.x - q.x || p.y - q.y || naturalCompare(a, b);
  };
  const byKindThenPosition = (a: Id, b: Id) => KIND_RANK[nodes[a]!.kind] - KIND_RANK[nodes[b]!.kind] || byPosition(a, b);
  const leftmost = (ids: readonly Id[]) => [...ids].sort(byPosition)[0]!;

  const byKey = new Map<string, OutlineItem>();
  const primary = new Map<Id, OutlineItem>();
  const make = (key: string, kind: OutlineItemKind, node: Id | null, relation: Relation | null, parent: OutlineItem | null): OutlineItem => {
    const item: OutlineItem = { key, kind, node, relation, parent, children: [], level: parent ? parent.level + 1 : 1 };
    byKey.set(key, item);
    return item;
  };

  /** The items for relations bearing on `parent`: one per single premise, one group per linked inference. */
  const itemsFor = (parent: OutlineItem, rels: readonly Relation[]): OutlineItem[] => {
    const entries = rels.map((r) => ({ r, anchor: r.from.length === 1 ? r.from[0]! : leftmost(r.from) }));
    entries.sort((a, b) => byPosition(a.anchor, b.anchor) || naturalCompare(a.r.id, b.r.id));
    return entries.map(({ r }) => (r.from.length === 1 ? make(`r/${r.id}`, 'node', r.from[0]!, r, parent) : make(`r/${r.id}`, 'linked', null, r, parent)));
  };

  /** Decides what `item` is (first place or reference) and fills in its children. */
  const expand = (item: OutlineItem): void => {
    const inference = item.relation && (item.kind === 'linked' || item.relation.from.length === 1) ? item.relation : null;
    const attacks = inference ? (undercutsOf.get(inference.id) ?? []) : [];
    if (item.kind === 'linked') {
      const members = [...inference!.from].sort(byPosition).map((id) => make(`r/${inference!.id}/${id}`, 'node', id, inference, item));
      item.children = [...members, ...itemsFor(item, attacks)];
      return;
    }
    const id = item.node!;
    if (primary.has(id)) {
      item.kind = 'reference';
      item.children = itemsFor(item, attacks);
      return;
    }
    primary.set(id, item);
    const children = itemsFor(item, [...(bearingOn.get(id) ?? []), ...attacks]);
    item.children = children;
  };

  const walk = (root: OutlineItem): void => {
    // Pre-order, so a node's first place is the first one a reader meets.
    const stack = [root];
    while (stack.length > 0) {
      const item = stack.pop()!;
      expand(item);
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
    }
  };

  const roots: OutlineItem[] = [];
  const addRoot = (id: Id) => {
    if (primary.has(id)) return;
    const root = make(`root/${id}`, 'node', id, null, null);
    roots.push(root);
    walk(root);
  };
  const ids = Object.keys(nodes);
  for (const id of ids.filter((id) => nodes[id]!.kind === 'thesis').sort(byPosition)) addRoot(id);
  for (const id of ids.filter((id) => related.has(id) && !bears.has(id)).sort(byKindThenPosition)) addRoot(id);
  // What only cycles reach: each cycle from its first node.
  for (const id of ids.filter((id) => related.has(id) && !primary.has(id)).sort(byKindThenPosition)) addRoot(id);

  const alone = ids.filter((id) => !primary.has(id)).sort(byKindThenPosition);
  if (alone.length > 0) {
    const section = make('unconnected', 'unconnected', null, null, null);
    section.children = alone.map((id) => {
      const item = make(`unconnected/${id}`, 'node', id, null, section);
      primary.set(id, item);
      return item;
    });
    roots.push(section);
  }
  return { roots, primary, byKey };
}

// ----- the rows shown ------------------------------------------------------------

export interface OutlineRow {
  item: OutlineItem;
  /** aria-setsize / aria-posinset: among the item's siblings. */
  setSize: number;
  posInSet: number;
  /** null when the item has no children. */
  expanded: boolean | null;
}

/** The items a reader sees, in order, with the items under a collapsed one left out. */
export function visibleRows(outline: Outline, collapsed: ReadonlySet<string>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const stack: { item: OutlineItem; setSize: number; posInSet: number }[] = [];
  const pushAll = (items: readonly OutlineItem[]) => {
    for (let i = items.length - 1; i >= 0; i--) stack.push({ item: items[i]!, setSize: items.length, posInSet: i + 1 });
  };
  pushAll(outline.roots);
  while (stack.length > 0) {
    const { item, setSize, posInSet } = stack.pop()!;
    const open = item.children.length === 0 ? null : !collapsed.has(item.key);
    rows.push({ item, setSize, posInSet, expanded: open });
    if (open) pushAll(item.children);
  }
  return rows;
}

// ----- the route through it (the canvas's arrow keys) -------------------------------

const showsNode = (item: OutlineItem) => item.kind === 'node' || item.kind === 'reference';

/** The node items under `item`, a linked group's premises and undercuts taken in its place. */
export function routeChildren(item: OutlineItem): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (const c of item.children) {
    if (showsNode(c)) out.push(c);
    else out.push(...routeChildren(c));
  }
  return out;
}

/** What `item` bears on (the nearest node item above it); null at the top. */
export function routeParent(item: OutlineItem): OutlineItem | null {
  let p = item.parent;
  while (p && !showsNode(p)) p = p.parent;
  return p;
}

/** The node items beside `item` under the same parent, in order, `item` among them; at the top: every top item. */
export function routeSiblings(outline: Outline, item: OutlineItem): OutlineItem[] {
  const parent = routeParent(item);
  if (parent) return routeChildren(parent);
  return outline.roots.flatMap((r) => (showsNode(r) ? [r] : routeChildren(r)));
}

const cache = new WeakMap<ArgumentMap, Outline>();

/** `buildOutline`, once per map object (an edit or a drag frame makes a new one). */
export function outlineOf(map: ArgumentMap): Outline {
  let o = cache.get(map);
  if (!o) {
    o = buildOutline(map);
    cache.set(map, o);
  }
  return o;
}

/** Every node once, in the order the outline reads them (each at its first place). */
export function readingOrder(outline: Outline): Id[] {
  return visibleRows(outline, new Set())
    .filter((row) => row.item.kind === 'node' && row.item.node !== null)
    .map((row) => row.item.node!);
}
