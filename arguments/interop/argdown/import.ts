// An Argdown document as a map. How Argdown's elements become the map's:
//
// - Every statement (equivalence class) is a node; its text is Argdown's canonical formulation,
//   its title the statement's title (Argdown's "Untitled N" are no titles). Other formulations
//   under the same title are named in the report.
// - An argument without a premise–conclusion structure is a node too (its description, else
//   its title, is the text): Argdown draws it as a box that supports and attacks.
// - An argument with one is an inference: its premises support its conclusion through one
//   `supports` relation, linked when there are two or more premises; each intermediary conclusion
//   is a step of its own, drawn from the statements since the previous conclusion and that
//   conclusion itself, or from those its inference's {uses: [1, 2]} names. Its description and
//   inference rules are named in the report.
// - support (and strict "entails") -> supports; attack -> opposes; undercut -> undercuts (of the
//   argument's inference, or of what an argument without a structure infers: its own supports
//   and attacks); contrary and contradictory -> opposes both ways (the map has no symmetric
//   conflict: reported). A support or attack of a reconstructed argument as a whole ("sketched")
//   names no premise: an attack becomes an undercut of its inference, a support is left out; both
//   are reported.
// - Kinds: a statement's {data} kind ({kind: claim}), else a tag naming a kind (#claim), else the
//   heading it stands under ("# Claims", "# Evidence", "# Objections"), else the structure
//   (interop/kinds.ts). Voices: {data} voice. Other tags, other {data}, and headings are named in
//   the report. The map's title: the front matter's, else the first top-level heading's, else the
//   file's name.
// - The front matter's "argument-atlas" data (front-matter.ts), written by the exporter, gives
//   back ids, quotes, sources, positions, relation kinds and voices.
import { FORMAT_NAME, schemas } from '../../format/schema';
import { toFile } from '../../format/restore';
import { emptyMap, ID_PATTERN, NODE_KINDS, type Id, type NodeKind, type RelationKind } from '../../model';
import { checkedFile } from '../checked';
import { IdMaker } from '../ids';
import { inferKinds } from '../kinds';
import type { ExchangeProblem, ImportResult } from '../problems';
import { ReportBuilder } from '../report';
import type { ArgdownArgument, ArgdownDocument, ArgdownEnd, ArgdownRelation, ArgdownStatement } from './document';
import { argdownClass, LINE_FIELDS, readCarried, relationKey, type Carried, type RelationRecord } from './front-matter';
import { kindOfHeading, kindOfTag } from './headings';
import { expandIncludes, type IncludeReader } from './include';
import { parseArgdown } from './parse';
import { argdownLine } from './text';

export interface ArgdownImportOptions {
  /** ISO timestamp: the new map's created and modified time. */
  now: string;
  /** The file's name, for the map's title when the file gives none, and in messages about includes. */
  name?: string;
  /** Reads the files `@include(…)` names; without one, a file that includes others is refused. */
  includes?: IncludeReader;
}

const AUTO_TITLE = /^Untitled (\d+)$/;
const DATA_FIELDS = new Set(['id', 'kind', 'voice', 'title', 'conclusionOf']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isKind = (v: unknown): v is NodeKind => (NODE_KINDS as readonly unknown[]).includes(v);
const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export function importArgdown(text: string, options: ArgdownImportOptions): ImportResult {
  const name = options.name ?? 'the file';
  let input = text;
  let locate = (line: number, column: number) => ({ file: name, line, column });
  const report = new ReportBuilder();
  if (text.includes('@include(')) {
    if (!options.includes) {
      const at = text.slice(0, text.indexOf('@include(')).split('\n').length;
      return { ok: false, problems: [{ code: 'include', message: 'this file includes other files (@include), which can only be read from the folder it is in: import it with `argmap import`.', line: at }] };
    }
    const expanded = expandIncludes(text, name, options.includes);
    if (!expanded.ok) return expanded;
    input = expanded.expanded.text;
    locate = expanded.expanded.locate;
    for (const f of expanded.expanded.included) report.add('includes', 'Included files (@include) are read into the map, which does not remember them', f);
    for (const f of expanded.expanded.skipped) report.add('includes', 'Files included a second time are left out, as Argdown does (to stop a loop)', f);
  }
  const parsed = parseArgdown(input);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.problems.map((p): ExchangeProblem => {
        if (p.line === undefined) return p;
        const at = locate(p.line, p.column ?? 1);
        return { ...p, line: at.line, ...(p.column !== undefined ? { column: at.column } : {}), ...(at.file !== name ? { file: at.file } : {}) };
      }),
    };
  }
  return importArgdownDocument(parsed.document, options, report);
}

interface PendingRelation {
  cls: 'support' | 'attack' | 'undercut';
  kind: RelationKind;
  from: Id[];
  /** A node id, or for an undercut the index of the pending relation it attacks. */
  to: Id | number;
  wanted: string;
  /** For an undercut of what an argument without a structure infers: the node whose outgoing relations it attacks. */
  ofNode?: Id;
}

export function importArgdownDocument(doc: ArgdownDocument, options: Pick<ArgdownImportOptions, 'now' | 'name'>, report = new ReportBuilder()): ImportResult {
  const carried = readCarried(doc.frontMatter, report);
  const sources = carriedSources(carried, report);
  const ids = new IdMaker(sources.map((s) => s.id as string));
  const nodes = new Map<Id, Record<string, unknown>>();
  const given = new Map<Id, NodeKind>();
  const nodeOfStatement = new Map<string, Id>();
  const nodeOfArgument = new Map<string, Id>();
  const synthetic = new Map<string, string>();
  const tagsSeen = new Set<string>();
  let untitled = 0;

  const nodeFrom = (element: ArgdownStatement | ArgdownArgument, text: string, table: Map<string, Id>) => {
    const data = element.data ?? {};
    const wanted = nonEmpty(data.id);
    const auto = AUTO_TITLE.exec(element.title);
    const id = wanted && ID_PATTERN.test(wanted) && !ids.has(wanted) ? ids.make(wanted, 's') : ids.make(auto ? `s${auto[1]}` : element.title, `s${++untitled}`);
    table.set(element.title, id);
    let kind: NodeKind | undefined = isKind(data.kind) ? data.kind : undefined;
    for (const tag of element.tags) {
      const k = kindOfTag(tag);
      if (k && !kind) kind = k;
      else if (!k && !tagsSeen.has(tag)) {
        tagsSeen.add(tag);
        report.add('tags', 'Tags are not kept (a map has no tags); they stay in the texts they were written in', `#${tag}`);
      }
    }
    kind ??= kindOfHeading(element.section);
    if (kind) given.set(id, kind);
    // A statement with an id in {data} (one this project wrote) has its title there, if any.
    const title = nonEmpty(data.title) ?? (wanted || auto ? undefined : element.title);
    const extra = carried?.nodes.get(id);
    const body = text.trim();
    const exact = typeof extra?.text === 'string' && argdownLine(extra.text) === argdownLine(body) ? extra.text : undefined;
    const node: Record<string, unknown> = { id, kind: 'note', text: exact ?? (body === '' && !wanted && title !== undefined ? title : body) };
    if (title !== undefined) node.title = title;
    const voice = nonEmpty(data.voice);
    if (voice !== undefined) node.voice = voice;
    if (extra) for (const [k, v] of Object.entries(extra)) if (!LINE_FIELDS.has(k)) node[k] = v;
    for (const k of Object.keys(data)) if (!DATA_FIELDS.has(k)) report.add('data', 'Other {data} is not kept (the map has no place for it)', `${element.title}: ${k}`);
    nodes.set(id, node);
  };

  for (const s of doc.statements) {
    if (typeof s.data?.conclusionOf === 'string') {
      synthetic.set(s.title, s.data.conclusionOf);
      continue;
    }
    nodeFrom(s, s.text, nodeOfStatement);
    if (s.formulations.length > 0) report.add('formulations', 'Statements written in several formulations keep Argdown’s canonical one (the last)', s.title);
  }
  for (const a of doc.arguments) if (a.pcs.length === 0) nodeFrom(a, a.description.trim() === '' ? a.title : a.description, nodeOfArgument);

  // Reconstructed arguments: one supports relation per inference step.
  const pending: PendingRelation[] = [];
  const finalStep = new Map<string, number>();
  const stepAt = new Map<string, number>();
  const premisesOf = new Map<string, Id[]>();
  /** The step of an objection's argument whose synthetic conclusion is the objection: its inference is the objection's relation. */
  const syntheticStep = new Map<string, string>();
  for (const a of doc.arguments) {
    if (a.pcs.length === 0) continue;
    const wantedBase = nonEmpty(a.data?.id) ?? (ID_PATTERN.test(a.title) ? a.title : `r.${a.title}`);
    const conclusions = a.pcs.map((s, i) => (s.role === 'premise' ? -1 : i)).filter((i) => i >= 0);
    let previous = -1;
    conclusions.forEach((i, step) => {
      const stepInfo = a.pcs[i]!;
      const uses = stepInfo.inference?.data?.uses;
      const picked = Array.isArray(uses) && uses.every((u) => Number.isInteger(u) && u >= 1 && u <= i) ? (uses as number[]).map((u) => a.pcs[u - 1]!.title) : a.pcs.slice(Math.max(previous, 0), i).map((s) => s.title);
      previous = i;
      const from = [...new Set(picked.map((t) => nodeOfStatement.get(t)).filter((x): x is Id => x !== undefined))];
      for (const rule of stepInfo.inference?.rules ?? []) report.add('inference-rules', 'Inference rules are not kept (a map’s inference has no rule)', `${a.title}: ${rule}`);
      const last = step === conclusions.length - 1;
      if (last && synthetic.has(stepInfo.title)) {
        premisesOf.set(stepInfo.title, from);
        syntheticStep.set(stepInfo.title, `${a.title}#${i}`);
        return;
      }
      const to = nodeOfStatement.get(stepInfo.title);
      if (to === undefined || from.length === 0) return;
      pending.push({ cls: 'support', kind: 'supports', from, to, wanted: last ? wantedBase : `${wantedBase}.${step + 1}` });
      stepAt.set(`${a.title}#${i}`, pending.length - 1);
      if (last) finalStep.set(a.title, pending.length - 1);
    });
    if (a.description.trim() !== '') report.add('argument-descriptions', 'Descriptions of reconstructed arguments are not kept (the map keeps their inference, not a text for it)', a.title);
  }

  const reconstructed = new Set(doc.arguments.filter((a) => a.pcs.length > 0).map((a) => a.title));
  const mainConclusion = new Map(doc.arguments.filter((a) => a.pcs.length > 0).map((a) => [a.title, a.pcs[a.pcs.length - 1]!.title]));
  const premisesOfEnd = (end: ArgdownEnd): Id[] | undefined => {
    let title = end.title;
    if (end.type === 'argument') {
      if (!reconstructed.has(title)) return nodeOfArgument.has(title) ? [nodeOfArgument.get(title)!] : undefined;
      title = mainConclusion.get(title)!;
    } else if (end.type !== 'statement') return undefined;
    if (synthetic.has(title)) return premisesOf.get(title);
    return nodeOfStatement.has(title) ? [nodeOfStatement.get(title)!] : undefined;
  };
  const describe = (e: ArgdownEnd) => (e.type === 'statement' ? `[${e.title}]` : e.type === 'argument' ? `<${e.title}>` : `the inference of <${e.title}>`);

  // Objections drawn from a synthetic conclusion first: an undercut of their argument's inference undercuts them.
  const fromSynthetic = (r: ArgdownRelation) => r.from.type === 'statement' && synthetic.has(r.from.title);
  for (const r of [...doc.relations.filter(fromSynthetic), ...doc.relations.filter((r) => !fromSynthetic(r))]) {
    const from = premisesOfEnd(r.from);
    const label = `${describe(r.from)} ${r.type} ${describe(r.to)}`;
    if (!from || from.length === 0) continue;
    const wanted = r.from.type === 'statement' && synthetic.has(r.from.title) ? synthetic.get(r.from.title)! : '';
    // What it bears on: a node, or an inference (an argument's step).
    let target: Id | number | undefined;
    let ofNode: Id | undefined;
    if (r.to.type === 'inference') target = stepAt.get(`${r.to.title}#${r.to.conclusionIndex}`);
    else if (r.to.type === 'argument' && reconstructed.has(r.to.title)) {
      if (r.type === 'support' || r.type === 'entails') {
        report.add('sketched-relations', 'Supports of a reconstructed argument as a whole name no premise and are left out', label);
        continue;
      }
      if (r.type === 'attack') report.add('sketched-relations', 'Attacks on a reconstructed argument as a whole name no premise and become undercuts of its inference', label);
      target = finalStep.get(r.to.title);
    } else target = r.to.type === 'argument' ? nodeOfArgument.get(r.to.title) : synthetic.has(r.to.title) ? undefined : nodeOfStatement.get(r.to.title);
    if (target === undefined) continue;
    const at = pending.length;
    const step = fromSynthetic(r) ? syntheticStep.get(r.from.title) : undefined;
    if (step !== undefined) stepAt.set(step, at);
    if (typeof target === 'number') {
      pending.push({ cls: 'undercut', kind: 'undercuts', from, to: target, wanted });
      continue;
    }
    if (from.includes(target)) {
      report.add('self-relations', 'Relations of a statement to itself are left out (a map cannot draw them)', label);
      continue;
    }
    switch (r.type) {
      case 'support':
      case 'entails':
        if (r.type === 'entails') report.add('entailments', 'Strict support (entails) is read as support', label);
        pending.push({ cls: 'support', kind: 'supports', from, to: target, wanted });
        break;
      case 'attack':
        pending.push({ cls: 'attack', kind: 'opposes', from, to: target, wanted });
        break;
      case 'undercut':
        // Undercutting an argument without a structure attacks what it infers: its own supports and attacks.
        ofNode = target;
        pending.push({ cls: 'undercut', kind: 'undercuts', from, to: target, wanted, ofNode });
        break;
      case 'contrary':
      case 'contradictory':
        report.add('contraries', `${r.type === 'contrary' ? 'Contraries (both cannot be true)' : 'Contradictories (exactly one is true)'} become objections both ways; the map has no symmetric conflict`, label);
        pending.push({ cls: 'attack', kind: 'opposes', from, to: target, wanted });
        if (from.length === 1) pending.push({ cls: 'attack', kind: 'opposes', from: [target], to: from[0]!, wanted: '' });
        break;
    }
  }

  const relations = settleRelations(pending, carried, ids, report);
  const quoting = new Set([...nodes.values()].filter((n) => isObject(n.quote)).map((n) => n.id as Id));
  const kinds = inferKinds({ nodes: [...nodes.keys()], relations, given, quoting });
  for (const [id, node] of nodes) node.kind = kinds.get(id)!;
  for (const h of doc.sections) if (!kindOfHeading(h.title) && h.title !== 'Relations') report.add('sections', 'Headings are not kept (a map has no groups)', h.title);

  const sourceIds = new Set(sources.map((s) => s.id as string));
  for (const node of nodes.values()) {
    if (isObject(node.quote) && !sourceIds.has(node.quote.source as string)) {
      report.add('quotes', 'Quotes of sources the file does not carry are left out', node.id as string);
      delete node.quote;
    }
  }
  return assemble(doc, options, carried, sources, [...nodes.values()], relations, report);
}

/** The sources the front matter carries that a map can hold; the others are named. */
function carriedSources(carried: Carried | undefined, report: ReportBuilder): Record<string, unknown>[] {
  const list = carried?.base?.sources;
  if (!Array.isArray(list)) return [];
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  list.forEach((s, k) => {
    const ok = schemas().source.safeParse(s);
    if (ok.success && ID_PATTERN.test(ok.data.id) && !seen.has(ok.data.id)) {
      seen.add(ok.data.id);
      out.push(s as Record<string, unknown>);
    } else report.add('front-matter', 'Parts of the front matter’s "argument-atlas" data do not fit and were left out', `source ${isObject(s) && typeof s.id === 'string' ? s.id : k + 1}`);
  });
  return out;
}

/** Ids and records for the relations: the front matter's record where one matches (id, kind, voice), else made up. */
function settleRelations(pending: PendingRelation[], carried: Carried | undefined, ids: IdMaker, report: ReportBuilder): RelationRecord[] {
  const records = new Map<string, RelationRecord[]>();
  for (const r of carried?.relations ?? []) {
    const key = relationKey(argdownClass(r.kind), r.from, r.to);
    const list = records.get(key);
    if (list) list.push(r);
    else records.set(key, [r]);
  }
  // Undercuts of an argument without a structure attack each of its own supports and attacks
  // (indices of the others stay as they are: undercuts name their targets by index).
  const list: (PendingRelation | null)[] = pending.map((p) => (p.ofNode === undefined ? p : null));
  for (const p of pending) {
    if (p.ofNode === undefined) continue;
    const targets = list.map((q, k) => (q && q.cls !== 'undercut' && q.from.length === 1 && q.from[0] === p.ofNode ? k : -1)).filter((k) => k >= 0);
    if (targets.length === 0) {
      report.add('sketched-relations', 'Undercuts of an argument that infers nothing in the file become objections to it', `${p.from.join(', ')} undercut ${p.ofNode}`);
      list.push({ cls: 'attack', kind: 'opposes', from: p.from, to: p.ofNode, wanted: p.wanted });
    } else for (const t of targets) list.push({ cls: 'undercut', kind: 'undercuts', from: p.from, to: t, wanted: targets.length === 1 ? p.wanted : '' });
  }

  const out: (RelationRecord | undefined)[] = list.map(() => undefined);
  const kept = new Map<string, RelationRecord>();
  // Relations to nodes first, then undercuts once what they attack has its id.
  for (let progress = true; progress; ) {
    progress = false;
    list.forEach((p, k) => {
      if (!p || out[k]) return;
      let to: Id;
      if (typeof p.to === 'number') {
        const target = out[p.to];
        if (!target) return;
        to = target.id;
      } else to = p.to;
      progress = true;
      const key = relationKey(p.cls, p.from, to);
      const already = kept.get(key);
      if (already) {
        report.add('duplicates', 'Relations given twice are kept once', `${p.from.join(', ')} ${p.kind} ${to}`);
        out[k] = already;
        return;
      }
      const record = records.get(key)?.shift();
      const kind: RelationKind = record && argdownClass(record.kind) === p.cls ? record.kind : p.kind;
      const id = ids.make(record?.id ?? (p.wanted || (p.from.length === 1 ? `r.${p.from[0]}.${to}` : `r.${to}`)), 'r');
      const rel: RelationRecord = record ? { ...record, id, kind, from: p.from, to } : { id, kind, from: p.from, to };
      kept.set(key, rel);
      out[k] = rel;
    });
  }
  for (const rest of records.values()) for (const r of rest) report.add('front-matter', 'Relations the front matter records but the Argdown text no longer has are left out', r.id);
  return [...kept.values()];
}

function assemble(
  doc: ArgdownDocument,
  options: Pick<ArgdownImportOptions, 'now' | 'name'>,
  carried: Carried | undefined,
  sources: Record<string, unknown>[],
  nodes: Record<string, unknown>[],
  relations: RelationRecord[],
  report: ReportBuilder,
): ImportResult {
  const fm = doc.frontMatter ?? {};
  const heading = doc.sections.find((s) => s.level === 1)?.title;
  const title = nonEmpty(fm.title) ?? heading ?? (options.name ? options.name.replace(/\.[^.]*$/, '') : undefined) ?? 'Imported from Argdown';
  const fresh = toFile(emptyMap(options.now, title.slice(0, 10_000)));
  const authors = typeof fm.author === 'string' ? [fm.author] : Array.isArray(fm.author) ? fm.author.filter((a): a is string => typeof a === 'string') : [];
  if (authors.length > 0) (fresh.meta as { authors: string[] }).authors = authors.slice(0, 1_000);
  const base = carried?.base;
  const file = (withBase: boolean) => ({ ...fresh, ...(withBase && base ? base : {}), format: FORMAT_NAME, version: fresh.version, sources, nodes, relations });
  const full = checkedFile(file(true));
  if (full.ok || !base) return full.ok ? { ok: true, map: full.map, report: report.report() } : full;
  // The carried layers no longer fit the statements (edited by hand): without them.
  const bare = checkedFile({ ...file(false), view: isObject(base.view) ? base.view : fresh.view, meta: isObject(base.meta) ? base.meta : fresh.meta });
  if (!bare.ok) return full;
  report.add('front-matter', 'The map the front matter carries no longer fits the statements; only its sources, quotes, positions and details were taken', full.problems[0]!.message);
  return { ok: true, map: bare.map, report: report.report() };
}
