// AIF as a map. I-nodes are the statements; an RA node is one inference, its incoming I-nodes
// the premises (two or more: linked) and its outgoing I-node the conclusion (a supports relation
// each, if it concludes several); a CA node is a conflict: from its incoming I-nodes to an
// I-node it opposes, to an RA or CA node it undercuts that inference. Voices: the speaker of the
// locution (L) an illocution (YA) anchors in the I-node, from the locutions and participants; a
// YA anchored in an RA or CA (arguing, disagreeing) gives the relation its voice. OVA3's layout
// gives positions; its analysed text becomes a source, and the statements whose locutions are
// marked in it quote their passage. Kinds come from the structure (interop/kinds.ts); node ids
// are the AIF ids when they are valid ids, else "n" + the id. What a map has no place for —
// rephrases (MA), preferences (PA), transitions between locutions (TA), argumentation schemes,
// timestamps, inferences about inferences — is named in the report.
import { Parser } from 'htmlparser2';
import { htmlToText } from '../../intake/html';
import { toFile } from '../../format/restore';
import { MAX_COORDINATE } from '../../limits';
import { emptyMap, ID_PATTERN, type Id, type Quote, type RelationKind } from '../../model';
import { describeQuote } from '../../text/anchor';
import { checkedFile } from '../checked';
import { IdMaker } from '../ids';
import { inferKinds } from '../kinds';
import type { ImportResult } from '../problems';
import { ReportBuilder } from '../report';
import { readAif, type AifGraph, type AifNode } from './read';

export interface AifImportOptions {
  now: string;
  /** The file's name: the map's title. */
  name?: string;
}

/** OVA3's default schemes (no information beyond the node's type). */
const DEFAULT_SCHEME_IDS = new Set(['71', '72', '74', '75', '82']);
const DEFAULT_TEXTS = new Set(['', 'RA', 'CA', 'MA', 'PA', 'Default Inference', 'Default Conflict', 'Default Rephrase', 'Default Preference']);
export const ANALYSED_TEXT_SOURCE = 'analysed-text';

interface Rel {
  id: Id;
  kind: RelationKind;
  from: Id[];
  to: Id;
  voice?: string;
}

export function importAif(text: string, options: AifImportOptions): ImportResult {
  const read = readAif(text);
  return read.ok ? importAifGraph(read.graph, options) : read;
}

export function importAifGraph(graph: AifGraph, options: AifImportOptions): ImportResult {
  const report = new ReportBuilder();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const into = new Map<string, AifNode[]>();
  const outOf = new Map<string, AifNode[]>();
  for (const e of graph.edges) {
    const from = byId.get(e.from)!;
    const to = byId.get(e.to)!;
    (into.get(e.to) ?? into.set(e.to, []).get(e.to)!).push(from);
    (outOf.get(e.from) ?? outOf.set(e.from, []).get(e.from)!).push(to);
  }
  const ids = new IdMaker([ANALYSED_TEXT_SOURCE]);
  const nodeId = new Map<string, Id>();
  for (const n of graph.nodes) if (n.type === 'I') nodeId.set(n.id, ids.make(ID_PATTERN.test(n.id) ? n.id : `n${n.id}`, 'n'));

  // Speakers: locution -> illocution (YA) -> I-node, or -> RA/CA (arguing, disagreeing).
  const speakerOf = (n: AifNode): string | undefined => {
    if (n.type === 'L') return graph.speakers.get(n.id) ?? (/^([^:]{1,200}):\s/.exec(n.text)?.[1]?.trim() || undefined);
    if (n.type === 'TA') for (const l of outOf.get(n.id) ?? []) if (l.type === 'L') return speakerOf(l);
    return undefined;
  };
  const voices = new Map<string, string>();
  const locutionOf = new Map<string, string>();
  for (const ya of graph.nodes) {
    if (ya.type !== 'YA') continue;
    const speakers = (into.get(ya.id) ?? []).filter((s) => s.type === 'L' || s.type === 'TA');
    for (const target of outOf.get(ya.id) ?? []) {
      if (target.type === 'L') {
        report.add('dialogue', 'The analyst’s own annotations of locutions (OVA’s "Analysing") are left out', ya.id);
        continue;
      }
      const voice = speakers.map(speakerOf).find((v) => v !== undefined);
      if (voice === undefined) continue;
      if (voices.has(target.id) && voices.get(target.id) !== voice) report.add('voices', 'Statements asserted by several speakers keep the first speaker as their voice', target.id);
      else voices.set(target.id, voice);
      const l = speakers.find((s) => s.type === 'L');
      if (target.type === 'I' && l && !locutionOf.has(target.id)) locutionOf.set(target.id, l.id);
    }
  }

  const relations: Rel[] = [];
  const relationsOf = new Map<string, Rel[]>();
  const schemeLoss = (n: AifNode) => {
    const scheme = n.scheme ?? (graph.schemes.has(n.id) && !DEFAULT_SCHEME_IDS.has(graph.schemes.get(n.id)!) ? `scheme ${graph.schemes.get(n.id)}` : undefined) ?? (DEFAULT_TEXTS.has(n.text.trim()) ? undefined : n.text.trim());
    if (scheme) report.add('schemes', 'Argumentation schemes are not kept (a map’s inference has no scheme)', `${n.id}: ${scheme}`);
  };
  const premisesOf = (s: AifNode) => [...new Set((into.get(s.id) ?? []).filter((p) => p.type === 'I').map((p) => nodeId.get(p.id)!))];
  const add = (s: AifNode, kind: RelationKind, from: Id[], to: Id, several: boolean) => {
    const base = ID_PATTERN.test(s.id) ? s.id : `r${s.id}`;
    const rel: Rel = { id: ids.make(several ? `${base}.${to}` : base, 'r'), kind, from, to };
    const voice = voices.get(s.id);
    if (voice !== undefined) rel.voice = voice;
    relations.push(rel);
    (relationsOf.get(s.id) ?? relationsOf.set(s.id, []).get(s.id)!).push(rel);
  };

  // Inferences first: a conflict may undercut one.
  for (const s of graph.nodes) {
    if (s.type !== 'RA') continue;
    schemeLoss(s);
    const from = premisesOf(s);
    const conclusions = (outOf.get(s.id) ?? []).filter((c) => c.type === 'I');
    for (const t of outOf.get(s.id) ?? []) if (t.type !== 'I') report.add('undercut-targets', 'Inferences supporting an inference or a conflict are left out (a map supports statements only)', s.id);
    if (from.length === 0 || conclusions.length === 0) {
      report.add('undercut-targets', 'Inferences without a premise or without a conclusion are left out', s.id);
      continue;
    }
    for (const c of conclusions) {
      const to = nodeId.get(c.id)!;
      if (from.includes(to)) report.add('self-relations', 'Inferences of a statement from itself are left out', s.id);
      else add(s, 'supports', from.filter((f) => f !== to), to, conclusions.length > 1);
    }
  }
  // Conflicts in an order where what a conflict undercuts is made before it.
  const conflicts = graph.nodes.filter((n) => n.type === 'CA');
  const pending = new Set(conflicts.map((c) => c.id));
  for (let progress = true; progress && pending.size > 0; ) {
    progress = false;
    for (const s of conflicts) {
      if (!pending.has(s.id)) continue;
      const targets = outOf.get(s.id) ?? [];
      if (targets.some((t) => t.type === 'CA' && pending.has(t.id) && t.id !== s.id)) continue;
      pending.delete(s.id);
      progress = true;
      schemeLoss(s);
      const from = premisesOf(s);
      if (from.length === 0 || targets.length === 0) {
        report.add('undercut-targets', 'Conflicts without an attacker or without a target are left out', s.id);
        continue;
      }
      for (const t of targets) {
        if (t.type === 'I') {
          const to = nodeId.get(t.id)!;
          if (from.includes(to)) report.add('self-relations', 'Conflicts of a statement with itself are left out', s.id);
          else add(s, 'opposes', from, to, targets.length > 1);
        } else if (t.type === 'RA' || t.type === 'CA') {
          const attacked = relationsOf.get(t.id) ?? [];
          if (attacked.length === 0) report.add('undercut-targets', 'Conflicts with an inference that is itself left out are left out', s.id);
          for (const r of attacked) add(s, 'undercuts', from, r.id, targets.length > 1 || attacked.length > 1);
        } else report.add(t.type === 'MA' ? 'rephrases' : 'preferences', 'Conflicts with a rephrase or a preference are left out', s.id);
      }
    }
  }
  for (const id of pending) report.add('undercut-targets', 'Conflicts that attack one another in a circle are left out', id);
  for (const n of graph.nodes) {
    if (n.type === 'MA') report.add('rephrases', 'Rephrases (MA: one statement restated as another) are left out; both statements are kept', n.id);
    if (n.type === 'PA') report.add('preferences', 'Preferences (PA) are left out (a map has no preference between arguments)', n.id);
    if (n.type === 'TA') report.add('dialogue', 'Transitions between locutions (TA) are left out (a map keeps the argument, not the dialogue)', n.id);
    if (n.type === 'L' && !graph.speakers.has(n.id) && !/^[^:]{1,200}:\s/.test(n.text)) report.add('dialogue', 'Locutions without a speaker give no voice', n.id);
    if (n.timestamp !== undefined) report.add('dialogue', 'Timestamps of nodes are left out', n.id);
  }

  // The analysed text (OVA3) is a source; statements marked in it quote their passage.
  const sources: Record<string, unknown>[] = [];
  const quotes = new Map<string, Quote>();
  if (graph.text !== undefined) {
    const plain = htmlToText(graph.text).text;
    if (plain.trim() !== '') {
      sources.push({ id: ANALYSED_TEXT_SOURCE, title: 'Analysed text', role: 'primary', text: plain, transcription: { method: 'html-text' } });
      const spans = markedSpans(graph.text);
      let from = 0;
      for (const [iNode, lNode] of locutionOf) {
        const exact = spans.get(lNode);
        if (!exact) continue;
        let at = plain.indexOf(exact, from);
        if (at < 0) at = plain.indexOf(exact);
        if (at < 0) continue;
        from = at + exact.length;
        quotes.set(iNode, describeQuote(ANALYSED_TEXT_SOURCE, plain, at, at + exact.length));
      }
    }
  }

  const inodes = graph.nodes.filter((n) => n.type === 'I');
  const kinds = inferKinds({ nodes: inodes.map((n) => nodeId.get(n.id)!), relations, given: new Map(), quoting: new Set([...quotes.keys()].map((k) => nodeId.get(k)!)) });
  const nodes = inodes.map((n) => {
    const id = nodeId.get(n.id)!;
    const node: Record<string, unknown> = { id, kind: kinds.get(id)!, text: n.text };
    if (voices.has(n.id)) node.voice = voices.get(n.id);
    if (quotes.has(n.id)) node.quote = quotes.get(n.id);
    return node;
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const n of inodes) {
    const p = graph.positions.get(n.id);
    if (p && Math.abs(p.x) <= MAX_COORDINATE && Math.abs(p.y) <= MAX_COORDINATE) positions[nodeId.get(n.id)!] = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  const fresh = toFile(emptyMap(options.now, options.name ? options.name.replace(/\.[^.]*$/, '').slice(0, 10_000) || 'Imported from AIF' : 'Imported from AIF'));
  const checked = checkedFile({ ...fresh, sources, nodes, relations, view: { ...(fresh.view as object), positions } });
  return checked.ok ? { ok: true, map: checked.map, report: report.report() } : checked;
}

/** The text of each element OVA3 marks as a locution: <span id="node5_…">…</span>, keyed by the node id. */
function markedSpans(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const open: { id: string | null; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const m = name === 'span' ? /^node(.+)$/.exec(attributes.id ?? '') : null;
        open.push({ id: m ? m[1]! : null, text: '' });
      },
      ontext(text) {
        for (const o of open) if (o.id !== null) o.text += text;
      },
      onclosetag() {
        const o = open.pop();
        if (o?.id && !out.has(o.id)) out.set(o.id, o.text.replace(/\s+/g, ' ').trim());
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out;
}
