// New ids in a live document are unique per peer: two students adding a node at once must not
// both make "n7" (the second would replace the first in the shared record). The id carries the
// document's Yjs client id (random per session, which Yjs itself relies on being unique among the
// peers of a document): "n.2f9k1c.1", the prefix, the peer, a number. Ids already in files stay.
// An operation that adds a record under another id (a caller's plain "n7", ungroupPremises' and
// cloneFragment's own numbering) has it renamed in the same step, and the caller is told.
import type * as Y from 'yjs';
import type { ArgumentMap, Id } from '../model';
import { freshId } from '../operations/common';

/** The peer's part of its ids: its client id in base 36. */
export const peerTag = (doc: Y.Doc): string => doc.clientID.toString(36);

/** A fresh id for `map` made by this peer: no other peer of the document can make it. */
export function livePeerId(doc: Y.Doc, map: ArgumentMap, prefix: string, taken?: ReadonlySet<Id>): Id {
  return freshId(map, `${prefix}.${peerTag(doc)}.`, taken);
}

/** An id factory for callers that make ids before an operation (the store's add, paste, connect). */
export function idFactory(doc: Y.Doc, map: () => ArgumentMap): (prefix: string, taken?: ReadonlySet<Id>) => Id {
  return (prefix, taken) => livePeerId(doc, map(), prefix, taken);
}

/**
 * Some operations number what they add themselves: a verdict's evaluation ("ev3", the smallest
 * free), a reply's message ("m4" in its thread). Two peers judging or replying at once would make
 * the same id and one record would replace the other, so in a live document such new records
 * take an id of this peer's instead. Nothing refers to a new evaluation or message yet.
 */
export interface PeerRenames {
  /** Nodes, relations and sources the operation added under an id that is not this peer's. */
  records: Id[];
  evaluations: Id[];
  /** Thread id → indexes of its new messages. */
  messages: Map<Id, number[]>;
}

const tagged = (id: Id, tag: string) => id.includes(`.${tag}.`);

/** Evaluations and messages the patches add under ids another peer could also make. */
export function toRename(doc: Y.Doc, patches: readonly { op: string; path: readonly (string | number)[] }[]): PeerRenames | null {
  const tag = peerTag(doc);
  const out: PeerRenames = { records: [], evaluations: [], messages: new Map() };
  for (const p of patches) {
    if (p.op !== 'add') continue;
    const [head, id, field, index] = p.path;
    if ((head === 'nodes' || head === 'relations' || head === 'sources') && p.path.length === 2 && !tagged(String(id), tag)) out.records.push(String(id));
    if (head === 'evaluations' && p.path.length === 2 && !tagged(String(id), tag)) out.evaluations.push(String(id));
    if (head === 'comments' && field === 'messages' && p.path.length === 4 && typeof index === 'number') {
      const list = out.messages.get(String(id)) ?? [];
      out.messages.set(String(id), [...list, index]);
    }
  }
  return out.records.length > 0 || out.evaluations.length > 0 || out.messages.size > 0 ? out : null;
}

/**
 * Renames them on the draft (inside the operation's recipe, so the step stays one change); returns
 * the new ids of the nodes, relations and sources, old → new, for the caller to follow (a selection).
 * Only what the same operation added can name a record it added: those are all that is re-aimed.
 */
export function renameOnDraft(doc: Y.Doc, draft: ArgumentMap, renames: PeerRenames): Map<Id, Id> {
  const tag = peerTag(doc);
  const renamed = new Map<Id, Id>();
  const taken = new Set<Id>();
  for (const id of renames.records) {
    const to = livePeerId(doc, draft, (/^[A-Za-z]+/.exec(id) ?? ['n'])[0], taken);
    taken.add(to);
    renamed.set(id, to);
  }
  const re = (id: Id) => renamed.get(id) ?? id;
  const added = { nodes: [] as Id[], relations: [] as Id[], sources: [] as Id[] };
  for (const [from, to] of renamed) {
    for (const name of ['nodes', 'relations', 'sources'] as const) {
      const col = draft[name] as Record<Id, { id: Id }>;
      if (!Object.hasOwn(col, from)) continue;
      col[to] = { ...col[from]!, id: to };
      delete col[from];
      added[name].push(to);
      if (name === 'nodes' && Object.hasOwn(draft.view.positions, from)) {
        draft.view.positions[to] = draft.view.positions[from]!;
        delete draft.view.positions[from];
      }
    }
  }
  for (const id of added.relations) {
    if (!Object.hasOwn(draft.relations, id)) continue;
    const r = draft.relations[id]!;
    if (r.from.some((f) => renamed.has(f)) || renamed.has(r.to)) draft.relations[id] = { ...r, from: r.from.map(re), to: re(r.to) };
  }
  for (const id of added.nodes) {
    const n = draft.nodes[id]!;
    if (n.quote && renamed.has(n.quote.source)) draft.nodes[id] = { ...n, quote: { ...n.quote, source: re(n.quote.source) } };
  }
  for (const id of added.sources) {
    const s = draft.sources[id]!;
    if (s.quotes?.some((q) => renamed.has(q))) draft.sources[id] = { ...s, quotes: s.quotes.map(re) };
  }
  const evaluations = draft.evaluations ?? {};
  for (const id of renames.evaluations) {
    if (!Object.hasOwn(evaluations, id)) continue;
    let n = 1;
    while (Object.hasOwn(evaluations, `ev.${tag}.${n}`)) n++;
    const to = `ev.${tag}.${n}`;
    evaluations[to] = { ...evaluations[id]!, id: to };
    delete evaluations[id];
  }
  for (const [threadId, indexes] of renames.messages) {
    const thread = draft.comments && Object.hasOwn(draft.comments, threadId) ? draft.comments[threadId]! : undefined;
    if (!thread) continue;
    for (const i of indexes) {
      const m = thread.messages[i];
      if (!m || tagged(m.id, tag)) continue;
      const taken = new Set(thread.messages.map((x) => x.id));
      let n = 1;
      while (taken.has(`m.${tag}.${n}`)) n++;
      m.id = `m.${tag}.${n}`;
    }
  }
  if (renamed.size > 0)
    for (const layer of [draft.evaluations, draft.comments] as const)
      for (const id of Object.keys(layer ?? {})) {
        const item = layer![id]! as { target: Id };
        if (renamed.has(item.target)) item.target = re(item.target);
      }
  return renamed;
}
