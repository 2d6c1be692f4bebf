// The live tests' seminar: its starting map and the random operations a peer could do on what it
// sees (twelve kinds, some refused by their checks: that is fine too), chosen by drawn numbers, so
// the simulated network (convergence.test.ts, fast-check's draws) and the real one (tests/net,
// a seeded generator's) run the same operations.
import type { Operation } from '../../../arguments/history';
import type { LiveSession } from '../../../arguments/live/session';
import { emptyMap, NODE_KINDS, type ArgumentMap } from '../../../arguments/model';
import { addNode, connect, deleteItems, editNode, groupPremises, moveNodes, reply, setCollapsed, setEvaluation, startThread, ungroupPremises } from '../../../arguments/operations';

/** The seminar's starting map: a thesis, five claims, a linked and a single inference. */
export function seminarMap(): ArgumentMap {
  const map = emptyMap('1950-08-27T00:00:00Z', 'Seminar');
  for (let i = 1; i <= 6; i++) {
    map.nodes[`n${i}`] = { id: `n${i}`, kind: i === 1 ? 'thesis' : 'claim', text: `Statement ${i}.` };
    map.view.positions[`n${i}`] = { x: i * 100, y: 0 };
  }
  map.relations.r1 = { id: 'r1', kind: 'supports', from: ['n2', 'n3'], to: 'n1' };
  map.relations.r2 = { id: 'r2', kind: 'opposes', from: ['n4'], to: 'n1' };
  return map;
}

const pickOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length === 0 ? undefined : xs[n % xs.length]);

/** What one random operation is made of: its kind (0-11), three numbers that choose its targets and places, and a text. */
export interface OperationDraw {
  which: number;
  a: number;
  b: number;
  c: number;
  text: string;
}

/** A random operation a peer could do on the map it sees (it may be refused: that is fine too). */
export function seminarOperation(s: LiveSession, st: OperationDraw): Operation | null {
  const map = s.map;
  const nodes = Object.keys(map.nodes).sort();
  const rels = Object.keys(map.relations).sort();
  const n1 = pickOf(nodes, st.a);
  const n2 = pickOf(nodes, st.b);
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, st.c % 3600)).toISOString();
  switch (st.which) {
    case 0:
      return addNode({ id: s.freshId('n'), kind: NODE_KINDS[st.c % NODE_KINDS.length]!, text: st.text }, { x: st.b % 900, y: st.c % 900 });
    case 1:
      return n1 ? editNode(n1, { text: `${map.nodes[n1]!.text.slice(0, st.b % 8)}${st.text}${map.nodes[n1]!.text.slice(st.b % 8)}` }) : null;
    case 2:
      return n1 ? deleteItems([n1], []) : null;
    case 3:
      return n1 && n2 ? connect({ id: s.freshId('r'), kind: st.c % 2 ? 'supports' : 'opposes', from: [n1], to: n2 }) : null;
    case 4: {
      const r = pickOf(rels, st.a);
      return r ? connect({ id: s.freshId('r'), kind: 'undercuts', from: [n2 ?? ''], to: r }) : null;
    }
    case 5: {
      const into = rels.filter((r) => map.relations[r]!.kind !== 'undercuts');
      const r = pickOf(into, st.a);
      const other = r && into.filter((x) => x !== r && map.relations[x]!.to === map.relations[r]!.to && map.relations[x]!.kind === map.relations[r]!.kind);
      return r && other && other.length ? groupPremises([r, pickOf(other, st.b)!]) : null;
    }
    case 6: {
      const r = pickOf(rels, st.a);
      return r ? ungroupPremises(r) : null;
    }
    case 7:
      return n1 ? moveNodes({ [n1]: { x: st.b % 1000, y: st.c % 1000 } }) : null;
    case 8:
      return n1 ? setCollapsed(n1, st.b % 2 === 0) : null;
    case 9:
      return n1 ? setEvaluation(n1, `student:${st.c % 3}`, map.nodes[n1]!.kind === 'evidence' ? 'shaky' : 'doubt', st.text || undefined) : null;
    case 10:
      return n1 ? startThread(s.freshId('th'), n1, { author: 'student', at, text: st.text || 'Why?' }) : null;
    default: {
      const t = pickOf(Object.keys(map.comments ?? {}).sort(), st.a);
      return t ? reply(t, { author: 'student', at, text: st.text || 'Because.' }) : null;
    }
  }
}

