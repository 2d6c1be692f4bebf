// Random operations a person could do on the map they see, for the network tests: the same twelve
// kinds as the simulated-network test (tests/unit/live/convergence.test.ts), drawn from a seeded
// generator instead of fast-check steps. Some are refused by their checks; that is fine too.
import type { Operation } from '../../arguments/history';
import type { LiveSession } from '../../arguments/live/session';
import { emptyMap, NODE_KINDS, type ArgumentMap } from '../../arguments/model';
import { addNode, connect, deleteItems, editNode, groupPremises, moveNodes, reply, setCollapsed, setEvaluation, startThread, ungroupPremises } from '../../arguments/operations';

/** mulberry32: a fixed seed gives the same choices on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
const WORDS = ['Stalin', 'Gottwald', 'letter', 'Korea', ' UN', 'veto', '1950', 'Prague', ''];

export function randomOperation(s: LiveSession, rnd: () => number): Operation | null {
  const nat = () => Math.floor(rnd() * 1e9);
  const [which, a, b, c] = [Math.floor(rnd() * 12), nat(), nat(), nat()];
  const text = pickOf(WORDS, nat())!;
  const map = s.map;
  const nodes = Object.keys(map.nodes).sort();
  const rels = Object.keys(map.relations).sort();
  const n1 = pickOf(nodes, a);
  const n2 = pickOf(nodes, b);
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, c % 3600)).toISOString();
  switch (which) {
    case 0:
      return addNode({ id: s.freshId('n'), kind: NODE_KINDS[c % NODE_KINDS.length]!, text }, { x: b % 900, y: c % 900 });
    case 1:
      return n1 ? editNode(n1, { text: `${map.nodes[n1]!.text.slice(0, b % 8)}${text}${map.nodes[n1]!.text.slice(b % 8)}` }) : null;
    case 2:
      return n1 ? deleteItems([n1], []) : null;
    case 3:
      return n1 && n2 ? connect({ id: s.freshId('r'), kind: c % 2 ? 'supports' : 'opposes', from: [n1], to: n2 }) : null;
    case 4: {
      const r = pickOf(rels, a);
      return r ? connect({ id: s.freshId('r'), kind: 'undercuts', from: [n2 ?? ''], to: r }) : null;
    }
    case 5: {
      const into = rels.filter((r) => map.relations[r]!.kind !== 'undercuts');
      const r = pickOf(into, a);
      const other = r && into.filter((x) => x !== r && map.relations[x]!.to === map.relations[r]!.to && map.relations[x]!.kind === map.relations[r]!.kind);
      return r && other && other.length ? groupPremises([r, pickOf(other, b)!]) : null;
    }
    case 6: {
      const r = pickOf(rels, a);
      return r ? ungroupPremises(r) : null;
    }
    case 7:
      return n1 ? moveNodes({ [n1]: { x: b % 1000, y: c % 1000 } }) : null;
    case 8:
      return n1 ? setCollapsed(n1, b % 2 === 0) : null;
    case 9:
      return n1 ? setEvaluation(n1, `student:${c % 3}`, map.nodes[n1]!.kind === 'evidence' ? 'shaky' : 'doubt', text || undefined) : null;
    case 10:
      return n1 ? startThread(s.freshId('th'), n1, { author: 'student', at, text: text || 'Why?' }) : null;
    default: {
      const t = pickOf(Object.keys(map.comments ?? {}).sort(), a);
      return t ? reply(t, { author: 'student', at, text: text || 'Because.' }) : null;
    }
  }
}
