// The kinds of node for statements that come from a format without them (AIF has none; Argdown
// has statements and arguments only). One rule for every import, applied only where the file
// gives no kind of its own (Argdown data {kind: …}, a kind tag, a heading):
//
// - a statement in no relation at all is a note;
// - one that only attacks (opposes or undercuts) or qualifies is a counter-consideration, and a
//   rebuttal when everything it attacks is itself on the attacking side (a counter or rebuttal,
//   or an inference drawn from one): a reply to an objection;
// - one that supports nothing but is supported or attacked is a thesis: what the argument is for;
// - one that supports a thesis and has reasons of its own (something supports it) is a claim;
// - a statement that quotes a source and supports or is supported is evidence;
// - every other statement in a structure of support is a premise.
import type { Id, NodeKind, RelationKind } from '../model';

export interface KindInput {
  nodes: readonly Id[];
  relations: readonly { id: Id; kind: RelationKind; from: readonly Id[]; to: Id }[];
  /** Kinds the file states; these are kept as they are. */
  given: ReadonlyMap<Id, NodeKind>;
  /** Nodes that quote a source. */
  quoting?: ReadonlySet<Id>;
}

const ATTACKING = new Set<NodeKind>(['counter', 'rebuttal']);

export function inferKinds(input: KindInput): Map<Id, NodeKind> {
  const supportsOut = new Map<Id, Id[]>();
  const attacksOut = new Map<Id, Id[]>();
  const qualifiesOut = new Set<Id>();
  const supportedIn = new Set<Id>();
  const attackedIn = new Set<Id>();
  const relationFrom = new Map<Id, readonly Id[]>();
  const push = (m: Map<Id, Id[]>, k: Id, v: Id) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const r of input.relations) relationFrom.set(r.id, r.from);
  for (const r of input.relations) {
    for (const f of r.from) {
      if (r.kind === 'supports') push(supportsOut, f, r.to);
      else if (r.kind === 'qualifies') qualifiesOut.add(f);
      else push(attacksOut, f, r.to);
    }
    if (r.kind === 'supports') supportedIn.add(r.to);
    else attackedIn.add(r.to);
  }

  const kinds = new Map<Id, NodeKind>();
  const attackers: Id[] = [];
  for (const id of input.nodes) {
    const given = input.given.get(id);
    if (given) {
      kinds.set(id, given);
      continue;
    }
    const out = supportsOut.get(id);
    const attacks = attacksOut.get(id);
    if (!out && !attacks && !qualifiesOut.has(id) && !supportedIn.has(id) && !attackedIn.has(id)) kinds.set(id, 'note');
    else if (!out && (attacks || qualifiesOut.has(id))) {
      kinds.set(id, 'counter');
      if (attacks) attackers.push(id);
    } else if (!out) kinds.set(id, 'thesis');
  }
  // A reply attacks only the attacking side: a counter or rebuttal, or an inference drawn from one.
  const onAttackingSide = (target: Id): boolean => {
    const k = kinds.get(target);
    if (k) return ATTACKING.has(k);
    const from = relationFrom.get(target);
    return from !== undefined && from.length > 0 && from.every((f) => ATTACKING.has(kinds.get(f) ?? 'premise'));
  };
  for (const id of attackers) if (attacksOut.get(id)!.every(onAttackingSide)) kinds.set(id, 'rebuttal');

  for (const id of input.nodes) {
    if (kinds.has(id)) continue;
    const out = supportsOut.get(id)!;
    if (input.quoting?.has(id)) kinds.set(id, 'evidence');
    else if (supportedIn.has(id) && out.some((t) => kinds.get(t) === 'thesis')) kinds.set(id, 'claim');
    else kinds.set(id, 'premise');
  }
  return kinds;
}
