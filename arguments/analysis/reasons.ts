// The reasons of the status in words: built from the final labels, one level deep (an element's
// reason names its premises, supports, objections and undercuts and their labels, never their
// reasons), so the whole text is linear in the size of the map; the "why?" chain follows the ids.
// Written as plain loops over the packed lists: this runs for every element on every recompute.
import { NODE_KIND_LABELS, type Id, type NodeKind } from '../model';
import { VERDICT_PHRASES } from './evaluation';
import { IN, OPEN, OUT, type Graph, type Judgement } from './graph';

/** The computed labels the reasons describe. */
export interface Labelling {
  g: Graph;
  stmt: Uint8Array;
  inf: Uint8Array;
  /** Statements and inferences that fell because they rest only on a circle of support. */
  stmtCircular: Uint8Array;
  infCircular: Uint8Array;
}

export interface Explained {
  reason: string;
  because: Id[];
}

/** "A", "A and B", "A, B and C". */
export function listWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.length === 1 ? xs[0]! : '';
  let out = xs[0]!;
  for (let k = 1; k < xs.length - 1; k++) out += `, ${xs[k]}`;
  return `${out} and ${xs[xs.length - 1]}`;
}

const KIND_WORDS = Object.fromEntries(Object.entries(NODE_KIND_LABELS).map(([k, v]) => [k, v.toLowerCase()])) as Record<NodeKind, string>;

/** The judges of a judgement, and the reason when one judge gave one. */
function judgesText(j: Judgement): string {
  const names = [...new Set(j.evaluations.map((e) => e.by))].sort();
  const only = j.evaluations.length === 1 ? j.evaluations[0]! : undefined;
  const why = typeof only?.reason === 'string' ? only.reason.replace(/\s+/g, ' ').trim() : '';
  const clipped = why.length > 200 ? `${why.slice(0, 199)}…` : why;
  return `by ${listWords(names)}${clipped ? ` ("${clipped}")` : ''}`;
}

function judgedText(j: Judgement): string {
  const phrases = VERDICT_PHRASES[j.kind] as Record<string, string>;
  return `${phrases[j.verdict]} ${judgesText(j)}`;
}

/** Parts of a reason and the ids they name (kept in order, without repeats). */
class Words {
  parts: string[] = [];
  ids: Id[] = [];
  add(part: string): void {
    this.parts.push(part);
  }
  id(id: Id): void {
    this.ids.push(id);
  }
  done(label: string): Explained {
    const ids = this.ids;
    const because = ids.length < 2 ? ids : ids.length <= 12 ? ids.filter((x, k) => ids.indexOf(x) === k) : [...new Set(ids)];
    return { reason: `${label}: ${this.parts.join('; ')}`, because };
  }
}

const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The ids of some statements, and their names in words ("A and B"). */
function names(l: Labelling, ss: readonly number[], w: Words): string {
  const words: string[] = new Array(ss.length);
  for (let k = 0; k < ss.length; k++) {
    words[k] = l.g.stmtIds[ss[k]!]!;
    w.id(words[k]!);
  }
  return listWords(words);
}

/** The premises of an inference with a given label. */
function premisesLabelled(l: Labelling, i: number, label: number): number[] {
  const out: number[] = [];
  const { start, list } = l.g.premises;
  for (let k = start[i]!; k < start[i + 1]!; k++) if (l.stmt[list[k]!] === label) out.push(list[k]!);
  return out;
}

/** The undercutters (premises of undercuts of an inference) whose undercut has a given label. */
function undercuttersLabelled(l: Labelling, i: number, label: number, undercuts?: number[]): number[] {
  const out: number[] = [];
  const { start, list } = l.g.undercuts;
  const prem = l.g.premises;
  for (let k = start[i]!; k < start[i + 1]!; k++) {
    const u = list[k]!;
    if (l.inf[u] !== label) continue;
    undercuts?.push(u);
    for (let m = prem.start[u]!; m < prem.start[u + 1]!; m++) if (!out.includes(prem.list[m]!)) out.push(prem.list[m]!);
  }
  return out;
}

const premiseCount = (g: Graph, i: number) => g.premises.start[i + 1]! - g.premises.start[i]!;
const isUndercut = (g: Graph, i: number) => g.undercuts.start[i + 1]! > g.undercuts.start[i]!;

/** An inference by its premises: "E1a", "P1a and P1b together"; the statement explained is "itself". */
function fromText(l: Labelling, i: number, self = -1): string {
  const { start, list } = l.g.premises;
  const n = start[i + 1]! - start[i]!;
  if (n === 1) return list[start[i]!] === self ? 'itself' : l.g.stmtIds[list[start[i]!]!]!;
  const words: string[] = [];
  for (let k = start[i]!; k < start[i + 1]!; k++) words.push(list[k] === self ? 'itself' : l.g.stmtIds[list[k]!]!);
  return `${listWords(words)} together`;
}

/**
 * Why an inference mentioned in another reason does not hold, as a verb phrase ("is undercut by
 * O1, which stands"). An undercut whose own label its premises do not tell (it is undercut or
 * judged in turn) is named by id too, so "why?" can go on there.
 */
function notHolding(l: Labelling, i: number, w: Words): string {
  const parts: string[] = [];
  const j = l.g.infJudgement[i];
  if (l.inf[i] === OUT) {
    if (j?.effect === 'remove') parts.push(`is ${judgedText(j)}`);
    const by = undercuttersLabelled(l, i, IN);
    if (by.length > 0) parts.push(`is undercut by ${names(l, by, w)}, which ${verb(by.length, 'stands', 'stand')}`);
    const out = premisesLabelled(l, i, OUT);
    if (out.length > 0) parts.push(`fails because ${names(l, out, w)} ${verb(out.length, 'falls', 'fall')}`);
  } else {
    if (j?.effect === 'cap') parts.push(`is ${judgedText(j)}`);
    const open = premisesLabelled(l, i, OPEN);
    if (open.length > 0) parts.push(`is open because ${names(l, open, w)} ${verb(open.length, 'is', 'are')} open`);
    const undercuts: number[] = [];
    const by = undercuttersLabelled(l, i, OPEN, undercuts);
    if (by.length > 0) {
      parts.push(`may be undercut by ${names(l, by, w)}`);
      for (const u of undercuts) if (isUndercut(l.g, u) || l.g.infJudgement[u]) w.id(l.g.infIds[u]!);
    }
  }
  return parts.join(', and ');
}

/** The one premise of an inference open only because that premise is, else -1. */
function simplyOpenPremise(l: Labelling, i: number): number {
  const g = l.g;
  if (premiseCount(g, i) !== 1 || isUndercut(g, i) || g.infJudgement[i]?.effect === 'cap') return -1;
  const p = g.premises.list[g.premises.start[i]!]!;
  return l.stmt[p] === OPEN ? p : -1;
}

/** The short account of a standing supporter: "(evidence, taken as stated)". */
function supporterSummary(l: Labelling, p: number): string {
  const g = l.g;
  const j = g.stmtJudgement[p];
  const how = g.supports.start[p + 1]! > g.supports.start[p]! ? 'which stands' : j?.effect === 'grant' ? judgedText(j) : 'taken as stated';
  return `${KIND_WORDS[g.stmtKinds[p]!]}, ${how}`;
}

function stands(l: Labelling, s: number, w: Words): Explained {
  const g = l.g;
  const j = g.stmtJudgement[s];
  const granted = j?.effect === 'grant';
  const { start, list } = g.supports;
  const named: string[] = [];
  let linked = false;
  for (let k = start[s]!; k < start[s + 1]!; k++) {
    const i = list[k]!;
    if (l.inf[i] !== IN) continue;
    const p0 = g.premises.start[i]!;
    if (g.premises.start[i + 1]! - p0 === 1) {
      const p = g.premises.list[p0]!;
      named.push(`${g.stmtIds[p]} (${supporterSummary(l, p)})`);
    } else {
      linked = true;
      named.push(fromText(l, i, s));
    }
    for (let m = p0; m < g.premises.start[i + 1]!; m++) w.id(g.stmtIds[g.premises.list[m]!]!);
  }
  if (named.length > 0) {
    // "A (…), B (…) and C (…)"; with linked groups "by A and B together and by C (…)".
    w.add(`supported by ${linked ? named.join(' and by ') : listWords(named)}`);
    if (granted) w.add(judgedText(j));
    for (let k = start[s]!; k < start[s + 1]!; k++) {
      const i = list[k]!;
      if (l.inf[i] !== IN) continue;
      for (let m = g.undercuts.start[i]!; m < g.undercuts.start[i + 1]!; m++) {
        const u = g.undercuts.list[m]!;
        w.add(`the undercut by ${fromText(l, u)} ${notHolding(l, u, w)}`);
      }
    }
  } else w.add(granted ? judgedText(j) : 'taken as stated');
  for (let k = g.objections.start[s]!; k < g.objections.start[s + 1]!; k++) {
    const o = g.objections.list[k]!;
    w.add(`the objection from ${fromText(l, o, s)} ${notHolding(l, o, w)}`);
  }
  return w.done('stands');
}

function falls(l: Labelling, s: number, w: Words): Explained {
  const g = l.g;
  const j = g.stmtJudgement[s];
  if (j?.effect === 'remove') w.add(judgedText(j));
  const groups: string[] = [];
  let many = false;
  for (let k = g.objections.start[s]!; k < g.objections.start[s + 1]!; k++) {
    const o = g.objections.list[k]!;
    if (l.inf[o] !== IN) continue;
    groups.push(fromText(l, o, s));
    if (premiseCount(g, o) > 1) many = true;
    for (let m = g.premises.start[o]!; m < g.premises.start[o + 1]!; m++) w.id(g.stmtIds[g.premises.list[m]!]!);
  }
  if (groups.length > 0) w.add(`opposed by ${listWords(groups)}, which ${many || groups.length > 1 ? 'stand' : 'stands'}`);

  const { start, list } = g.supports;
  if (start[s + 1] === start[s] || j?.effect === 'grant') return w.done('falls');
  for (let k = start[s]!; k < start[s + 1]!; k++) if (l.inf[list[k]!] !== OUT) return w.done('falls');
  // No basis: every support is out of play. Those in a circle of support are told as such.
  const rests: number[] = [];
  let circular = false;
  if (l.stmtCircular[s]) {
    for (let k = start[s]!; k < start[s + 1]!; k++) {
      const i = list[k]!;
      if (!l.infCircular[i]) continue;
      circular = true;
      for (let m = g.premises.start[i]!; m < g.premises.start[i + 1]!; m++) {
        const p = g.premises.list[m]!;
        if (l.stmtCircular[p] && p !== s && !rests.includes(p)) rests.push(p);
      }
    }
  }
  if (circular)
    w.add(
      rests.length === 0
        ? 'circular: rests only on itself'
        : `circular: rests only on ${names(l, rests, w)}, which ${verb(rests.length, 'has', 'have')} no basis outside a circle of support`,
    );
  const phrases: string[] = [];
  for (let k = start[s]!; k < start[s + 1]!; k++) {
    const i = list[k]!;
    if (circular && l.infCircular[i]) continue;
    phrases.push(`the support from ${fromText(l, i, s)} ${notHolding(l, i, w)}`);
  }
  if (phrases.length > 0) w.add((circular ? '' : 'no basis: ') + phrases.join('; '));
  return w.done('falls');
}

function open(l: Labelling, s: number, w: Words): Explained {
  const g = l.g;
  const j = g.stmtJudgement[s];
  if (j?.effect === 'cap') w.add(judgedText(j));
  const { start, list } = g.supports;
  let based = start[s + 1] === start[s] || j?.effect === 'grant';
  for (let k = start[s]!; k < start[s + 1]! && !based; k++) if (l.inf[list[k]!] === IN) based = true;
  if (!based) {
    for (let k = start[s]!; k < start[s + 1]!; k++) {
      const i = list[k]!;
      if (l.inf[i] !== OPEN) continue;
      const p = simplyOpenPremise(l, i);
      if (p >= 0 && p !== s) {
        w.add(`supported by ${g.stmtIds[p]}, which is itself open`);
        w.id(g.stmtIds[p]!);
      } else w.add(`the support from ${fromText(l, i, s)} ${notHolding(l, i, w)}`);
    }
  }
  for (let k = g.objections.start[s]!; k < g.objections.start[s + 1]!; k++) {
    const o = g.objections.list[k]!;
    if (l.inf[o] !== OPEN) continue;
    const p = simplyOpenPremise(l, o);
    if (p === s) w.add('opposed by itself');
    else if (p >= 0) {
      w.add(`opposed by ${g.stmtIds[p]}, which is itself open`);
      w.id(g.stmtIds[p]!);
    } else w.add(`the objection from ${fromText(l, o, s)} ${notHolding(l, o, w)}`);
  }
  return w.done('open');
}

export function statementReason(l: Labelling, s: number): Explained {
  const g = l.g;
  const label = l.stmt[s];
  // The commonest case, taken first: nothing bears on it but perhaps its own evidence.
  if (label === IN && g.supports.start[s + 1] === g.supports.start[s] && g.objections.start[s + 1] === g.objections.start[s] && !g.stmtJudgement[s])
    return { reason: 'stands: taken as stated', because: [] };
  const w = new Words();
  return label === IN ? stands(l, s, w) : label === OUT ? falls(l, s, w) : open(l, s, w);
}

/** An inference's reason: "in play: …", "out of play: …" or "open: …" (its label: stands, falls, open). */
export function inferenceReason(l: Labelling, i: number): Explained {
  const g = l.g;
  const j = g.infJudgement[i];
  const label = l.inf[i];
  if (label === IN && premiseCount(g, i) === 1 && !isUndercut(g, i) && !j) {
    const p = g.stmtIds[g.premises.list[g.premises.start[i]!]!]!;
    return { reason: `in play: ${p} stands`, because: [p] };
  }
  const w = new Words();
  if (label === IN) {
    const prem = premisesLabelled(l, i, IN);
    w.add(`${names(l, prem, w)} ${verb(prem.length, 'stands', 'stand')}`);
    if (j) w.add(judgedText(j));
    for (let m = g.undercuts.start[i]!; m < g.undercuts.start[i + 1]!; m++) {
      const u = g.undercuts.list[m]!;
      w.add(`the undercut by ${fromText(l, u)} ${notHolding(l, u, w)}`);
    }
    return w.done('in play');
  }
  if (label === OUT) {
    if (j?.effect === 'remove') w.add(judgedText(j));
    const by = undercuttersLabelled(l, i, IN);
    if (by.length > 0) w.add(`undercut by ${names(l, by, w)}, which ${verb(by.length, 'stands', 'stand')}`);
    const out = premisesLabelled(l, i, OUT);
    if (out.length > 0) w.add(`${names(l, out, w)} ${verb(out.length, 'falls', 'fall')}`);
    return w.done('out of play');
  }
  if (j?.effect === 'cap') w.add(judgedText(j));
  const open = premisesLabelled(l, i, OPEN);
  if (open.length > 0) w.add(`${names(l, open, w)} ${verb(open.length, 'is', 'are')} open`);
  for (let m = g.undercuts.start[i]!; m < g.undercuts.start[i + 1]!; m++) {
    const u = g.undercuts.list[m]!;
    if (l.inf[u] === OPEN) w.add(`the undercut by ${fromText(l, u)} ${notHolding(l, u, w)}`);
  }
  return w.done('open');
}
