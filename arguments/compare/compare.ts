// compare(student, instructor): what of the model's argument a student's map has, as feedback.
// Nodes are matched by statement, quote and structure (match.ts), relations judged link by link
// (relations.ts). Deterministic: the same two maps give the same comparison whatever the order
// of their records (ties are broken by content, then by id as a string).
import type { ArgumentMap, Id, NodeKind } from '../model';
import { normalizeForMatch } from '../text/normalize';
import { matchNodes, type NodeMatch } from './match';
import { compareRelations, type ExtraRelation, type JoinedPremises, type Misplaced, type MissingRelation, type SplitPremises, type WrongRelation } from './relations';

export type { NodeMatch } from './match';
export type { ExtraRelation, JoinedPremises, Misplaced, MissingRelation, SplitPremises, WrongRelation } from './relations';

/** A matched node the student words differently (the feedback quotes both). */
export interface Reworded {
  id: Id;
  studentId: Id;
  /** How alike the statements are, 0–1 (similarity.ts). */
  similarity: number;
}

/** A matched node of another kind (the model's claim given as a premise). */
export interface KindChanged {
  id: Id;
  studentId: Id;
  expected: NodeKind;
  found: NodeKind;
}

/**
 * The score is feedback, not a grade: how much of the model's argument the student's map
 * reproduces, 0–1, from three shares, each 1 when there is nothing to count:
 *   nodes      the model's nodes the student has (matched), of all the model's nodes;
 *   links      the model's links (each premise of each relation: premise → target) the student
 *              draws with the same kind into the same target, of all of them;
 *   focus      the student's nodes that match one of the model's, of all the student's nodes
 *              (an extra node is not wrong, but it is not in the model).
 *   score = 0.4 × nodes + 0.4 × links + 0.2 × focus, rounded to three decimals.
 * Wording and kinds do not lower it: they are named in the report, not counted.
 */
export interface ScoreParts {
  nodes: number;
  links: number;
  focus: number;
}

export const SCORE_WEIGHTS = { nodes: 0.4, links: 0.4, focus: 0.2 } as const satisfies Record<keyof ScoreParts, number>;

export interface Comparison {
  /** Pairs of the instructor's and the student's nodes, in the order of the instructor's ids. */
  matches: NodeMatch[];
  /** The instructor's nodes the student does not have. */
  missing: Id[];
  /** The student's nodes the model does not have. */
  extra: Id[];
  misplaced: Misplaced[];
  wrongRelation: WrongRelation[];
  split: SplitPremises[];
  joined: JoinedPremises[];
  /** Links of the model between matched nodes that the student does not draw (and draws nowhere else). */
  missingRelations: MissingRelation[];
  /** The student's links between matched nodes that the model does not have. */
  extraRelations: ExtraRelation[];
  reworded: Reworded[];
  kindChanged: KindChanged[];
  score: number;
  scoreParts: ScoreParts;
  /** Student's source id → the instructor's (same text, else the same title). */
  sources: Record<Id, Id>;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const plain = (text: string) => normalizeForMatch(text.trim()).text;

export function compare(student: ArgumentMap, instructor: ArgumentMap): Comparison {
  const matching = matchNodes(student, instructor);
  const rel = compareRelations(student, instructor, matching);
  const missing = Object.keys(instructor.nodes).filter((id) => !matching.toStudent.has(id)).sort(byString);
  const extra = Object.keys(student.nodes).filter((id) => !matching.toInstructor.has(id)).sort(byString);
  const reworded: Reworded[] = [];
  const kindChanged: KindChanged[] = [];
  for (const m of matching.pairs) {
    const a = instructor.nodes[m.id]!;
    const b = student.nodes[m.studentId]!;
    if (plain(a.text) !== plain(b.text)) reworded.push({ id: m.id, studentId: m.studentId, similarity: m.text });
    if (a.kind !== b.kind) kindChanged.push({ id: m.id, studentId: m.studentId, expected: a.kind, found: b.kind });
  }
  const nodesI = Object.keys(instructor.nodes).length;
  const nodesS = Object.keys(student.nodes).length;
  const scoreParts: ScoreParts = {
    nodes: round3(share(matching.pairs.length, nodesI)),
    links: round3(share(rel.rightLinks, rel.links)),
    focus: round3(share(matching.pairs.length, nodesS)),
  };
  const score = round3(SCORE_WEIGHTS.nodes * share(matching.pairs.length, nodesI) + SCORE_WEIGHTS.links * share(rel.rightLinks, rel.links) + SCORE_WEIGHTS.focus * share(matching.pairs.length, nodesS));
  return {
    matches: matching.pairs,
    missing,
    extra,
    misplaced: rel.misplaced,
    wrongRelation: rel.wrongRelation,
    split: rel.split,
    joined: rel.joined,
    missingRelations: rel.missingRelations,
    extraRelations: rel.extraRelations,
    reworded,
    kindChanged,
    score,
    scoreParts,
    sources: Object.fromEntries([...matching.sources].sort((a, b) => byString(a[0], b[0]))),
  };
}

/** Nothing to say: the student's map has the model's argument (wording aside). */
export function isSame(c: Comparison): boolean {
  return c.missing.length + c.extra.length + c.misplaced.length + c.wrongRelation.length + c.split.length + c.joined.length + c.missingRelations.length + c.extraRelations.length + c.kindChanged.length === 0;
}
