// Properties of the status on random maps, against references written here, naively: Dung's
// characteristic function for attack-only maps, and for maps with supports, linked premises,
// undercuts and evaluations a simultaneous (Jacobi) iteration of the rules with an unfounded-set
// step, plus a checker of the local conditions. Seeds: tests/unit/setup.ts (FC_SEED to replay).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStatus, type DialecticalStatus, type Evaluation } from '../../../arguments/analysis/status';
import type { ArgumentMap, Relation, RelationKind } from '../../../arguments/model';
import { inferenceLabels, labels, mapOf, type NodeSpec, type RelationSpec } from './helpers';

type L = 'stands' | 'falls' | 'open';

// ----- random maps -----------------------------------------------------------------------------

const attackOnly = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    attacks: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3, selector: ([a, b]) => `${a} ${b}` }),
  }),
);

function attackMap({ n, attacks }: { n: number; attacks: [number, number][] }): ArgumentMap {
  return mapOf(
    Array.from({ length: n }, (_, k) => `a${k}`),
    attacks.map(([x, y], k): RelationSpec => [`r${k}`, 'opposes', `a${x}`, `a${y}`]),
  );
}

const VOICES = ['analyst', 'critic', undefined] as const;
const VERDICTS = ['accept', 'doubt', 'reject', 'solid', 'shaky', 'none', 'strong', 'weak'] as const;

interface Spec {
  nodes: NodeSpec[];
  relations: RelationSpec[];
  evaluations: Evaluation[];
}

const general: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.integer({ min: 0, max: 16 }).chain((m) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: n }, (_, k) => fc.tuple(fc.constant(`n${k}`), fc.constantFrom('claim' as const, 'evidence' as const), fc.constantFrom(...VOICES)))),
      relations: fc.tuple(
        ...Array.from({ length: m }, (_, k) =>
          fc.record({
            kind: fc.constantFrom<RelationKind>('supports', 'supports', 'opposes', 'undercuts', 'qualifies'),
            from: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
            to: fc.nat(Math.max(n, m) - 1),
            voice: fc.constantFrom(...VOICES),
          }).map(({ kind, from, to, voice }): RelationSpec => [`r${k}`, kind, from.map((f) => `n${f}`), kind === 'undercuts' ? (m > 0 ? `r${to % m}` : `n0`) : `n${to % n}`, voice]),
        ),
      ),
      evaluations: fc.array(
        fc.record({
          target: fc.oneof(fc.nat(n - 1).map((k) => `n${k}`), fc.nat(Math.max(0, m - 1)).map((k) => `r${k}`), fc.constant('ghost')),
          verdict: fc.constantFrom(...VERDICTS),
          by: fc.constantFrom('analyst', 'critic', 'student'),
        }),
        { maxLength: 6 },
      ),
    }),
  ),
).map((s) => ({
  nodes: s.nodes.map(([id, kind, voice]): NodeSpec => (voice ? [id, kind, voice] : [id, kind])),
  // The undercut drawn as `n0` when there is no relation: replace by a support, so every relation points at something.
  relations: s.relations.map((r): RelationSpec => (r[1] === 'undercuts' && r[3].startsWith('n') ? [r[0], 'supports', r[2], r[3], r[4]] : r)),
  evaluations: s.evaluations,
}));

const build = (s: Spec) => mapOf(s.nodes, s.relations);

// ----- references ------------------------------------------------------------------------------

/** Dung: the least fixpoint of F(S) = {a | every attacker of a is attacked by S}, then IN / OUT / UNDEC. */
function dungGrounded(n: number, attacks: [number, number][]): L[] {
  const attackers = Array.from({ length: n }, (_, a) => attacks.filter(([, y]) => y === a).map(([x]) => x));
  let s = new Set<number>();
  for (;;) {
    const next = new Set<number>();
    for (let a = 0; a < n; a++) if (attackers[a]!.every((b) => attackers[b]!.some((c) => s.has(c)))) next.add(a);
    if (next.size === s.size && [...next].every((x) => s.has(x))) break;
    s = next;
  }
  return Array.from({ length: n }, (_, a) => (s.has(a) ? 'stands' : attackers[a]!.some((b) => s.has(b)) ? 'falls' : 'open'));
}

type Effect = 'grant' | 'cap' | 'remove';

/** The element model the rules speak of, read from the map naively. */
function elements(map: ArgumentMap, evaluations: readonly Evaluation[]) {
  const nodes = Object.keys(map.nodes);
  const rels = Object.values(map.relations).filter((r) => r.kind !== 'qualifies');
  const effect = new Map<string, Effect>();
  const rank = { grant: 0, cap: 1, remove: 2 };
  for (const e of evaluations) {
    let fits: readonly string[] = [];
    if (Object.hasOwn(map.nodes, e.target)) fits = map.nodes[e.target]!.kind === 'evidence' ? ['solid', 'shaky', 'none'] : ['accept', 'doubt', 'reject'];
    else if (Object.hasOwn(map.relations, e.target) && map.relations[e.target]!.kind !== 'qualifies') fits = ['strong', 'weak', 'none'];
    if (!fits.includes(e.verdict)) continue;
    const eff: Effect = ['accept', 'solid', 'strong'].includes(e.verdict) ? 'grant' : ['doubt', 'shaky', 'weak'].includes(e.verdict) ? 'cap' : 'remove';
    const cur = effect.get(e.target);
    if (!cur || rank[eff] > rank[cur]) effect.set(e.target, eff);
  }
  const supports = (s: string) => rels.filter((r) => r.kind === 'supports' && r.to === s);
  const objections = (s: string) => rels.filter((r) => r.kind === 'opposes' && r.to === s);
  const undercuts = (r: Relation) => rels.filter((u) => u.kind === 'undercuts' && u.to === r.id);
  return { nodes, rels, effect, supports, objections, undercuts };
}

/** One application of the rules to every element at once. */
function step(el: ReturnType<typeof elements>, st: Map<string, L>, inf: Map<string, L>) {
  const s2 = new Map<string, L>();
  const i2 = new Map<string, L>();
  for (const s of el.nodes) {
    const e = el.effect.get(s);
    const sups = el.supports(s).map((r) => inf.get(r.id)!);
    const objs = el.objections(s).map((r) => inf.get(r.id)!);
    const basis = sups.length === 0 || e === 'grant' || sups.includes('stands');
    const noBasis = sups.length > 0 && e !== 'grant' && sups.every((x) => x === 'falls');
    s2.set(s, e === 'remove' || objs.includes('stands') || noBasis ? 'falls' : basis && objs.every((x) => x === 'falls') && e !== 'cap' ? 'stands' : 'open');
  }
  for (const r of el.rels) {
    const e = el.effect.get(r.id);
    const prem = [...new Set(r.from)].map((p) => st.get(p)!);
    const und = el.undercuts(r).map((u) => inf.get(u.id)!);
    i2.set(r.id, e === 'remove' || prem.includes('falls') || und.includes('stands') ? 'falls' : prem.every((x) => x === 'stands') && und.every((x) => x === 'falls') && e !== 'cap' ? 'stands' : 'open');
  }
  return { s2, i2 };
}

/** Naive well-founded labelling: iterate the rules to a fixpoint, let unfounded support fall, repeat. */
function referenceStatus(map: ArgumentMap, evaluations: readonly Evaluation[]) {
  const el = elements(map, evaluations);
  let st = new Map<string, L>(el.nodes.map((s) => [s, 'open']));
  let inf = new Map<string, L>(el.rels.map((r) => [r.id, 'open']));
  for (;;) {
    for (;;) {
      const { s2, i2 } = step(el, st, inf);
      const same = [...s2].every(([k, v]) => st.get(k) === v) && [...i2].every(([k, v]) => inf.get(k) === v);
      st = s2;
      inf = i2;
      if (same) break;
    }
    const possibleS = new Set<string>();
    const possibleI = new Set<string>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of el.nodes) {
        if (st.get(s) !== 'open' || possibleS.has(s)) continue;
        const sups = el.supports(s);
        if (sups.length === 0 || el.effect.get(s) === 'grant' || sups.some((r) => inf.get(r.id) === 'stands' || possibleI.has(r.id))) possibleS.add(s), (grew = true);
      }
      for (const r of el.rels) {
        if (inf.get(r.id) !== 'open' || possibleI.has(r.id)) continue;
        if (r.from.every((p) => st.get(p) === 'stands' || possibleS.has(p))) possibleI.add(r.id), (grew = true);
      }
    }
    let unfounded = false;
    for (const s of el.nodes) if (st.get(s) === 'open' && !possibleS.has(s)) st.set(s, 'falls'), (unfounded = true);
    for (const r of el.rels) if (inf.get(r.id) === 'open' && !possibleI.has(r.id)) inf.set(r.id, 'falls'), (unfounded = true);
    if (!unfounded) break;
  }
  return { nodes: Object.fromEntries(st), inferences: Object.fromEntries(inf) };
}

/** The local conditions: the labelling is a fixpoint of the rules (every label justified by its neighbours). */
function checkLocal(map: ArgumentMap, evaluations: readonly Evaluation[], status: DialecticalStatus): string[] {
  const el = elements(map, evaluations);
  const st = new Map(Object.entries(labels(status)));
  const inf = new Map(Object.entries(inferenceLabels(status)));
  const { s2, i2 } = step(el, st, inf);
  const bad: string[] = [];
  for (const [k, v] of s2) if (st.get(k) !== v) bad.push(`${k}: ${st.get(k)}, the rules say ${v}`);
  for (const [k, v] of i2) if (inf.get(k) !== v) bad.push(`${k}: ${inf.get(k)}, the rules say ${v}`);
  return bad;
}

const everything = (s: DialecticalStatus) => ({ nodes: [...s.nodes], inferences: [...s.inferences], problems: s.problems });

// ----- properties ------------------------------------------------------------------------------

describe('the status on random maps', () => {
  it('attack-only maps: exactly Dung’s grounded labelling, granted or not', () => {
    fc.assert(
      fc.property(attackOnly, (af) => {
        const map = attackMap(af);
        const expected = Object.fromEntries(dungGrounded(af.n, af.attacks).map((l, k) => [`a${k}`, l]));
        expect(labels(computeStatus(map))).toEqual(expected);
        const granted = Object.keys(map.nodes).map((id): Evaluation => ({ target: id, verdict: 'accept', by: 'analyst' }));
        expect(labels(computeStatus(map, granted))).toEqual(expected);
      }),
    );
  });

  it('maps with supports, linked premises, undercuts and evaluations: the same labels as the naive reference', () => {
    fc.assert(
      fc.property(general, (spec) => {
        const map = build(spec);
        const status = computeStatus(map, spec.evaluations);
        const ref = referenceStatus(map, spec.evaluations);
        expect(labels(status)).toEqual(ref.nodes);
        expect(inferenceLabels(status)).toEqual(ref.inferences);
      }),
    );
  });

  it('every label satisfies the local conditions, and every reason starts with its label', () => {
    fc.assert(
      fc.property(general, (spec) => {
        const map = build(spec);
        const status = computeStatus(map, spec.evaluations);
        expect(checkLocal(map, spec.evaluations, status)).toEqual([]);
        for (const s of status.nodes.values()) expect(s.reason.startsWith(`${s.label}: `)).toBe(true);
        const word = { stands: 'in play: ', falls: 'out of play: ', open: 'open: ' };
        for (const s of status.inferences.values()) expect(s.reason.startsWith(word[s.label])).toBe(true);
        // Every id a reason names is an element the status holds.
        for (const s of [...status.nodes.values(), ...status.inferences.values()])
          for (const id of s.because) expect(status.nodes.has(id) || status.inferences.has(id)).toBe(true);
      }),
    );
  });

  it('qualifies relations never change a label or a reason', () => {
    fc.assert(
      fc.property(general, fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 5 }), (spec, extra) => {
        const plain = { ...spec, relations: spec.relations.filter((r) => r[1] !== 'qualifies') };
        const n = spec.nodes.length;
        const withCaveats = { ...plain, relations: [...plain.relations, ...extra.map(([a, b], k): RelationSpec => [`q${k}`, 'qualifies', `n${a % n}`, `n${b % n}`])] };
        const a = computeStatus(build(plain), spec.evaluations);
        const b = computeStatus(build(withCaveats), spec.evaluations);
        const strip = (s: DialecticalStatus) => [...s.nodes].map(([id, { label, reason, because }]) => [id, label, reason, because]);
        expect(strip(b)).toEqual(strip(a));
        expect([...b.inferences]).toEqual([...a.inferences]);
      }),
    );
  });

  it('an unattacked attacker makes a standing statement fall', () => {
    fc.assert(
      fc.property(general, fc.nat(), (spec, pick) => {
        const map = build(spec);
        const standing = [...computeStatus(map, spec.evaluations).nodes].filter(([, s]) => s.label === 'stands').map(([id]) => id);
        fc.pre(standing.length > 0);
        const target = standing[pick % standing.length]!;
        map.nodes.X = { id: 'X', kind: 'counter', text: 'An objection nobody answers' };
        map.relations.rX = { id: 'rX', kind: 'opposes', from: ['X'], to: target };
        const after = computeStatus(map, spec.evaluations);
        expect(after.nodes.get(target)).toMatchObject({ label: 'falls' });
        expect(after.nodes.get(target)!.reason).toContain('opposed by X');
      }),
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(general, fc.func(fc.integer()), (spec, key) => {
        const map = build(spec);
        const shuffle = <T>(xs: T[]) => xs.map((x, k) => [key(k), k, x] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]).map(([, , x]) => x);
        const shuffled = { ...map, nodes: Object.fromEntries(shuffle(Object.entries(map.nodes))), relations: Object.fromEntries(shuffle(Object.entries(map.relations))) };
        expect(everything(computeStatus(shuffled, spec.evaluations))).toEqual(everything(computeStatus(map, spec.evaluations)));
      }),
    );
  });

  it('voices not counted are as if absent, with whatever touches them', () => {
    fc.assert(
      fc.property(general, fc.subarray(['analyst', 'critic', 'student']), (spec, chosen) => {
        const voices = new Set(chosen);
        const counts = (v: string | undefined) => v === undefined || voices.has(v);
        const map = build(spec);
        const nodes = Object.fromEntries(Object.entries(map.nodes).filter(([, n]) => counts(n.voice)));
        let relations = Object.fromEntries(
          Object.entries(map.relations).filter(([, r]) => counts(r.voice) && r.from.every((f) => Object.hasOwn(nodes, f)) && (r.kind === 'undercuts' || Object.hasOwn(nodes, r.to))),
        );
        for (let changed = true; changed; ) {
          const before = Object.keys(relations).length;
          relations = Object.fromEntries(Object.entries(relations).filter(([, r]) => r.kind !== 'undercuts' || Object.hasOwn(relations, r.to)));
          changed = Object.keys(relations).length !== before;
        }
        const pruned = { ...map, nodes, relations };
        const evaluations = spec.evaluations.filter((e) => voices.has(e.by) && (Object.hasOwn(nodes, e.target) || Object.hasOwn(relations, e.target)));
        const layered = computeStatus(map, spec.evaluations, { voices });
        const alone = computeStatus(pruned, evaluations);
        expect([...layered.nodes]).toEqual([...alone.nodes]);
        expect([...layered.inferences]).toEqual([...alone.inferences]);
      }),
    );
  });
});
