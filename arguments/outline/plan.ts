// What goes where in the prose outline. One section per thesis, then one per claim in their
// numbered order ("Claim 1", "Claim 2", "Claim 2a", …: natural order of their titles, untitled
// claims after, by id). A section gathers what supports its statement, following supports down
// through premises (labelled (a), (b), … in the order met) and stopping at other claims, which
// have sections of their own: the premises, in their inferences (linked co-premises together),
// and the evidence under the statement or premise it supports. Its objections are the
// opposes, undercuts and qualifies relations bearing on anything gathered there, each with what
// supports the objection and the replies to it (what opposes or undercuts the objection), replies
// to replies in turn. Nodes no section reaches are listed at the end, so nothing is left out.
import { naturalCompare } from '../analysis/order';
import type { ArgNode, ArgumentMap, Id, Relation } from '../model';

export interface PremiseRef {
  node: ArgNode;
  /** "(a)"; for a thesis or claim, none: it has a section of its own. */
  label?: string;
}

export interface PremiseGroup {
  relation: Relation;
  premises: PremiseRef[];
  /** What the premises support: the section's statement (undefined) or a premise's label. */
  supports?: string;
}

export interface EvidenceItem {
  node: ArgNode;
  /** The premise it supports ("(a)"), or undefined for the section's statement. */
  supports?: string;
}

export interface ObjectionItem {
  relation: Relation;
  premises: ArgNode[];
  /** What it bears on, in words: "the claim", "premise (a)", "the inference from (a) and (b) to the claim". */
  target: string;
  /** Evidence and premises that support the objection. */
  support: ArgNode[];
  replies: ObjectionItem[];
}

export interface SectionPlan {
  node: ArgNode;
  groups: PremiseGroup[];
  evidence: EvidenceItem[];
  objections: ObjectionItem[];
}

export interface OutlinePlan {
  sections: SectionPlan[];
  /** Nodes no section reaches, by kind then id. */
  others: ArgNode[];
}

const MAX_REPLY_DEPTH = 32;
const SECTION_KINDS = new Set(['thesis', 'claim']);

const letters = (k: number): string => (k < 26 ? String.fromCharCode(97 + k) : `${letters(Math.floor(k / 26) - 1)}${String.fromCharCode(97 + (k % 26))}`);

/** Theses first, then claims: titled ones in the natural order of their titles, then untitled ones by id. */
export function sectionOrder(map: ArgumentMap): ArgNode[] {
  const rank = (n: ArgNode) => (n.kind === 'thesis' ? 0 : 1);
  return Object.values(map.nodes)
    .filter((n) => SECTION_KINDS.has(n.kind))
    .sort((a, b) => rank(a) - rank(b) || (a.title === undefined ? 1 : 0) - (b.title === undefined ? 1 : 0) || naturalCompare(a.title ?? '', b.title ?? '') || naturalCompare(a.id, b.id));
}

export function planOutline(map: ArgumentMap): OutlinePlan {
  const into = new Map<Id, Relation[]>();
  for (const r of Object.values(map.relations).sort((a, b) => naturalCompare(a.id, b.id))) {
    const list = into.get(r.to);
    if (list) list.push(r);
    else into.set(r.to, [r]);
  }
  const node = (id: Id) => (Object.hasOwn(map.nodes, id) ? map.nodes[id]! : undefined);
  const placed = new Set<Id>();
  const sections = sectionOrder(map).map((focus) => planSection(focus, into, node, placed));
  const others = Object.values(map.nodes)
    .filter((n) => !placed.has(n.id))
    .sort((a, b) => naturalCompare(a.kind, b.kind) || naturalCompare(a.id, b.id));
  return { sections, others };
}

function planSection(focus: ArgNode, into: Map<Id, Relation[]>, node: (id: Id) => ArgNode | undefined, placed: Set<Id>): SectionPlan {
  placed.add(focus.id);
  const groups: PremiseGroup[] = [];
  const evidence: EvidenceItem[] = [];
  const labels = new Map<Id, string>();
  const members = new Set<Id>([focus.id]);
  const inferences = new Set<Id>();
  const queue: { id: Id; label?: string }[] = [{ id: focus.id }];
  let next = 0;
  while (queue.length > 0) {
    const { id: target, label } = queue.shift()!;
    for (const r of into.get(target) ?? []) {
      if (r.kind !== 'supports') continue;
      inferences.add(r.id);
      const premises = r.from.map(node).filter((n): n is ArgNode => n !== undefined);
      const argued = premises.filter((p) => p.kind !== 'evidence' || premises.length > 1);
      for (const p of premises) {
        if (p.kind === 'evidence') {
          evidence.push({ node: p, ...(label ? { supports: label } : {}) });
          members.add(p.id);
          placed.add(p.id);
        }
      }
      if (argued.length === 0) continue;
      const refs: PremiseRef[] = argued.map((p) => {
        if (SECTION_KINDS.has(p.kind) && p.id !== focus.id) return { node: p };
        if (!labels.has(p.id)) {
          labels.set(p.id, `(${letters(next++)})`);
          if (p.kind !== 'evidence' && !members.has(p.id)) queue.push({ id: p.id, label: labels.get(p.id)! });
        }
        members.add(p.id);
        placed.add(p.id);
        return { node: p, label: labels.get(p.id)! };
      });
      groups.push({ relation: r, premises: refs, ...(label ? { supports: label } : {}) });
    }
  }

  const nameOf = (id: Id): string => {
    if (id === focus.id) return focus.kind === 'thesis' ? 'the thesis' : 'the claim';
    const n = node(id);
    if (!n) return id;
    if (labels.has(id)) return `premise ${labels.get(id)}`;
    if (n.kind === 'evidence') return `the evidence “${shorten(n.text)}”`;
    return n.title ?? `“${shorten(n.text)}”`;
  };
  const targetOf = (to: Id, relations: ReadonlyMap<Id, Relation>): string => {
    const r = relations.get(to);
    if (!r) return nameOf(to);
    return `the inference from ${r.from.map(nameOf).join(' and ')} to ${nameOf(r.to)}`;
  };
  const relationsById = new Map<Id, Relation>();
  for (const list of into.values()) for (const r of list) relationsById.set(r.id, r);

  const seen = new Set<Id>();
  const objection = (r: Relation, target: string, depth: number): ObjectionItem => {
    seen.add(r.id);
    const premises = r.from.map(node).filter((n): n is ArgNode => n !== undefined);
    for (const p of premises) placed.add(p.id);
    const support: ArgNode[] = [];
    for (const p of premises)
      for (const s of into.get(p.id) ?? [])
        if (s.kind === 'supports')
          for (const f of s.from) {
            const n = node(f);
            if (n && !support.includes(n) && !premises.includes(n)) {
              support.push(n);
              placed.add(n.id);
            }
          }
    const replies: ObjectionItem[] = [];
    if (depth < MAX_REPLY_DEPTH)
      for (const t of [r.id, ...r.from])
        for (const reply of into.get(t) ?? [])
          if (reply.kind !== 'supports' && !seen.has(reply.id)) replies.push(objection(reply, t === r.id ? 'the objection’s inference' : 'the objection', depth + 1));
    return { relation: r, premises, target, support, replies };
  };
  const objections: ObjectionItem[] = [];
  for (const to of [...members, ...inferences])
    for (const r of into.get(to) ?? [])
      if (r.kind !== 'supports' && !seen.has(r.id)) objections.push(objection(r, targetOf(to, relationsById), 0));
  objections.sort((a, b) => naturalCompare(a.relation.id, b.relation.id));
  return { node: focus, groups, evidence, objections };
}

/** The first words of a text, for naming it in a sentence. */
export function shorten(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max).replace(/[\s,;:.]+$/, '')}…`;
}
