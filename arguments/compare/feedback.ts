// The comparison worded as feedback, to the student or about the student (Reader): sections of sentences that name nodes by their
// text (a title, else the first words), never by id. Renderers (report.ts: Markdown and HTML;
// the app's side-by-side view later) get segments: the project's own words, and user text kept
// apart so that each format escapes it.
import { NODE_KIND_LABELS, type ArgumentMap, type Id, type RelationKind } from '../model';
import { excerpt } from '../text/excerpt';
import { SCORE_WEIGHTS, type Comparison } from './compare';

/** Our words, or a user's text (a node's name: escaped by every renderer). */
export type Segment = { text: string } | { user: string };

export const FEEDBACK_SECTIONS = ['missing', 'misplaced', 'wrongRelation', 'split', 'joined', 'missingRelations', 'kindChanged', 'extra', 'extraRelations', 'reworded'] as const;
export type FeedbackKey = (typeof FEEDBACK_SECTIONS)[number];

export interface FeedbackItem {
  segments: Segment[];
  /** The instructor's and the student's elements the item is about (for the overlay and the side-by-side view). */
  instructor: Id[];
  student: Id[];
}

export interface FeedbackSection {
  key: FeedbackKey;
  heading: string;
  /** One sentence saying what the section lists. */
  intro: string;
  items: FeedbackItem[];
}

export interface Feedback {
  title: string;
  /** Which two maps: the student's and the model's titles. */
  maps: Segment[];
  /** The score and what it is. */
  summary: Segment[];
  /** How the score is computed, in words. */
  scoreNote: string;
  /** Sections with something to say, in FEEDBACK_SECTIONS order. */
  sections: FeedbackSection[];
}

/**
 * Who reads the feedback: the student (the report handed out: "your map") or the instructor
 * (the app's comparison panel: "the student’s map").
 */
export type Reader = 'student' | 'instructor';

const WORDS = {
  student: { your: 'your', Your: 'Your', youHave: 'You have', youDraw: 'you draw', title: 'Your map compared with the model' },
  instructor: { your: 'the student’s', Your: 'The student’s', youHave: 'The student has', youDraw: 'the student draws', title: 'The student’s map compared with the model' },
} as const satisfies Record<Reader, Record<string, string>>;
type Words = (typeof WORDS)[Reader];

const headings = (w: Words) =>
  ({
    missing: [`Not yet in ${w.your} map`, `The model has these points; ${w.your} map does not (yet).`],
    misplaced: ['In another place', `${w.Your} map has these points, but they bear on something else than in the model.`],
    wrongRelation: ['Connected differently', 'These points are connected as in the model, but by another kind of arrow or the other way round.'],
    split: ['Linked premises held apart', `In the model these premises support only together (a linked argument); ${w.your} map gives them as separate reasons.`],
    joined: ['Premises linked', `${w.Your} map links these premises into one argument; in the model each supports on its own.`],
    missingRelations: ['Connections not yet drawn', `Both points are in ${w.your} map, but this connection of the model is not.`],
    kindChanged: ['Another kind of point', `${w.Your} map has these points as another kind than the model.`],
    extra: [`${w.Your} own points`, 'The model does not have these. They may be good points: check that each is connected to what it bears on.'],
    extraRelations: [`Connections of ${w.your} own`, `${w.Your} map connects these points of the model in a way the model does not.`],
    reworded: [`In ${w.your} own words`, 'These points match the model’s, worded differently.'],
  }) as const satisfies Record<FeedbackKey, readonly [string, string]>;

const VERB = { supports: 'supports', opposes: 'opposes', qualifies: 'qualifies', undercuts: 'undercuts' } as const satisfies Record<RelationKind, string>;

const t = (text: string): Segment => ({ text });

/** A node as the feedback names it: its title and first words, or its first words. */
export function nodeName(map: ArgumentMap, id: Id): string {
  if (!Object.hasOwn(map.nodes, id)) return id;
  const n = map.nodes[id]!;
  const words = excerpt(n.text, 70) || NODE_KIND_LABELS[n.kind].toLowerCase();
  return n.title && n.title.trim() !== '' ? `${n.title.trim()}: ${words}` : words;
}

/** A node, or an inference "the step from … to …", as segments. */
function named(map: ArgumentMap, id: Id): Segment[] {
  if (Object.hasOwn(map.relations, id)) {
    const r = map.relations[id]!;
    const from = r.from.flatMap((f, k) => [...(k === 0 ? [] : [t(k === r.from.length - 1 ? ' and ' : ', ')]), t('“'), { user: nodeName(map, f) }, t('”')]);
    return [t('the step from '), ...from, t(' to '), ...named(map, r.to)];
  }
  return [t('“'), { user: nodeName(map, id) }, t('”')];
}

const kindWord = (kind: keyof typeof NODE_KIND_LABELS) => NODE_KIND_LABELS[kind].toLowerCase();
const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

export function feedback(c: Comparison, student: ArgumentMap, instructor: ArgumentMap, reader: Reader = 'student'): Feedback {
  const you = WORDS[reader];
  const I = (id: Id) => named(instructor, id);
  const S = (id: Id) => named(student, id);
  const items: Record<FeedbackKey, FeedbackItem[]> = {
    missing: c.missing.map((id) => {
      const n = instructor.nodes[id]!;
      const targets = Object.values(instructor.relations).filter((r) => r.from.includes(id)).sort((a, b) => (a.id < b.id ? -1 : 1));
      const where = targets.length === 0 ? [] : [t(` (in the model it ${VERB[targets[0]!.kind]} `), ...I(targets[0]!.to), t(')')];
      return { segments: [t(`${NODE_KIND_LABELS[n.kind]} `), ...I(id), ...where, t('.')], instructor: [id], student: [] };
    }),
    misplaced: c.misplaced.map((m) => ({
      segments: [...S(m.studentId), t(' bears on '), ...S(m.found), t(` in ${you.your} map; in the model it bears on `), ...I(m.expected), t('.')],
      instructor: [m.id, m.expected],
      student: [m.studentId, m.found],
    })),
    wrongRelation: c.wrongRelation.map((w) => {
      const r = instructor.relations[w.id]!;
      const model = [t('In the model '), ...I(w.from), t(` ${VERB[w.expected]} `), ...I(r.to), t('; ')];
      const yours = w.reversed ? [t(`in ${you.your} map the arrow runs the other way: `), ...S(student.relations[w.studentId]!.from[0]!), t(` ${VERB[w.found]} `), ...S(student.relations[w.studentId]!.to), t('.')] : [t(`in ${you.your} map it ${VERB[w.found]} `), ...S(student.relations[w.studentId]!.to), t('.')];
      return { segments: [...model, ...yours], instructor: [w.id], student: [w.studentId] };
    }),
    split: c.split.map((s) => {
      const r = instructor.relations[s.id]!;
      const premises = s.premises.flatMap((p, k) => [...(k === 0 ? [] : [t(k === s.premises.length - 1 ? ' and ' : ', ')]), ...I(p)]);
      return { segments: [...premises, t(` ${VERB[r.kind]} `), ...I(r.to), t(' only together.')], instructor: [s.id], student: s.studentIds };
    }),
    joined: c.joined.map((j) => {
      const r = student.relations[j.id]!;
      const premises = r.from.flatMap((p, k) => [...(k === 0 ? [] : [t(k === r.from.length - 1 ? ' and ' : ', ')]), ...S(p)]);
      return { segments: [...premises, t(` each ${VERB[r.kind]} `), ...S(r.to), t(' on its own in the model.')], instructor: j.instructorIds, student: [j.id] };
    }),
    missingRelations: c.missingRelations.map((m) => ({
      segments: [t('In the model '), ...I(m.from), t(` ${VERB[instructor.relations[m.id]!.kind]} `), ...I(m.to), t('.')],
      instructor: [m.id],
      student: [],
    })),
    kindChanged: c.kindChanged.map((k) => ({
      segments: [t(`${you.youHave} `), ...S(k.studentId), t(` as ${article(kindWord(k.found))} ${kindWord(k.found)}; the model has it as ${article(kindWord(k.expected))} ${kindWord(k.expected)}.`)],
      instructor: [k.id],
      student: [k.studentId],
    })),
    extra: c.extra.map((id) => ({ segments: [t(`${NODE_KIND_LABELS[student.nodes[id]!.kind]} `), ...S(id), t('.')], instructor: [], student: [id] })),
    extraRelations: c.extraRelations.map((e) => ({
      segments: [t(`In ${you.your} map `), ...S(e.from), t(` ${VERB[student.relations[e.id]!.kind]} `), ...S(e.to), t('.')],
      instructor: [],
      student: [e.id],
    })),
    reworded: c.reworded.map((r) => ({ segments: [t(`${you.Your} `), ...S(r.studentId), t(' matches the model’s '), ...I(r.id), t('.')], instructor: [r.id], student: [r.studentId] })),
  };
  const nI = Object.keys(instructor.nodes).length;
  const words = headings(you);
  const percent = (x: number) => `${Math.round(x * 100)} %`;
  return {
    title: you.title,
    maps: [t(`${you.Your} map: “`), { user: student.meta.title }, t('”. The model: “'), { user: instructor.meta.title }, t('”.')],
    summary: [
      t(`${you.Your} map has ${c.matches.length} of the model’s ${nI} points (${percent(c.scoreParts.nodes)}) and draws ${percent(c.scoreParts.links)} of its connections as the model does; `),
      t(`${percent(c.scoreParts.focus)} of ${you.your} points are the model’s. Overall: ${c.score.toFixed(2)} of 1. This is feedback on how much of the model’s argument ${you.your} map reproduces, not a grade: a good map may argue differently.`),
    ],
    scoreNote: `How the overall figure is computed: ${SCORE_WEIGHTS.nodes} × the share of the model’s points ${you.your} map has + ${SCORE_WEIGHTS.links} × the share of the model’s connections (each premise to what it bears on) ${you.youDraw} with the same kind of arrow + ${SCORE_WEIGHTS.focus} × the share of ${you.your} points that are the model’s. Wording and kinds of point do not count.`,
    sections: FEEDBACK_SECTIONS.filter((k) => items[k].length > 0).map((key) => ({ key, heading: words[key][0], intro: words[key][1], items: items[key] })),
  };
}
