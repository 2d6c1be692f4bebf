// Which of the model's nodes the student has: every pair of an instructor's node and a student's
// node is scored by how alike their statements are (similarity.ts) and, for nodes that both quote
// a source, how far their quoted passages overlap (quotes.ts); the best pairs are taken greedily,
// then the scores are refined by structure (a pair whose neighbours are matched to each other
// gains) and the pairs taken again, twice. Ids are never a signal: a student's "C1" may be any
// claim. Ties are broken by content (kind, text), ids only last, compared as strings, so the same
// two maps give the same matching whatever the order of their records.
import type { ArgNode, ArgumentMap, Id } from '../model';
import { matchSources, quoteOverlap, quoteRanges, type QuoteRange } from './quotes';
import { dice, sharedWords, wordBag, type WordBag } from './similarity';

export interface NodeMatch {
  /** The instructor's node. */
  id: Id;
  studentId: Id;
  /** 0–1: how sure the matching is (statement, quote and structure together). */
  confidence: number;
  /** How alike the statements are, 0–1. */
  text: number;
  /** How far the quoted passages overlap, 0–1; null when one of the two quotes nothing. */
  quote: number | null;
  /** The share of the two nodes' neighbours that are matched to each other, 0–1. */
  structure: number;
}

export interface Matching {
  /** In the order of the instructor's nodes by id. */
  pairs: NodeMatch[];
  /** Instructor's node id → student's. */
  toStudent: ReadonlyMap<Id, Id>;
  /** Student's node id → instructor's. */
  toInstructor: ReadonlyMap<Id, Id>;
  /** Student's source id → the instructor's source with the same text (else the same title). */
  sources: ReadonlyMap<Id, Id>;
}

/** A pair is considered only when the statements or quotes alone reach this. */
const MIN_BASE = 0.35;
/** A pair is taken only when its refined score reaches this. */
const MIN_SCORE = 0.5;
/** Pairs the word index hands on for scoring: fewer shared words cannot reach MIN_BASE without a quote. */
const MIN_TEXT = 0.2;
const STRUCTURE_WEIGHT = 0.25;
const KIND_WEIGHT = 0.05;
const QUOTE_WEIGHT = 0.6;
const ROUNDS = 2;

interface Side {
  map: ArgumentMap;
  ids: Id[];
  bags: { bag: WordBag; size: number }[];
  ranges: (QuoteRange | null)[];
  /** Node ids one relation away (premises, targets; an undercut reaches the attacked inference's target). */
  neighbours: Map<Id, Set<Id>>;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function side(map: ArgumentMap, sourceOf: (source: Id) => { id: Id; sameText: boolean } | undefined): Side {
  const ids = Object.keys(map.nodes).sort(byString);
  const neighbours = new Map<Id, Set<Id>>(ids.map((id) => [id, new Set<Id>()]));
  const link = (a: Id, b: Id) => {
    if (a === b) return;
    neighbours.get(a)?.add(b);
    neighbours.get(b)?.add(a);
  };
  for (const id of Object.keys(map.relations)) {
    const r = map.relations[id]!;
    const to = r.kind === 'undercuts' ? (Object.hasOwn(map.relations, r.to) ? map.relations[r.to]!.to : undefined) : r.to;
    if (to === undefined) continue;
    for (const f of r.from) link(f, to);
  }
  return {
    map,
    ids,
    bags: ids.map((id) => wordBag(map.nodes[id]!.text)),
    ranges: quoteRanges(map, ids, sourceOf),
    neighbours,
  };
}

interface Candidate {
  i: number;
  s: number;
  base: number;
  text: number;
  quote: number | null;
  sameKind: boolean;
  score: number;
  structure: number;
}

/** Every pair worth scoring: sharing enough words (an index of the student's words) or an overlapping quote. */
function candidates(I: Side, S: Side): Candidate[] {
  // Words as numbers, postings as flat arrays, counts in a typed array: the index is the hot loop.
  const wordId = new Map<string, number>();
  const postings: number[][] = [];
  S.bags.forEach(({ bag }, s) => {
    for (const [w, k] of bag) {
      let id = wordId.get(w);
      if (id === undefined) wordId.set(w, (id = postings.push([]) - 1));
      postings[id]!.push(s, k);
    }
  });
  const bySource = new Map<Id, number[]>();
  S.ranges.forEach((r, s) => {
    if (!r) return;
    const list = bySource.get(r.source);
    if (list) list.push(s);
    else bySource.set(r.source, [s]);
  });
  const out: Candidate[] = [];
  const shared = new Int32Array(S.ids.length);
  const quoted = new Float64Array(S.ids.length);
  const touched: number[] = [];
  const touch = (s: number) => {
    if (shared[s] === 0 && quoted[s] === 0) touched.push(s);
  };
  I.bags.forEach(({ bag, size }, i) => {
    touched.length = 0;
    for (const [w, k] of bag) {
      const list = wordId.has(w) ? postings[wordId.get(w)!]! : [];
      for (let j = 0; j < list.length; j += 2) {
        const s = list[j]!;
        touch(s);
        shared[s]! += Math.min(k, list[j + 1]!);
      }
    }
    const range = I.ranges[i];
    if (range)
      for (const s of bySource.get(range.source) ?? []) {
        const q = quoteOverlap(range, S.ranges[s]!);
        if (q > 0) {
          touch(s);
          quoted[s] = q;
        }
      }
    for (const s of touched) {
      const text = dice(shared[s]!, size, S.bags[s]!.size);
      const bothQuote = range !== null && S.ranges[s] !== null;
      const quote = bothQuote ? quoted[s]! : null;
      shared[s] = 0;
      quoted[s] = 0;
      if (quote === null && text < MIN_TEXT) continue;
      const base = quote === null ? text : (1 - QUOTE_WEIGHT) * text + QUOTE_WEIGHT * quote;
      if (base < MIN_BASE) continue;
      const sameKind = I.map.nodes[I.ids[i]!]!.kind === S.map.nodes[S.ids[s]!]!.kind;
      out.push({ i, s, base, text, quote, sameKind, score: base, structure: 0 });
    }
  });
  return out;
}

/** Each node's place in an order by content (text, then kind; id last): what breaks ties, whatever the order of records. */
function ranks(side: Side): Int32Array {
  const node = (k: number): ArgNode => side.map.nodes[side.ids[k]!]!;
  const order = side.ids.map((_, k) => k).sort((a, b) => byString(node(a).text, node(b).text) || byString(node(a).kind, node(b).kind) || byString(side.ids[a]!, side.ids[b]!));
  const rank = new Int32Array(side.ids.length);
  order.forEach((k, r) => (rank[k] = r));
  return rank;
}

function tieBreak(I: Side, S: Side): (a: Candidate, b: Candidate) => number {
  const ri = ranks(I);
  const rs = ranks(S);
  return (a, b) => b.score - a.score || Number(b.sameKind) - Number(a.sameKind) || ri[a.i]! - ri[b.i]! || rs[a.s]! - rs[b.s]!;
}

/** Best pairs first, each node in at most one pair. */
function greedy(list: Candidate[], order: (a: Candidate, b: Candidate) => number): Map<number, Candidate> {
  const sorted = [...list].sort(order);
  const takenI = new Map<number, Candidate>();
  const takenS = new Set<number>();
  for (const c of sorted) {
    if (c.score < MIN_SCORE) break;
    if (takenI.has(c.i) || takenS.has(c.s)) continue;
    takenI.set(c.i, c);
    takenS.add(c.s);
  }
  return takenI;
}

/** The share of the pair's neighbours matched to each other under `pairs`. */
function structure(I: Side, S: Side, c: Candidate, toStudent: ReadonlyMap<Id, Id>): number {
  const ni = I.neighbours.get(I.ids[c.i]!)!;
  const ns = S.neighbours.get(S.ids[c.s]!)!;
  const most = Math.max(ni.size, ns.size);
  if (most === 0) return 0;
  let agree = 0;
  for (const n of ni) {
    const m = toStudent.get(n);
    if (m !== undefined && ns.has(m)) agree++;
  }
  return agree / most;
}

export function matchNodes(student: ArgumentMap, instructor: ArgumentMap): Matching {
  const sources = matchSources(student, instructor);
  const I = side(instructor, (id) => ({ id, sameText: true }));
  const S = side(student, (id) => {
    const m = sources.get(id);
    return m === undefined ? undefined : { id: m, sameText: student.sources[id]!.text === instructor.sources[m]!.text };
  });
  const list = candidates(I, S);
  const order = tieBreak(I, S);
  let taken = greedy(list, order);
  for (let round = 0; round < ROUNDS; round++) {
    const toStudent = new Map([...taken.values()].map((c) => [I.ids[c.i]!, S.ids[c.s]!]));
    for (const c of list) {
      c.structure = structure(I, S, c, toStudent);
      // Not capped here: two statements worded the same are told apart by structure.
      c.score = c.base + STRUCTURE_WEIGHT * c.structure + (c.sameKind ? KIND_WEIGHT : 0);
    }
    taken = greedy(list, order);
  }
  const pairs = [...taken.values()]
    .sort((a, b) => a.i - b.i)
    .map((c): NodeMatch => ({ id: I.ids[c.i]!, studentId: S.ids[c.s]!, confidence: round3(Math.min(1, c.score)), text: round3(c.text), quote: c.quote === null ? null : round3(c.quote), structure: round3(c.structure) }));
  return {
    pairs,
    toStudent: new Map(pairs.map((p) => [p.id, p.studentId])),
    toInstructor: new Map(pairs.map((p) => [p.studentId, p.id])),
    sources,
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
