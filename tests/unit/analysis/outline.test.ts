import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOutline, outlineOf, readingOrder, routeChildren, routeParent, routeSiblings, visibleRows, type Outline, type OutlineItem } from '../../../arguments/analysis/outline';
import { loadMap } from '../../../arguments/format/load';
import { emptyMap, type ArgNode, type ArgumentMap, type NodeKind, type Relation } from '../../../arguments/model';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

/** A map from a list of nodes (placed left to right in the order given) and relations. */
function mapOf(nodes: [string, NodeKind][], relations: Relation[]): ArgumentMap {
  const m = emptyMap('2026-01-01T00:00:00Z');
  nodes.forEach(([id, kind], i) => {
    m.nodes[id] = { id, kind, text: `${id} text` } as ArgNode;
    m.view.positions[id] = { x: i * 100, y: 0 };
  });
  for (const r of relations) m.relations[r.id] = r;
  return m;
}
const rel = (id: string, kind: Relation['kind'], from: string[], to: string): Relation => ({ id, kind, from, to });

/** The outline as indented lines: "kind node (relation)". */
function lines(o: Outline): string[] {
  return visibleRows(o, new Set()).map(({ item }) => `${'  '.repeat(item.level - 1)}${item.kind}${item.node ? ` ${item.node}` : ''}${item.relation ? ` (${item.relation.kind})` : ''}`);
}

describe('the outline of the shipped map', () => {
  const map = seed();
  const o = buildOutline(map);

  it('starts at the thesis, with the four claims directly under it', () => {
    expect(o.roots.map((r) => r.node)).toEqual(['T']);
    const claims = o.roots[0]!.children.filter((c) => c.node && map.nodes[c.node]!.kind === 'claim').map((c) => c.node);
    expect(new Set(claims)).toEqual(new Set(['C1', 'C2', 'C3', 'C4']));
  });

  it('shows every node once in full; a node reached again is a reference', () => {
    const rows = visibleRows(o, new Set());
    const full = rows.filter((r) => r.item.kind === 'node').map((r) => r.item.node);
    expect(full.length).toBe(Object.keys(map.nodes).length);
    expect(new Set(full).size).toBe(full.length);
    // E0a supports P0, O1 and O8: once in full, twice as a reference.
    expect(rows.filter((r) => r.item.node === 'E0a').map((r) => r.item.kind).sort()).toEqual(['node', 'reference', 'reference']);
    expect(readingOrder(o)).toEqual(full);
  });

  it('keeps the linked co-premises of Claim 1 together, and the undercut of their inference under the group', () => {
    const c1 = o.primary.get('C1')!;
    const group = c1.children.find((c) => c.kind === 'linked')!;
    expect(group.relation!.id).toBe('r.P1.C1');
    expect(group.children.filter((c) => c.relation?.id === 'r.P1.C1').map((c) => c.node)).toEqual(['P1a', 'P1b']);
    expect(group.children.some((c) => c.node === 'O1' && c.relation!.kind === 'undercuts')).toBe(true);
  });

  it('puts an undercut under the premise whose inference it attacks', () => {
    // O2 undercuts "E1a supports P1a": under E1a's item there.
    const e1a = o.primary.get('E1a')!;
    expect(e1a.relation!.id).toBe('r.E1a.P1a');
    expect(e1a.children.map((c) => c.node)).toContain('O2');
  });
});

describe('outline rules', () => {
  it('a cycle ends in a reference, and nodes only a cycle reaches still appear', () => {
    const m = mapOf([['A', 'claim'], ['B', 'premise']], [rel('ab', 'supports', ['A'], 'B'), rel('ba', 'supports', ['B'], 'A')]);
    expect(lines(buildOutline(m))).toEqual(['node A', '  node B (supports)', '    reference A (supports)']);
  });

  it('an undercut of an undercut sits under the undercut it attacks', () => {
    const m = mapOf(
      [['T', 'thesis'], ['P', 'premise'], ['U', 'counter'], ['V', 'rebuttal']],
      [rel('pt', 'supports', ['P'], 'T'), rel('u', 'undercuts', ['U'], 'pt'), rel('v', 'undercuts', ['V'], 'u')],
    );
    expect(lines(buildOutline(m))).toEqual(['node T', '  node P (supports)', '    node U (undercuts)', '      node V (undercuts)']);
  });

  it('a shared premise is shown in full at its first place (reading order) and referred to after', () => {
    const m = mapOf(
      [['T', 'thesis'], ['C1', 'claim'], ['E', 'evidence'], ['C2', 'claim']],
      [rel('c1', 'supports', ['C1'], 'T'), rel('c2', 'supports', ['C2'], 'T'), rel('e1', 'supports', ['E'], 'C1'), rel('e2', 'supports', ['E'], 'C2')],
    );
    expect(lines(buildOutline(m))).toEqual(['node T', '  node C1 (supports)', '    node E (supports)', '  node C2 (supports)', '    reference E (supports)']);
  });

  it('an undercut of the shared premise’s second inference stays with that inference, under the reference', () => {
    const m = mapOf(
      [['T', 'thesis'], ['C1', 'claim'], ['E', 'evidence'], ['C2', 'claim'], ['O', 'counter']],
      [rel('c1', 'supports', ['C1'], 'T'), rel('c2', 'supports', ['C2'], 'T'), rel('e1', 'supports', ['E'], 'C1'), rel('e2', 'supports', ['E'], 'C2'), rel('o', 'undercuts', ['O'], 'e2')],
    );
    expect(lines(buildOutline(m)).slice(-2)).toEqual(['    reference E (supports)', '      node O (undercuts)']);
  });

  it('siblings follow their left-to-right order on the map, not the order of the records', () => {
    const m = mapOf([['T', 'thesis'], ['C2', 'claim'], ['C1', 'claim']], [rel('a', 'supports', ['C2'], 'T'), rel('b', 'supports', ['C1'], 'T')]);
    m.view.positions.C1 = { x: -50, y: 0 };
    expect(buildOutline(m).roots[0]!.children.map((c) => c.node)).toEqual(['C1', 'C2']);
  });

  it('theses first, then what bears on nothing, unconnected nodes last in their own section', () => {
    const m = mapOf(
      [['N', 'note'], ['C', 'claim'], ['P', 'premise'], ['T', 'thesis'], ['Q', 'premise']],
      [rel('pc', 'supports', ['P'], 'C')],
    );
    const o = buildOutline(m);
    expect(lines(o)).toEqual(['node T', 'node C', '  node P (supports)', 'unconnected', '  node Q', '  node N']);
    // The route at the top runs through every top item, the unconnected ones included.
    expect(routeSiblings(o, o.primary.get('T')!).map((i) => i.node)).toEqual(['T', 'C', 'Q', 'N']);
  });

  it('ids such as "constructor" and "__proto__"-like keys are nodes like any other', () => {
    const m = mapOf([['constructor', 'thesis'], ['toString', 'claim']], [rel('r', 'supports', ['toString'], 'constructor')]);
    expect(lines(buildOutline(m))).toEqual(['node constructor', '  node toString (supports)']);
  });

  it('relations to nodes that are not there are left out, not followed', () => {
    const m = mapOf([['T', 'thesis'], ['P', 'premise']], [rel('x', 'supports', ['P'], 'missing'), rel('y', 'undercuts', ['P'], 'nothing')]);
    expect(lines(buildOutline(m))).toEqual(['node T', 'unconnected', '  node P']);
  });

  it('a chain of 10,000 nodes builds without overflowing the stack', () => {
    const nodes: [string, NodeKind][] = Array.from({ length: 10_000 }, (_, i) => [`n${i}`, i === 0 ? 'thesis' : 'premise']);
    const relations = nodes.slice(1).map(([id], i) => rel(`r${i}`, 'supports', [id], `n${i}`));
    const o = buildOutline(mapOf(nodes, relations));
    expect(o.primary.get('n9999')!.level).toBe(10_000);
    expect(visibleRows(o, new Set()).length).toBe(10_000);
  });
});

describe('visible rows', () => {
  const map = seed();
  const o = outlineOf(map);
  it('a collapsed item hides what is under it and says it is collapsed; set sizes and positions count siblings', () => {
    const c1 = o.primary.get('C1')!;
    const rows = visibleRows(o, new Set([c1.key]));
    const row = rows.find((r) => r.item === c1)!;
    expect(row.expanded).toBe(false);
    expect(rows.some((r) => r.item.node === 'P1a')).toBe(false);
    expect(row.setSize).toBe(o.roots[0]!.children.length);
    expect(o.roots[0]!.children[row.posInSet - 1]).toBe(c1);
    const leaf = rows.find((r) => r.item.children.length === 0)!;
    expect(leaf.expanded).toBeNull();
  });
  it('is cached per map object', () => {
    expect(outlineOf(map)).toBe(o);
  });
});

describe('the route (the canvas’s arrow keys)', () => {
  const o = outlineOf(seed());
  const node = (item: OutlineItem | null) => item?.node ?? null;
  it('up goes to what a node bears on, down to what bears on it, a linked group’s premises taken in its place', () => {
    const c1 = o.primary.get('C1')!;
    expect(node(routeParent(c1))).toBe('T');
    expect(routeChildren(c1).map((i) => i.node)).toEqual(expect.arrayContaining(['P1a', 'P1b', 'O1', 'K1']));
    // From a premise in the group, up is the claim, not the group.
    expect(node(routeParent(o.primary.get('P1a')!))).toBe('C1');
  });
  it('siblings are the items under the same target, the item itself among them', () => {
    const p1a = o.primary.get('P1a')!;
    const sibs = routeSiblings(o, p1a);
    expect(sibs).toContain(p1a);
    expect(sibs.map((i) => i.node)).toContain('P1b');
  });
  it('from the thesis every node is reached by going down and across', () => {
    const seen = new Set<string>();
    const stack = [o.roots[0]!];
    while (stack.length) {
      const item = stack.pop()!;
      if (item.node) seen.add(item.node);
      stack.push(...routeChildren(item));
    }
    expect(seen.size).toBe(39);
  });
});
