// The dialectical status of a map: what stands, what falls, what is open, and why.
//
// THE RULES, IN PLAIN WORDS
//
// What takes part. Every node is a statement: a thesis, claim, premise, piece of evidence,
// counter-consideration, rebuttal or note. Every `supports` and every `opposes` relation is an
// inference from its premises to what it bears on; two or more premises on one relation are
// linked co-premises: ONE inference, which needs all of them. An `undercuts` relation is an
// inference that attacks another inference (the step, not its conclusion); an undercut can
// itself be undercut. A `qualifies` relation is a caveat: it never changes a label and is only
// reported on the statement it qualifies (`caveats`: the qualifying nodes). A note takes part
// like any statement, so a note that nothing bears on simply stands, "taken as stated".
//
// Labels. A statement stands, falls or is open; so does an inference (its reason says "in play",
// "out of play" or "open"). Every label comes with a reason in words and the ids it names.
// - The base. A statement that no support points at is taken as stated: evidence, an unsupported
//   premise, an objection argued from the text itself. It stands unless something attacks it,
//   and a judge may doubt or reject it (below).
// - An inference is in play when all its premises stand and no undercut of it stands. It is out
//   of play when one of its premises falls or an undercut of it stands. Otherwise it is open.
// - A statement stands when it has a basis (it is taken as stated, a judge granted it, or one of
//   its supports is in play) and every objection against it (every `opposes` inference) is out
//   of play. It falls when an objection against it is in play, or when it has no basis: it has
//   supports, every one of them is out of play, and no judge granted it. Otherwise it is open.
// - Nothing is decided by guesswork: what these rules leave unsettled stays open. Two statements
//   attacking each other stay open, and so does a circle of three; a statement that opposes
//   itself is open unless something else decides it. This is Dung's grounded semantics: with
//   every statement granted and every relation a one-premise objection, the labels are exactly
//   his grounded labelling (tested against the ICCMA and ASPARTIX instances).
// - Circular support falls. Statements that rest only on one another (A supports B, B supports
//   A, and nothing outside the circle supports either) fall: "circular: rests only on …".
//   Support has to come from somewhere, and a circle supplies none: as in the well-founded
//   semantics of logic programs, support that cannot be traced to a basis is unfounded, hence
//   false. (Carneades leaves such circles undecided; an open circle would let a circular argument
//   hold a claim it opposes in suspense, which no historian would accept.) A circle that reaches
//   a basis outside itself stands through it. So a statement resting only on a circle is worse
//   off than one with no support at all: drawing a support says "this rests on that", and the
//   map is taken at its word.
//
// Evaluations (input, the `Evaluation` type of evaluation.ts). accept (statements), solid
// (evidence) and strong (inferences) grant; doubt / shaky / weak make the element at best open;
// reject / none make a statement fall and put an inference out of play. A grant gives a
// statement a basis of its own (it need not rest on its supports) but no shield against
// objections. An inference needs no basis beyond its premises, so "strong" changes no label: it
// is named in the reason, and any sceptical judge outweighs it. When several counted judges judge
// one element, the most sceptical counts and the reason names them. An evaluation naming an
// unknown id, a source or a qualification, or giving a verdict that does not fit (reject of a
// piece of evidence, weak of a statement), is reported in `problems` and ignored.
//
// Voices as layers (`options.voices`). Given a set of voices, only nodes and relations in those
// voices, and evaluations by those judges, count; everything else is as if absent, and a relation
// touching something absent vanishes with it (so does an undercut of a vanished inference).
// Nodes and relations without a voice are the map's author's and always count, unless they
// touch something that does not. Without `voices` (or with null), everything counts. Elements
// that do not count have no entry in the result.
//
// THE COMPUTATION
// The classic grounded labelling by per-element counters and a work queue, generalised to "all
// premises" (AND) for an inference, "any support" (OR) for a basis, and "no objection, no undercut"
// (NOR) for attacks. When that settles with something still open, a pass over the open part
// finds what cannot reach a basis except through a circle, lets it fall, and the queue goes on
// from there; repeated while a pass finds something, each later pass looking only at what rests
// (through supports and premises) on something that fell since. Linear in the size of the map
// (plus one sort of the ids); only where circles of support are entangled with attacks, so that
// they fall one after another, is a part looked at again once per circle. No recursion (a
// 10,000-node chain is 10,000 queue steps), no copying per step. The labels are a fixpoint and
// do not depend on the order of the records. Elements are numbered in natural id order ("O2"
// before "O10"): the result lists them so, and a reason lists supports, objections and undercuts
// in the order of their relation ids, and the premises of one inference in natural order.
import type { ArgumentMap, Id } from '../model';
import type { Evaluation } from './evaluation';
import { buildGraph, IN, OPEN, OUT, type Graph } from './graph';
import { inferenceReason, statementReason, type Labelling } from './reasons';

export type { Evaluation } from './evaluation';
export { whyChain, type WhyStep } from './why';

export type StatusLabel = 'stands' | 'falls' | 'open';

export interface ElementStatus {
  label: StatusLabel;
  /** Starts with the label ("falls: opposed by O3, which stands"; inferences: "in play: …"). */
  reason: string;
  /** The ids the reason names, in the order it names them: what "why?" follows. */
  because: Id[];
  /** Nodes that qualify this statement (caveat badges); never a cause of its label. */
  caveats?: Id[];
}

export interface DialecticalStatus {
  /** Every counted node, in natural id order. */
  nodes: Map<Id, ElementStatus>;
  /** Every counted supports / opposes / undercuts relation, in natural id order. */
  inferences: Map<Id, ElementStatus>;
  /** Worded problems with the input (evaluations that do not fit, broken references); each was ignored. */
  problems: string[];
}

export interface StatusOptions {
  /** Count only these voices (and the author's, without a voice); null or absent: every voice. */
  voices?: ReadonlySet<string> | null;
}

const LABELS = { [OPEN]: 'open', [IN]: 'stands', [OUT]: 'falls' } as const satisfies Record<number, StatusLabel>;

export function computeStatus(map: ArgumentMap, evaluations: readonly Evaluation[] = [], options: StatusOptions = {}): DialecticalStatus {
  const g = buildGraph(map, evaluations, options.voices);
  const l = labelGraph(g);
  const nodes = new Map<Id, ElementStatus>();
  g.stmtIds.forEach((id, s) => {
    const { reason, because } = statementReason(l, s);
    const caveats = g.caveats[s];
    nodes.set(id, { label: LABELS[l.stmt[s] as 0 | 1 | 2], reason, because, ...(caveats ? { caveats } : {}) });
  });
  const inferences = new Map<Id, ElementStatus>();
  g.infIds.forEach((id, i) => {
    const { reason, because } = inferenceReason(l, i);
    inferences.set(id, { label: LABELS[l.inf[i] as 0 | 1 | 2], reason, because });
  });
  return { nodes, inferences, problems: g.problems };
}

/** The labels of a graph: the propagation, then passes that let circular support fall. */
function labelGraph(g: Graph): Labelling {
  const N = g.stmtIds.length;
  const M = g.infIds.length;
  const stmt = new Uint8Array(N);
  const inf = new Uint8Array(M);
  const stmtCircular = new Uint8Array(N);
  const infCircular = new Uint8Array(M);
  const supOut = new Int32Array(N);
  const objOut = new Int32Array(N);
  const supIn = new Uint8Array(N);
  const premIn = new Int32Array(M);
  const undOut = new Int32Array(M);
  const queue = new Int32Array(N + M); // each element is decided, hence queued, once
  let head = 0;
  let tail = 0;

  const count = (a: { start: Int32Array }, k: number) => a.start[k + 1]! - a.start[k]!;
  const effectS = (s: number) => g.stmtJudgement[s]?.effect;
  const effectI = (i: number) => g.infJudgement[i]?.effect;
  const hasBasis = (s: number) => supIn[s] === 1 || count(g.supports, s) === 0 || effectS(s) === 'grant';
  // Set by the passes over circular support (below): what possibly stands, and what fell after
  // possibly standing (its dependents must be looked at again).
  const possible = new Uint8Array(N + M);
  const pcount = new Int32Array(M);
  const lost: number[] = [];
  const decideS = (s: number, v: number) => {
    stmt[s] = v;
    queue[tail++] = s;
    if (v === OUT && possible[s]) lost.push(s);
  };
  const decideI = (i: number, v: number) => {
    inf[i] = v;
    queue[tail++] = N + i;
    if (v === OUT && possible[N + i]) lost.push(N + i);
  };
  const trySupport = (s: number) => {
    if (objOut[s] === count(g.objections, s) && effectS(s) !== 'cap' && hasBasis(s)) decideS(s, IN);
  };
  const tryInPlay = (i: number) => {
    if (premIn[i] === count(g.premises, i) && undOut[i] === count(g.undercuts, i) && effectI(i) !== 'cap') decideI(i, IN);
  };

  for (let s = 0; s < N; s++) {
    if (effectS(s) === 'remove') decideS(s, OUT);
    else trySupport(s);
  }
  for (let i = 0; i < M; i++) if (effectI(i) === 'remove') decideI(i, OUT);

  const propagate = () => {
    while (head < tail) {
      const x = queue[head++]!;
      if (x < N) {
        const v = stmt[x]!;
        for (let k = g.uses.start[x]!; k < g.uses.start[x + 1]!; k++) {
          const i = g.uses.list[k]!;
          if (inf[i] !== OPEN) continue;
          if (v === OUT) decideI(i, OUT);
          else {
            premIn[i]!++;
            tryInPlay(i);
          }
        }
        continue;
      }
      const i = x - N;
      const v = inf[i]!;
      const t = g.target[i]!;
      if (t < 0) continue;
      switch (g.infKinds[i]!) {
        case 'supports':
          if (stmt[t] !== OPEN) break;
          if (v === IN) {
            supIn[t] = 1;
            trySupport(t);
          } else if (++supOut[t]! === count(g.supports, t) && effectS(t) !== 'grant') decideS(t, OUT);
          break;
        case 'opposes':
          if (stmt[t] !== OPEN) break;
          if (v === IN) decideS(t, OUT);
          else {
            objOut[t]!++;
            trySupport(t);
          }
          break;
        case 'undercuts':
          if (inf[t] !== OPEN) break;
          if (v === IN) decideI(t, OUT);
          else {
            undOut[t]!++;
            tryInPlay(t);
          }
          break;
      }
    }
  };
  propagate();

  // Unfounded support. "Possibly standing": a basis of its own, or a support that possibly holds;
  // an inference possibly holds when each premise stands or possibly stands. Attacks still open
  // are no obstacle here. What is open and not even possibly standing rests only on circles: it
  // falls, and the queue goes on. The first pass looks at everything open; a later one only at
  // what positively depends on something that has fallen since (delete, then derive again), so
  // the passes together cost about the size of the open part, not that size times their number.
  const suspects: number[] = [];
  for (let s = 0; s < N; s++) if (stmt[s] === OPEN) suspects.push(s);
  for (let i = 0; i < M; i++) if (inf[i] === OPEN) suspects.push(N + i);
  const work = new Int32Array(N + M);
  while (suspects.length > 0) {
    for (const x of suspects) possible[x] = 0;
    // Premises already standing, or possibly standing outside the suspects, count at once.
    for (const x of suspects) {
      if (x < N) continue;
      const i = x - N;
      let c = 0;
      for (let k = g.premises.start[i]!; k < g.premises.start[i + 1]!; k++) {
        const p = g.premises.list[k]!;
        if (stmt[p] === IN || (stmt[p] === OPEN && possible[p])) c++;
      }
      pcount[i] = c;
    }
    let w = 0;
    for (const x of suspects) {
      if (x >= N) {
        if (pcount[x - N] === count(g.premises, x - N)) (possible[x] = 1), (work[w++] = x);
        continue;
      }
      let ok = hasBasis(x);
      for (let k = g.supports.start[x]!; k < g.supports.start[x + 1]! && !ok; k++) {
        const i = g.supports.list[k]!;
        if (inf[i] === OPEN && possible[N + i]) ok = true;
      }
      if (ok) (possible[x] = 1), (work[w++] = x);
    }
    for (let r = 0; r < w; r++) {
      const x = work[r]!;
      if (x < N) {
        for (let k = g.uses.start[x]!; k < g.uses.start[x + 1]!; k++) {
          const i = g.uses.list[k]!;
          if (inf[i] === OPEN && !possible[N + i] && ++pcount[i]! === count(g.premises, i)) (possible[N + i] = 1), (work[w++] = N + i);
        }
      } else if (g.infKinds[x - N] === 'supports') {
        const t = g.target[x - N]!;
        if (stmt[t] === OPEN && !possible[t]) (possible[t] = 1), (work[w++] = t);
      }
    }
    let found = false;
    for (const x of suspects) {
      if (possible[x] || (x < N ? stmt[x] : inf[x - N]) !== OPEN) continue;
      found = true;
      if (x < N) (stmtCircular[x] = 1), decideS(x, OUT);
      else (infCircular[x - N] = 1), decideI(x - N, OUT);
    }
    suspects.length = 0;
    if (!found) break;
    propagate();
    // What possibly stood and has now fallen takes with it, for now, all that possibly stood on it.
    for (let k = 0; k < lost.length; k++) {
      const x = lost[k]!;
      if (x < N) {
        for (let m = g.uses.start[x]!; m < g.uses.start[x + 1]!; m++) {
          const y = N + g.uses.list[m]!;
          if (inf[y - N] === OPEN && possible[y]) (possible[y] = 0), suspects.push(y), lost.push(y);
        }
      } else if (g.infKinds[x - N] === 'supports') {
        const t = g.target[x - N]!;
        if (stmt[t] === OPEN && possible[t]) (possible[t] = 0), suspects.push(t), lost.push(t);
      }
    }
    lost.length = 0;
  }
  return { g, stmt, inf, stmtCircular, infCircular };
}
