// The relations of a student's map against the model's, once the nodes are matched (match.ts).
// Each premise of each of the model's relations is one link, premise → target. A link between
// matched nodes is right (the student has the same kind into the same target), of the wrong kind,
// reversed, or absent; an absent link paired with a link the student draws from that node to
// somewhere else makes the node misplaced. What follows from a node being missing is never
// reported again: a link whose premise or target is unmatched, or that attacks an inference the
// student does not have, is passed over (the missing node or inference says it already).
import type { ArgumentMap, Id, Relation, RelationKind } from '../model';
import type { Matching } from './match';

/** A matched node placed under another claim (or inference) than the model's. */
export interface Misplaced {
  /** The instructor's node. */
  id: Id;
  studentId: Id;
  /** The instructor's node (or, for an undercut, relation) it bears on in the model. */
  expected: Id;
  /** The student's node or relation it bears on instead. */
  found: Id;
  /** `found`'s counterpart in the instructor's map, when it has one. */
  foundInInstructor: Id | null;
  /** The model's relation and the student's. */
  relation: Id;
  studentRelation: Id;
}

/** A link between matched nodes drawn with another kind of relation, or the other way round. */
export interface WrongRelation {
  /** The instructor's relation. */
  id: Id;
  studentId: Id;
  /** The instructor's premise of the link. */
  from: Id;
  expected: RelationKind;
  found: RelationKind;
  /** The student's relation runs from the target to the premise. */
  reversed: boolean;
}

/** A linked inference of the model whose premises the student gives as separate supports. */
export interface SplitPremises {
  /** The instructor's linked relation. */
  id: Id;
  /** The student's relations that hold its premises apart. */
  studentIds: Id[];
  /** Its matched premises (instructor's ids). */
  premises: Id[];
}

/** The other way: premises the model gives separately, linked by the student. */
export interface JoinedPremises {
  /** The student's linked relation. */
  id: Id;
  /** The instructor's relations it joins. */
  instructorIds: Id[];
}

export interface MissingRelation {
  /** The instructor's relation; `from` is the premise whose link the student lacks. */
  id: Id;
  from: Id;
  to: Id;
}

export interface ExtraRelation {
  /** The student's relation; `from` its premise, between nodes the model has. */
  id: Id;
  from: Id;
  to: Id;
}

export interface RelationFindings {
  misplaced: Misplaced[];
  wrongRelation: WrongRelation[];
  split: SplitPremises[];
  joined: JoinedPremises[];
  missingRelations: MissingRelation[];
  extraRelations: ExtraRelation[];
  /** The model's links (premise → target), and how many the student has right. */
  links: number;
  rightLinks: number;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Relations by premise and by target, in id order. */
function index(map: ArgumentMap): { out: Map<Id, Relation[]>; into: Map<Id, Relation[]> } {
  const out = new Map<Id, Relation[]>();
  const into = new Map<Id, Relation[]>();
  const push = (m: Map<Id, Relation[]>, k: Id, r: Relation) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const id of Object.keys(map.relations).sort(byString)) {
    const r = map.relations[id]!;
    for (const f of r.from) push(out, f, r);
    push(into, r.to, r);
  }
  return { out, into };
}

/**
 * The relations of `other` that stand for `r`: the same kind, into the counterpart of its target,
 * from the counterpart of at least one premise (an undercut: into a counterpart of the inference).
 */
function counterparts(map: ArgumentMap, other: { map: ArgumentMap; into: Map<Id, Relation[]> }, nodeMap: ReadonlyMap<Id, Id>) {
  const memo = new Map<Id, Relation[]>();
  const find = (r: Relation): Relation[] => {
    const known = memo.get(r.id);
    if (known) return known;
    memo.set(r.id, []); // a circle of undercuts ends here
    const from = new Set(r.from.flatMap((f) => (nodeMap.has(f) ? [nodeMap.get(f)!] : [])));
    let targets: Id[];
    if (r.kind === 'undercuts') targets = Object.hasOwn(map.relations, r.to) ? find(map.relations[r.to]!).map((q) => q.id) : [];
    else targets = nodeMap.has(r.to) ? [nodeMap.get(r.to)!] : [];
    const found = from.size === 0 ? [] : targets.flatMap((t) => (other.into.get(t) ?? []).filter((o) => o.kind === r.kind && o.from.some((f) => from.has(f))));
    memo.set(r.id, found);
    return found;
  };
  return find;
}

interface Link {
  premise: Id;
  relation: Relation;
}

export function compareRelations(student: ArgumentMap, instructor: ArgumentMap, matching: Matching): RelationFindings {
  const M = matching.toStudent;
  const Mi = matching.toInstructor;
  const S = index(student);
  const I = index(instructor);
  const inStudent = counterparts(instructor, { map: student, into: S.into }, M);
  const inInstructor = counterparts(student, { map: instructor, into: I.into }, Mi);
  const found: RelationFindings = { misplaced: [], wrongRelation: [], split: [], joined: [], missingRelations: [], extraRelations: [], links: 0, rightLinks: 0 };
  /** Student links already explained, "premise\nrelation". */
  const accounted = new Set<string>();
  const account = (premise: Id, r: Relation) => accounted.add(`${premise}\n${r.id}`);
  const unmet = new Map<Id, Link[]>();
  const wrong = new Map<string, WrongRelation>();
  // One entry per pair of relations: a linked inference of the wrong kind is named once, by its first premise.
  const wrongly = (w: WrongRelation) => {
    const key = `${w.id}\n${w.studentId}`;
    if (!wrong.has(key)) wrong.set(key, w);
  };
  const studentOut = (id: Id) => S.out.get(id) ?? [];

  for (const id of Object.keys(instructor.relations).sort(byString)) {
    const R = instructor.relations[id]!;
    for (const p of R.from) {
      found.links++;
      const mp = M.get(p);
      if (mp === undefined) continue;
      if (R.kind !== 'undercuts') {
        const mt = M.get(R.to);
        if (mt === undefined) continue;
        const rels = studentOut(mp).filter((r) => r.kind !== 'undercuts' && r.to === mt);
        const same = rels.find((r) => r.kind === R.kind);
        const reversed = rels.length === 0 ? studentOut(mt).find((r) => r.kind !== 'undercuts' && r.to === mp) : undefined;
        if (same) {
          found.rightLinks++;
          account(mp, same);
        } else if (rels[0] || reversed) {
          const r = (rels[0] ?? reversed)!;
          account(rels[0] ? mp : mt, r);
          wrongly({ id: R.id, studentId: r.id, from: p, expected: R.kind, found: r.kind, reversed: !rels[0] });
        } else unmet.set(p, [...(unmet.get(p) ?? []), { premise: p, relation: R }]);
        continue;
      }
      if (!Object.hasOwn(instructor.relations, R.to)) continue;
      const Q = instructor.relations[R.to]!;
      const qs = new Set(inStudent(Q).map((q) => q.id));
      if (qs.size === 0) continue;
      const same = studentOut(mp).find((r) => r.kind === 'undercuts' && qs.has(r.to));
      const mt = M.get(Q.to);
      const atClaim = same || mt === undefined ? undefined : studentOut(mp).find((r) => r.kind !== 'undercuts' && r.to === mt);
      if (same) {
        found.rightLinks++;
        account(mp, same);
      } else if (atClaim) {
        account(mp, atClaim);
        wrongly({ id: R.id, studentId: atClaim.id, from: p, expected: 'undercuts', found: atClaim.kind, reversed: false });
      } else unmet.set(p, [...(unmet.get(p) ?? []), { premise: p, relation: R }]);
    }
  }
  found.wrongRelation = [...wrong.values()];

  // What each matched node bears on in the student's map that no link of the model explains.
  const usedAsFound = new Set<Id>();
  const spares = new Map<Id, Relation[]>();
  for (const [p, mp] of [...M].sort((a, b) => byString(a[0], b[0]))) {
    const list = studentOut(mp).filter((r) => {
      if (accounted.has(`${mp}\n${r.id}`)) return false;
      // An undercut of an inference the model does not have: that inference is reported, not this.
      if (r.kind === 'undercuts') return Object.hasOwn(student.relations, r.to) && inInstructor(student.relations[r.to]!).length > 0;
      return true;
    });
    const needs = unmet.get(p) ?? [];
    for (const need of needs) {
      const pick = list.findIndex((r) => r.kind === need.relation.kind);
      const spare = pick >= 0 ? list.splice(pick, 1)[0] : list.shift();
      if (!spare) {
        found.missingRelations.push({ id: need.relation.id, from: p, to: need.relation.to });
        continue;
      }
      usedAsFound.add(spare.id);
      const back = spare.kind === 'undercuts' ? (inInstructor(student.relations[spare.to]!)[0]?.id ?? null) : (Mi.get(spare.to) ?? null);
      found.misplaced.push({ id: p, studentId: mp, expected: need.relation.to, found: spare.to, foundInInstructor: back, relation: need.relation.id, studentRelation: spare.id });
    }
    spares.set(mp, list);
  }
  const extra = new Set<Id>();
  for (const [mp, list] of spares) for (const r of list) if (!usedAsFound.has(r.id) && !extra.has(r.id)) {
    extra.add(r.id);
    found.extraRelations.push({ id: r.id, from: mp, to: r.to });
  }

  // Linked premises held apart, and separate ones linked.
  const apart = (R: Relation, nodeMap: ReadonlyMap<Id, Id>, into: Map<Id, Relation[]>) => {
    if (R.kind === 'undercuts' || R.from.length < 2) return null;
    const mt = nodeMap.get(R.to);
    const ps = R.from.filter((f) => nodeMap.has(f));
    if (mt === undefined || ps.length < 2) return null;
    const mps = new Set(ps.map((f) => nodeMap.get(f)!));
    const rels = (into.get(mt) ?? []).filter((r) => r.kind === R.kind && r.from.some((f) => mps.has(f)));
    if (rels.length < 2 || rels.some((r) => [...mps].every((f) => r.from.includes(f)))) return null;
    return { premises: ps, rels: rels.map((r) => r.id) };
  };
  for (const id of Object.keys(instructor.relations).sort(byString)) {
    const a = apart(instructor.relations[id]!, M, S.into);
    if (a) found.split.push({ id, studentIds: a.rels, premises: a.premises });
  }
  for (const id of Object.keys(student.relations).sort(byString)) {
    const a = apart(student.relations[id]!, Mi, I.into);
    if (a) found.joined.push({ id, instructorIds: a.rels });
  }
  return found;
}
