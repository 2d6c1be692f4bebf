// A map as Argdown (https://argdown.org) that Argdown's own parser reads back with the same
// statements and relations. Each node is a statement, under a heading for its kind, titled by the
// node's title (or its id) with {data}: its id, kind and voice. Relations follow under
// "# Relations": a support or an objection from one premise as Argdown's `<+` / `<-` under the
// statement it bears on; a linked inference (two or more co-premises), and an inference something
// undercuts, as an argument titled by the relation's id, with its premise–conclusion structure
// (an objection's argument concludes in a statement that attacks: its {data} says so); undercuts
// as `<_` under that argument. What Argdown has no place for (sources and their texts, quotes,
// positions, relation ids and voices, caveats as such, exact texts Argdown would fold, and any
// other layer of the map) travels in the front matter (front-matter.ts) and is named in the report.
import { naturalCompare } from '../../analysis/order';
import { NODE_KINDS, type ArgNode, type ArgumentMap, type Id, type NodeKind, type Relation } from '../../model';
import { ReportBuilder, type ExchangeReport } from '../report';
import { ATLAS_KEY, argdownClass, carryOf, relationKey } from './front-matter';
import { KIND_HEADINGS } from './headings';
import { parseArgdown } from './parse';
import { argdownJson, argdownLine, escapeArgdown, keepsAsIs } from './text';

export interface ArgdownExport {
  text: string;
  report: ExchangeReport;
}

const SAFE_TITLE = /^[^[\]\\<>{}\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/;
const AUTO_TITLE = /^Untitled \d+$/;

/** Titles @argdown/core 1.7.5 cannot read: it keeps statements and arguments in plain objects, and fails on these. */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

const usableTitle = (t: string | undefined): t is string => t !== undefined && t.length <= 1_000 && SAFE_TITLE.test(t) && t.trim() === t && !/\s{2}/.test(t) && !AUTO_TITLE.test(t) && !RESERVED.has(t);

/** An argument's title for a relation: its id, unless Argdown cannot read that. */
const argumentTitle = (id: Id) => (RESERVED.has(id) ? `${id} (inference)` : id);

/** Argdown titles: each node's own title when it is usable and no other node has it, else its id. */
function statementTitles(nodes: readonly ArgNode[]): Map<Id, string> {
  const count = new Map<string, number>();
  for (const n of nodes) if (usableTitle(n.title)) count.set(n.title, (count.get(n.title) ?? 0) + 1);
  const titles = new Map<Id, string>();
  const used = new Set<string>(RESERVED);
  for (const n of nodes)
    if (usableTitle(n.title) && count.get(n.title) === 1) {
      titles.set(n.id, n.title);
      used.add(n.title);
    }
  for (const n of nodes) {
    if (titles.has(n.id)) continue;
    let t = n.id;
    for (let k = 2; used.has(t); k++) t = `${n.id} (${k})`;
    titles.set(n.id, t);
    used.add(t);
  }
  return titles;
}

const byKindThenId = (a: ArgNode, b: ArgNode) => NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind) || naturalCompare(a.id, b.id);

function render(map: ArgumentMap, exact: ReadonlySet<Id>, report: ReportBuilder | null): { text: string; titles: Map<Id, string> } {
  const nodes = Object.values(map.nodes).sort(byKindThenId);
  const relations = Object.values(map.relations).sort((a, b) => naturalCompare(a.id, b.id));
  const titles = statementTitles(nodes);
  const ref = (id: Id) => `[${titles.get(id)!}]`;
  const lines: string[] = [];

  lines.push('===');
  lines.push(`title: ${argdownJson(map.meta.title)}`);
  if (map.meta.authors.length > 0) lines.push(`author: ${argdownJson(map.meta.authors)}`);
  lines.push(`${ATLAS_KEY}: ${argdownJson(carryOf(map, exact))}`);
  lines.push('===');
  lines.push('');
  lines.push('<!-- Exported from Argument Atlas. Each statement is a node of the map: {data} gives its id, kind and voice; the front matter carries its sources, quotes, positions and relation ids. -->');

  let kind: NodeKind | undefined;
  for (const n of nodes) {
    if (n.kind !== kind) {
      kind = n.kind;
      lines.push('', `# ${KIND_HEADINGS[kind]}`);
    }
    const data: Record<string, unknown> = { id: n.id, kind: n.kind };
    if (n.voice !== undefined) data.voice = n.voice;
    // The title always in {data}: the Argdown title may be the id or a stand-in ("C1 (2)").
    if (n.title !== undefined) data.title = n.title;
    const visible = exact.has(n.id) ? argdownLine(n.text) : n.text;
    lines.push('', `${ref(n.id)}: ${visible === '' ? '' : `${escapeArgdown(visible)} `}${argdownJson(data)}`);
  }

  // Relations written as arguments: linked ones, undercut ones, and a second one with the same premises and target.
  const undercut = new Set(relations.filter((r) => r.kind === 'undercuts').map((r) => r.to));
  const plainKeys = new Set<string>();
  const asArgument = new Set<Id>();
  for (const r of relations) {
    const key = relationKey(argdownClass(r.kind), r.from, r.to);
    if (r.from.length > 1 || undercut.has(r.id) || plainKeys.has(key)) asArgument.add(r.id);
    else plainKeys.add(key);
  }
  if (relations.length > 0) lines.push('', '# Relations');

  // Plain supports and objections, under the statement they bear on.
  const into = new Map<Id, Relation[]>();
  for (const r of relations) {
    if (asArgument.has(r.id) || r.kind === 'undercuts') continue;
    const list = into.get(r.to);
    if (list) list.push(r);
    else into.set(r.to, [r]);
  }
  for (const n of nodes) {
    const list = into.get(n.id);
    if (!list) continue;
    lines.push('', ref(n.id));
    for (const r of list) lines.push(`  ${r.kind === 'supports' ? '<+' : '<-'} ${ref(r.from[0]!)}`);
    if (report) for (const r of list) if (r.kind === 'qualifies') report.add('qualifications', 'Caveats (qualifies) are written as Argdown attacks, which Argdown has instead; Argument Atlas reads them back as caveats from the front matter', r.id);
  }

  // Inferences as arguments; an objection's argument ends in a statement that attacks.
  const titleTaken = new Set(titles.values());
  for (const r of relations) {
    if (!asArgument.has(r.id)) continue;
    lines.push('', `<${argumentTitle(r.id)}>`, '');
    r.from.forEach((f, k) => lines.push(`(${k + 1}) ${ref(f)}`));
    lines.push('----');
    const n = r.from.length + 1;
    if (r.kind === 'supports') {
      lines.push(`(${n}) ${ref(r.to)}`);
      continue;
    }
    let conclusion = `${r.id} (conclusion)`;
    for (let k = 2; titleTaken.has(conclusion); k++) conclusion = `${r.id} (conclusion ${k})`;
    titleTaken.add(conclusion);
    const target = r.kind === 'undercuts' ? `the inference ${r.to}` : titles.get(r.to)!;
    const says = `${r.kind === 'qualifies' ? 'A caveat to' : 'Against'} ${target}, from ${r.from.length === 1 ? '(1)' : `(1) to (${r.from.length}) together`}.`;
    lines.push(`(${n}) [${conclusion}]: ${escapeArgdown(says)} ${argdownJson({ conclusionOf: r.id })}`);
    lines.push(r.kind === 'undercuts' ? `  _> <${argumentTitle(r.to)}>` : `  -> ${ref(r.to)}`);
    if (report && r.kind === 'qualifies') report.add('qualifications', 'Caveats (qualifies) are written as Argdown attacks, which Argdown has instead; Argument Atlas reads them back as caveats from the front matter', r.id);
  }

  // Undercuts from one premise, under the argument they attack.
  for (const r of relations) {
    if (r.kind !== 'undercuts' || asArgument.has(r.id)) continue;
    lines.push('', `<${argumentTitle(r.to)}>`, `  <_ ${ref(r.from[0]!)}`);
  }
  return { text: lines.join('\n') + '\n', titles };
}

export function exportArgdown(map: ArgumentMap): ArgdownExport {
  const exact = new Set<Id>();
  for (const n of Object.values(map.nodes)) if (!keepsAsIs(n.text)) exact.add(n.id);
  // Argdown's own parser reads the text back; a statement it reads otherwise keeps its exact text in the front matter.
  let out = render(map, exact, null);
  for (let pass = 0; pass < 2; pass++) {
    const parsed = parseArgdown(out.text);
    if (!parsed.ok) break;
    const { statements } = parsed.document;
    const read = new Map(statements.map((s) => [s.title, s.text.trimEnd()]));
    let changed = false;
    for (const n of Object.values(map.nodes)) {
      if (exact.has(n.id)) continue;
      if (read.get(out.titles.get(n.id)!) !== n.text) {
        exact.add(n.id);
        changed = true;
      }
    }
    if (!changed) break;
    out = render(map, exact, null);
  }
  const report = new ReportBuilder();
  out = render(map, exact, report);
  describeLosses(map, exact, report);
  return { text: out.text, report: report.report() };
}

function describeLosses(map: ArgumentMap, exact: ReadonlySet<Id>, report: ReportBuilder): void {
  const carried = 'Carried only in the front matter ("argument-atlas"), which Argdown keeps but does not read';
  const sources = Object.values(map.sources);
  if (sources.length > 0) for (const s of sources) report.add('sources', `${carried}: the sources and their texts`, s.id);
  for (const n of Object.values(map.nodes)) if (n.quote) report.add('quotes', `${carried}: the quotes and their anchors`, n.id);
  for (const id of Object.keys(map.view.positions)) report.add('positions', `${carried}: the positions of the nodes`, id);
  for (const r of Object.values(map.relations)) if (r.voice !== undefined) report.add('relation-voices', `${carried}: the voices of relations (Argdown relations have no data)`, r.id);
  for (const id of exact) report.add('texts', 'Texts Argdown would fold onto one line (line breaks, tabs, runs of spaces) are written folded; the exact text is in the front matter', id);
}
