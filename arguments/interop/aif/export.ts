// A map as AIF JSON in the shape OVA3 saves and opens (arg-tech/OVA3, res/js/ova-save.js:
// {"AIF": {nodes, edges, schemefulfillments, participants, locutions, descriptorfulfillments,
// cqdescriptorfulfillments}, "text", "OVA": {firstname, surname, url, nodes, edges}}), which
// AIFdb's tools read too. Every node is an I-node (its id the node's id); every supports relation
// one RA node (its id the relation's), all its premises into it — so linked co-premises are one
// inference — and it into the conclusion; every opposes relation a CA node into the node it
// opposes, every undercut a CA node into the RA or CA of the inference it attacks. A node's voice
// is a participant: a locution (L) "<voice> : <text>", anchored in the I-node by an "Asserting"
// illocution (YA), as OVA's dialogical mode writes them. Positions are OVA's layout.
// AIF has no kinds of node, titles, caveats, quotes or sources, and no voice of a relation:
// these are named in the report (kinds come back from the structure on import).
import { naturalCompare } from '../../analysis/order';
import type { ArgumentMap, Id, Point } from '../../model';
import { ReportBuilder, type ExchangeReport } from '../report';

export interface AifExport {
  /** What OVA3 saves and opens. */
  json: OvaDocument;
  text: string;
  report: ExchangeReport;
}

export interface OvaDocument {
  AIF: {
    nodes: { nodeID: string; text: string; type: string }[];
    edges: { edgeID: number; fromID: string; toID: string }[];
    schemefulfillments: { nodeID: string; schemeID: string }[];
    participants: { participantID: number; firstname: string; surname: string }[];
    locutions: { nodeID: string; personID: string; start: null; end: null }[];
    descriptorfulfillments: never[];
    cqdescriptorfulfillments: never[];
  };
  text: string;
  OVA: {
    firstname: string;
    surname: string;
    url: string;
    nodes: { nodeID: string; visible: boolean; x: number; y: number; timestamp: string }[];
    edges: { fromID: string; toID: string; visible: boolean }[];
  };
}

/** OVA3's scheme ids: Default Conflict, Default Inference, Asserting. */
const SCHEME = { conflict: '71', inference: '72', asserting: '74' } as const;

/** "Anna Maria Weber" -> Anna / Maria Weber; "critic" -> critic / "" (OVA finds a participant by "first last:"). */
function nameParts(name: string): { firstname: string; surname: string } {
  const trimmed = name.trim();
  const space = trimmed.indexOf(' ');
  return space < 0 ? { firstname: trimmed, surname: '' } : { firstname: trimmed.slice(0, space), surname: trimmed.slice(space + 1) };
}

export function exportAif(map: ArgumentMap): AifExport {
  const report = new ReportBuilder();
  const nodes = Object.values(map.nodes).sort((a, b) => naturalCompare(a.id, b.id));
  const relations = Object.values(map.relations).sort((a, b) => naturalCompare(a.id, b.id));
  const taken = new Set<string>([...nodes.map((n) => n.id), ...relations.map((r) => r.id)]);
  const fresh = (wanted: string) => {
    let id = wanted;
    for (let k = 2; taken.has(id); k++) id = `${wanted}-${k}`;
    taken.add(id);
    return id;
  };

  const doc: OvaDocument = {
    AIF: { nodes: [], edges: [], schemefulfillments: [], participants: [], locutions: [], descriptorfulfillments: [], cqdescriptorfulfillments: [] },
    text: '',
    OVA: { ...nameParts(map.meta.authors[0] ?? 'Anon User'), url: '', nodes: [], edges: [] },
  };
  const at = new Map<string, Point>();
  const place = (id: string, p: Point) => {
    at.set(id, p);
    doc.OVA.nodes.push({ nodeID: id, visible: true, x: Math.round(p.x), y: Math.round(p.y), timestamp: '' });
  };
  const edge = (from: string, to: string) => {
    doc.AIF.edges.push({ edgeID: doc.AIF.edges.length + 1, fromID: from, toID: to });
    doc.OVA.edges.push({ fromID: from, toID: to, visible: true });
  };

  nodes.forEach((n, k) => {
    doc.AIF.nodes.push({ nodeID: n.id, text: n.text, type: 'I' });
    const p = Object.hasOwn(map.view.positions, n.id) ? map.view.positions[n.id]! : { x: 0, y: k * 150 };
    place(n.id, p);
    report.add('kinds', 'Kinds of node are not in AIF (all statements are I-nodes); an import gives them back from the structure', `${n.id}: ${n.kind}`);
    if (n.title !== undefined) report.add('titles', 'Titles of nodes are not in AIF', n.id);
    if (n.quote) report.add('quotes', 'Quotes and their anchors are not in AIF (OVA’s text is left empty)', n.id);
  });

  // Voices: one participant each, one locution per node that has one.
  const voices = [...new Set(nodes.map((n) => n.voice).filter((v): v is string => v !== undefined && v.trim() !== ''))].sort();
  const person = new Map(voices.map((v, k) => [v, k + 1]));
  for (const v of voices) doc.AIF.participants.push({ participantID: person.get(v)!, ...nameParts(v) });
  for (const n of nodes) {
    const v = n.voice;
    if (v === undefined || !person.has(v)) continue;
    const { firstname, surname } = nameParts(v);
    const l = fresh(`${n.id}.L`);
    const ya = fresh(`${n.id}.YA`);
    doc.AIF.nodes.push({ nodeID: l, text: `${firstname} ${surname}: ${n.text}`, type: 'L' }, { nodeID: ya, text: 'Asserting', type: 'YA' });
    doc.AIF.locutions.push({ nodeID: l, personID: String(person.get(v)), start: null, end: null });
    doc.AIF.schemefulfillments.push({ nodeID: ya, schemeID: SCHEME.asserting });
    const p = at.get(n.id)!;
    place(l, { x: p.x + 450, y: p.y });
    place(ya, { x: p.x + 225, y: p.y });
    edge(l, ya);
    edge(ya, n.id);
  }

  // Inferences before the conflicts that undercut them; the S-node sits between premises and conclusion.
  const between = (from: readonly string[], to: string): Point => {
    const ps = [...from, to].map((id) => at.get(id)).filter((p): p is Point => p !== undefined);
    return ps.length === 0 ? { x: 0, y: 0 } : { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length };
  };
  const undercuts = undercutsInOrder(relations);
  const order = [...relations.filter((r) => r.kind === 'supports'), ...relations.filter((r) => r.kind === 'opposes'), ...undercuts.ordered];
  for (const u of undercuts.left) report.add('qualifications', 'Undercuts of a caveat are left out with the caveat', u.id);
  for (const r of order) {
    doc.AIF.nodes.push({ nodeID: r.id, text: r.kind === 'supports' ? 'Default Inference' : 'Default Conflict', type: r.kind === 'supports' ? 'RA' : 'CA' });
    doc.AIF.schemefulfillments.push({ nodeID: r.id, schemeID: r.kind === 'supports' ? SCHEME.inference : SCHEME.conflict });
    place(r.id, between(r.from, r.to));
    for (const f of r.from) edge(f, r.id);
    edge(r.id, r.to);
    if (r.voice !== undefined) report.add('relation-voices', 'Voices of relations are not in AIF', r.id);
  }
  for (const r of relations) if (r.kind === 'qualifies') report.add('qualifications', 'Caveats (qualifies) are not in AIF, which has no qualification; they are left out (the qualifying node stays)', r.id);
  if (map.meta.description) report.add('map-details', 'The map’s title and description are not in AIF', 'description');
  for (const s of Object.values(map.sources)) report.add('sources', 'Sources and their texts are not in AIF', s.id);
  return { json: doc, text: JSON.stringify(doc), report: report.report() };
}

/** Undercuts after the relations they attack (an undercut may attack an undercut); those of a caveat, which AIF leaves out, are left. */
function undercutsInOrder<R extends { id: Id; kind: string; to: Id }>(relations: readonly R[]): { ordered: R[]; left: R[] } {
  const undercuts = relations.filter((r) => r.kind === 'undercuts');
  const placed = new Set(relations.filter((r) => r.kind === 'supports' || r.kind === 'opposes').map((r) => r.id));
  const ordered: R[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const u of undercuts) {
      if (placed.has(u.id) || !placed.has(u.to)) continue;
      placed.add(u.id);
      ordered.push(u);
      progress = true;
    }
  }
  return { ordered, left: undercuts.filter((u) => !placed.has(u.id)) };
}
