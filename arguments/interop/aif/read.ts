// AIF JSON read and checked: the Argument Interchange Format as AraucariaDB / AIFdb write it
// ({nodes, edges, locutions, participants}) and as OVA3 saves an analysis ({AIF: {…}, text,
// OVA: layout}), told apart by content, not by name. Every node needs an id and a known type,
// every edge two ends that are nodes; anything else refuses the file in words, naming the node
// or edge, and nothing is imported.
import type { ExchangeProblem } from '../problems';

/**
 * AIF's node types: information (I), inference (RA), conflict (CA), rephrase (MA), preference
 * (PA) — and, for dialogue (AIF+, as OVA writes it), locution (L), transition (TA) and
 * illocutionary anchor (YA).
 */
export const AIF_NODE_TYPES = ['I', 'RA', 'CA', 'MA', 'PA', 'L', 'TA', 'YA'] as const;
export type AifNodeType = (typeof AIF_NODE_TYPES)[number];

export interface AifNode {
  id: string;
  type: AifNodeType;
  text: string;
  scheme?: string;
  timestamp?: string;
}

export interface AifEdge {
  id: string;
  from: string;
  to: string;
}

export interface AifGraph {
  shape: 'aifdb' | 'ova3';
  nodes: AifNode[];
  edges: AifEdge[];
  /** L node id -> speaker's name. */
  speakers: Map<string, string>;
  /** Scheme fulfilments: node id -> scheme id. */
  schemes: Map<string, string>;
  /** OVA3's layout: node id -> position. */
  positions: Map<string, { x: number; y: number }>;
  /** OVA3's analysed text (HTML), when it has one. */
  text?: string;
}

/** A file with more nodes or edges is refused unread (a map holds 20,000 nodes at most). */
export const MAX_AIF_ITEMS = 200_000;
const MAX_PROBLEMS = 20;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);
const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const isType = (v: unknown): v is AifNodeType => (AIF_NODE_TYPES as readonly unknown[]).includes(v);
const shownId = (v: unknown) => JSON.stringify(typeof v === 'string' ? v.slice(0, 60) : v ?? null);

/** Is this JSON value an AIF file (either shape)? */
export function looksLikeAif(value: unknown): boolean {
  if (!isObject(value)) return false;
  const body = isObject(value.AIF) ? value.AIF : value;
  return Array.isArray(body.nodes) && Array.isArray(body.edges);
}

export function readAif(text: string): { ok: true; graph: AifGraph } | { ok: false; problems: ExchangeProblem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ code: 'empty', message: 'The file is empty: there is no AIF in it.' }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return { ok: false, problems: [{ code: 'not-json', message: `The file is not valid JSON (${err instanceof Error ? err.message : String(err)}), so it cannot be read as AIF.` }] };
  }
  return readAifValue(value);
}

export function readAifValue(value: unknown): { ok: true; graph: AifGraph } | { ok: false; problems: ExchangeProblem[] } {
  if (!looksLikeAif(value))
    return { ok: false, problems: [{ code: 'not-aif', message: 'This JSON is not AIF: an AIF file has a list of "nodes" and a list of "edges" (or, as OVA3 saves it, an "AIF" object holding them).' }] };
  const root = value as Loose;
  const shape = isObject(root.AIF) ? 'ova3' : 'aifdb';
  const aif = shape === 'ova3' ? (root.AIF as Loose) : root;
  const rawNodes = aif.nodes as unknown[];
  const rawEdges = aif.edges as unknown[];
  if (rawNodes.length > MAX_AIF_ITEMS || rawEdges.length > MAX_AIF_ITEMS)
    return { ok: false, problems: [{ code: 'too-many', message: `The file has ${rawNodes.length.toLocaleString('en-US')} nodes and ${rawEdges.length.toLocaleString('en-US')} edges; Argument Atlas reads AIF files of up to ${MAX_AIF_ITEMS.toLocaleString('en-US')} of each.` }] };

  const problems: ExchangeProblem[] = [];
  const nodes: AifNode[] = [];
  const byId = new Set<string>();
  rawNodes.forEach((n, k) => {
    if (!isObject(n)) return void problems.push({ code: 'invalid-aif', message: `Node ${k + 1} is not an object with a nodeID, a type and a text.` });
    const id = idOf(n.nodeID);
    if (id === undefined) return void problems.push({ code: 'invalid-aif', message: `Node ${k + 1} has no nodeID (got ${shownId(n.nodeID)}).` });
    if (!isType(n.type))
      return void problems.push({ code: 'unknown-node-type', message: `Node ${shownId(id)} has the type ${shownId(n.type)}, which AIF does not have; its node types are ${AIF_NODE_TYPES.join(', ')}.` });
    if (byId.has(id)) return void problems.push({ code: 'duplicate-node', message: `The nodeID ${shownId(id)} is used by two nodes; every node needs its own.` });
    if (n.text !== undefined && typeof n.text !== 'string') return void problems.push({ code: 'invalid-aif', message: `Node ${shownId(id)} has a text that is not a string.` });
    byId.add(id);
    nodes.push({
      id,
      type: n.type,
      text: typeof n.text === 'string' ? n.text : '',
      ...(typeof n.scheme === 'string' && n.scheme !== '' ? { scheme: n.scheme } : {}),
      ...(typeof n.timestamp === 'string' && n.timestamp !== '' ? { timestamp: n.timestamp } : {}),
    });
  });
  const edges: AifEdge[] = [];
  rawEdges.forEach((e, k) => {
    if (!isObject(e)) return void problems.push({ code: 'invalid-aif', message: `Edge ${k + 1} is not an object with a fromID and a toID.` });
    const id = idOf(e.edgeID) ?? String(k + 1);
    const from = idOf(e.fromID);
    const to = idOf(e.toID);
    const dangling = [from === undefined || !byId.has(from) ? `from ${shownId(e.fromID)}` : '', to === undefined || !byId.has(to) ? `to ${shownId(e.toID)}` : ''].filter((x) => x);
    if (dangling.length > 0) return void problems.push({ code: 'dangling-edge', message: `Edge ${shownId(id)} runs ${dangling.join(' and ')}, which ${dangling.length === 1 ? 'is not a node' : 'are not nodes'} of the file.` });
    edges.push({ id, from: from!, to: to! });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };

  const names = new Map<string, string>();
  for (const p of Array.isArray(aif.participants) ? aif.participants : []) {
    if (!isObject(p)) continue;
    const id = idOf(p.participantID);
    const name = [p.firstname, p.surname].filter((x) => typeof x === 'string' && x.trim() !== '').join(' ').trim();
    if (id !== undefined && name !== '') names.set(id, name);
  }
  const speakers = new Map<string, string>();
  for (const l of Array.isArray(aif.locutions) ? aif.locutions : []) {
    if (!isObject(l)) continue;
    const node = idOf(l.nodeID);
    const person = idOf(l.personID);
    if (node !== undefined && person !== undefined && names.has(person)) speakers.set(node, names.get(person)!);
  }
  const schemes = new Map<string, string>();
  for (const f of Array.isArray(aif.schemefulfillments) ? aif.schemefulfillments : []) {
    if (!isObject(f)) continue;
    const node = idOf(f.nodeID);
    const scheme = idOf(f.schemeID);
    if (node !== undefined && scheme !== undefined) schemes.set(node, scheme);
  }
  const positions = new Map<string, { x: number; y: number }>();
  const ova = isObject(root.OVA) ? root.OVA : undefined;
  for (const p of ova && Array.isArray(ova.nodes) ? ova.nodes : []) {
    if (!isObject(p)) continue;
    const node = idOf(p.nodeID);
    const x = num(p.x);
    const y = num(p.y);
    if (node !== undefined && x !== undefined && y !== undefined && p.visible !== false) positions.set(node, { x, y });
  }
  const analysed = typeof root.text === 'string' ? root.text : isObject(root.text) && typeof root.text.txt === 'string' ? root.text.txt : undefined;
  return { ok: true, graph: { shape, nodes, edges, speakers, schemes, positions, ...(analysed && analysed.trim() !== '' ? { text: analysed } : {}) } };
}
