// Editing commands shared by the toolbar, context menus and keyboard shortcuts.
// Each builds a domain operation and runs it through the store's single write path.
import type { ArgNode, Id, NodeKind, Point, RelationKind } from '../arguments/model';
import {
  cloneFragment,
  connect,
  deleteItems,
  groupPremises,
  insertFragment,
  setRelationKind,
  ungroupPremises,
} from '../arguments/operations';
import { describeQuote } from '../arguments/text/anchor';
import { excerpt } from '../arguments/text/excerpt';
import type { ArgumentMap } from '../arguments/model';
import { estimateCardSize } from '../arguments/layout/cardSize';
import { placeFree, placeGroup, placeNear } from '../arguments/layout/placement';
import { editor, finishEditing as finishEditingInStore, getMap, newId, notify, run, select, startEditing } from './store/store';
import { openAddSource } from './sources/addSourceState';
import { measuredNodeSizes } from './layout/autoLayout';
import { focusArea, focusNodeSoon } from './canvas/navigation';
import { neighbourAfterDelete } from './canvas/route';

/** Where new nodes go when no position is given: set by the canvas (viewport centre). */
let viewportCentre: () => Point = () => ({ x: 0, y: 0 });
export function setViewportCentre(fn: () => Point): void {
  viewportCentre = fn;
}

/** The cards' sizes as the canvas measured them (placement estimates the others). */
function sizeOf(): (id: Id) => { width: number; height: number } | undefined {
  const measured = measuredNodeSizes();
  return (id) => (Object.hasOwn(measured, id) ? measured[id] : undefined);
}

/**
 * In free space: next to `parent` if given (where its reasons go), else next to the selected
 * node, else at `at` or the middle of the view (see arguments/layout/placement.ts).
 */
function placeNew(node: ArgNode, options: { at?: Point; parent?: Id } = {}): Point {
  const map = getMap();
  const size = estimateCardSize(node, map.sources);
  const sizes = sizeOf();
  const { selection } = editor.getState();
  const near = options.parent ?? (options.at ? undefined : selection.nodes[selection.nodes.length - 1]);
  const placed = near !== undefined ? placeNear(map, sizes, near, size) : null;
  if (placed) return placed;
  const c = viewportCentre();
  return placeFree(map, sizes, options.at ?? { x: Math.round(c.x - size.width / 2), y: Math.round(c.y - size.height / 2) }, size);
}

export function addNodeOfKind(kind: NodeKind, at?: Point, text = ''): Id | null {
  const id = newId('n');
  const node: ArgNode = { id, kind, text };
  const before = { history: editor.getState().history, selection: editor.getState().selection };
  if (!run(insertFragment({ nodes: [node], relations: [], positions: { [id]: placeNew(node, { at }) } }, `Add ${kind}`))) return null;
  select({ nodes: [id], relations: [] });
  startEditing(id, before);
  return id;
}

/**
 * The inline editor's end: Enter or a click away saves `text`, Esc (null) cancels. Esc on a node
 * just added and still empty takes it back; focus then returns to what was selected before, or the canvas.
 */
export function finishEditing(id: Id, text: string | null): void {
  const area = focusArea();
  if (finishEditingInStore(id, text) === 'discarded') focusNodeSoon(editor.getState().selection.nodes[0] ?? null, area);
}

export function connectNodes(from: Id, to: Id, kind: RelationKind): Id | null {
  const id = newId('r');
  if (!run(connect({ id, kind, from: [from], to }))) return null;
  select({ nodes: [], relations: [id] });
  return id;
}

export function changeRelationKind(id: Id, kind: RelationKind): void {
  run(setRelationKind(id, kind));
}

export function deleteSelection(): void {
  const { selection } = editor.getState();
  if (selection.nodes.length + selection.relations.length === 0) return;
  const next = neighbourAfterDelete(getMap(), selection);
  if (run(deleteItems(selection.nodes, selection.relations))) focusNodeSoon(next);
}

export function selectAll(): void {
  const map = getMap();
  select({ nodes: Object.keys(map.nodes), relations: Object.keys(map.relations) });
}

// ----- clipboard: the copied nodes with the map they came from ---------------

let clipboard: { map: ArgumentMap; ids: Id[] } | null = null;

export function copySelection(): boolean {
  const { selection } = editor.getState();
  if (selection.nodes.length === 0) return false;
  const map = getMap();
  clipboard = { map, ids: [...selection.nodes] };
  // The system clipboard gets plain text (the statements), never markup.
  const text = selection.nodes.map((id) => (Object.hasOwn(map.nodes, id) ? map.nodes[id]!.text : '')).join('\n\n');
  void navigator.clipboard?.writeText?.(text).catch(() => undefined);
  return true;
}

export function cutSelection(): void {
  if (copySelection()) deleteSelection();
}

/** Whether nodes were copied inside the app (Ctrl+V pastes them; otherwise the system clipboard's text is offered as a source). */
export function hasCopiedNodes(): boolean {
  return clipboard !== null;
}

const nothingToPaste = () => notify({ kind: 'info', title: 'Nothing to paste', lines: ['Copy nodes first (Ctrl+C), or copy a text in another program to add it as a source.'] });

/**
 * Text from the system clipboard pasted on the map when no nodes were copied in the app:
 * the Add Source dialog, its paste tab holding the text.
 */
export function pasteSystemText(text: string): void {
  if (text.trim() === '') nothingToPaste();
  else openAddSource({ way: 'paste', text });
}

export function paste(): void {
  if (!clipboard) {
    nothingToPaste();
    return;
  }
  const map = getMap();
  const copied = cloneFragment(clipboard.map, clipboard.ids, map, { x: 0, y: 0 }, newId);
  const sizes = sizeOf();
  const source = clipboard.ids.filter((id) => Object.hasOwn(clipboard!.map.nodes, id));
  const group = copied.nodes.flatMap((n, i) => {
    const p = Object.hasOwn(copied.positions, n.id) ? copied.positions[n.id]! : null;
    const size = sizes(source[i]!) ?? estimateCardSize(n, map.sources);
    return p ? [{ x: p.x, y: p.y, w: size.width, h: size.height }] : [];
  });
  const frag = cloneFragment(clipboard.map, clipboard.ids, map, placeGroup(map, sizes, group), newId);
  if (run(insertFragment(frag, frag.nodes.length === 1 ? 'Paste node' : `Paste ${frag.nodes.length} nodes`)))
    select({ nodes: frag.nodes.map((n) => n.id), relations: frag.relations.map((r) => r.id) });
}

// ----- co-premises ------------------------------------------------------------

export function linkSelectedPremises(): void {
  const { selection } = editor.getState();
  const map = getMap();
  let rels = [...selection.relations];
  // With only premises selected, link their arrows into the claim they share.
  if (rels.length < 2 && selection.nodes.length >= 2) {
    const chosen = new Set(selection.nodes);
    const byTarget = new Map<string, Id[]>();
    for (const r of Object.values(map.relations))
      if (r.kind !== 'undercuts' && r.from.some((f) => chosen.has(f))) byTarget.set(`${r.kind}>${r.to}`, [...(byTarget.get(`${r.kind}>${r.to}`) ?? []), r.id]);
    rels = [...byTarget.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  }
  if (run(groupPremises(rels))) select({ nodes: [], relations: [rels[0]!] });
}

export function unlinkSelectedPremises(): void {
  const rel = editor.getState().selection.relations[0];
  if (rel) run(ungroupPremises(rel));
  else notify({ kind: 'info', title: 'Select a linked arrow', lines: ['Select the arrow of linked co-premises to unlink them.'] });
}

// ----- evidence from a source passage ---------------------------------------------

/**
 * Makes an evidence node anchored to exactly [start, end) of a source. If a claim or
 * premise is selected, the evidence supports it, in the same undoable step.
 */
export function makeEvidence(sourceId: Id, start: number, end: number): Id | null {
  const map = getMap();
  const source = Object.hasOwn(map.sources, sourceId) ? map.sources[sourceId] : undefined;
  if (!source || end <= start) return null;
  const id = newId('n');
  const quote = describeQuote(sourceId, source.text, start, end);
  const parent = editor.getState().selection.nodes.find((n) => Object.hasOwn(map.nodes, n) && map.nodes[n]!.kind !== 'evidence');
  const relations = parent ? [{ id: newId('r'), kind: 'supports' as const, from: [id], to: parent }] : [];
  // The first words of the quote stand for its statement until one is written: the node can be found by them.
  const node: ArgNode = { id, kind: 'evidence', text: excerpt(quote.exact, 60), quote };
  const at = placeNew(node, parent ? { parent } : { at: undefined });
  if (!run(insertFragment({ nodes: [node], relations, positions: { [id]: at } }, 'Make evidence'))) return null;
  select({ nodes: [id], relations: [] });
  return id;
}
