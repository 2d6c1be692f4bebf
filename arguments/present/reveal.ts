// What a presentation shows at a step, and the map it shows: hidden nodes are not dimmed but
// absent, so the canvas, the status, the screen reader's DOM and any export made meanwhile
// all work from `presentedMap` and cannot let a hidden node through.
import type { ArgumentMap, Id, Relation } from '../model';
import type { PresentationStep } from './steps';

export interface RevealOptions {
  /** Counter-considerations and rebuttals stay hidden until the presenter reveals them (`revealed`). */
  hideCounters?: boolean;
  /** Counter-considerations revealed by hand while `hideCounters` is on. */
  revealed?: ReadonlySet<Id>;
  /** Voices left out of the whole presentation ("critic", "translator", …). */
  hiddenVoices?: ReadonlySet<string>;
}

const COUNTER_KINDS = new Set(['counter', 'rebuttal']);

/** The nodes shown at step `at` (0-based; every step up to it is revealed). */
export function shownAt(map: ArgumentMap, steps: readonly PresentationStep[], at: number, options: RevealOptions = {}): Set<Id> {
  const shown = new Set<Id>();
  const last = Math.min(at, steps.length - 1);
  for (let k = 0; k <= last; k++)
    for (const id of steps[k]!.nodes) {
      if (!Object.hasOwn(map.nodes, id)) continue;
      const n = map.nodes[id]!;
      if (n.voice !== undefined && options.hiddenVoices?.has(n.voice)) continue;
      if (options.hideCounters && COUNTER_KINDS.has(n.kind) && !options.revealed?.has(id)) continue;
      shown.add(id);
    }
  return shown;
}

/**
 * The relations shown with the `shown` nodes: a relation stays when all its premises are shown and
 * its target is (an undercut: when the relation it attacks stays). The one rule for the canvas, the
 * handout's steps and the exports.
 */
export function shownRelations(map: ArgumentMap, shown: ReadonlySet<Id>): Record<Id, Relation> {
  // Every shown node at one step: a relation is shown at it or never (relationsFirstShown holds the rule).
  const at = relationsFirstShown(map, new Map([...shown].map((id) => [id, 0])));
  const relations: Record<Id, Relation> = {};
  for (const id of Object.keys(map.relations)) if (at.has(id)) relations[id] = map.relations[id]!;
  return relations;
}

/**
 * The step at which each relation is first shown when the shown nodes only grow, step by step
 * (`firstShown`: each node's first step), in one pass over the relations: a relation is shown
 * from the step that shows all its premises and its target card (an undercut: the relation it
 * attacks, so never when undercuts attack one another in a circle). The rule of shownRelations,
 * which asks it with every shown node at one step.
 */
export function relationsFirstShown(map: ArgumentMap, firstShown: ReadonlyMap<Id, number>): Map<Id, number> {
  const at = new Map<Id, number>();
  const done = new Set<Id>();
  const visiting = new Set<Id>();
  const stepOf = (r: Relation): number | undefined => {
    if (done.has(r.id)) return at.get(r.id);
    // Back at a relation still being worked out: its undercuts form a circle, never shown.
    if (visiting.has(r.id)) return undefined;
    visiting.add(r.id);
    let step: number | undefined = -1;
    for (const f of r.from) step = step === undefined || !firstShown.has(f) ? undefined : Math.max(step, firstShown.get(f)!);
    const target = step === undefined ? undefined : r.kind === 'undercuts' ? (Object.hasOwn(map.relations, r.to) ? stepOf(map.relations[r.to]!) : undefined) : firstShown.get(r.to);
    visiting.delete(r.id);
    done.add(r.id);
    if (step !== undefined && target !== undefined) at.set(r.id, Math.max(step, target));
    return at.get(r.id);
  };
  for (const r of Object.values(map.relations)) stepOf(r);
  return at;
}

/**
 * The map with only the `shown` nodes and their relations (shownRelations); positions, the
 * collapsed list, evaluations and comment threads of what is gone go with it.
 */
export function presentedMap(map: ArgumentMap, shown: ReadonlySet<Id>): ArgumentMap {
  const relations = shownRelations(map, shown);
  const nodes: ArgumentMap['nodes'] = {};
  const positions: ArgumentMap['view']['positions'] = {};
  for (const id of shown)
    if (Object.hasOwn(map.nodes, id)) {
      nodes[id] = map.nodes[id]!;
      if (Object.hasOwn(map.view.positions, id)) positions[id] = map.view.positions[id]!;
    }
  const present = (id: Id) => Object.hasOwn(nodes, id) || Object.hasOwn(relations, id);
  const keep = <T extends { target: Id }>(layer: Readonly<Record<Id, T>> | undefined) => {
    if (!layer) return layer;
    const out: Record<Id, T> = {};
    for (const [k, v] of Object.entries(layer)) if (present(v.target)) out[k] = v;
    return out;
  };
  return {
    ...map,
    nodes,
    relations,
    evaluations: keep(map.evaluations),
    comments: keep(map.comments),
    view: { ...map.view, positions, collapsed: map.view.collapsed.filter((id) => Object.hasOwn(nodes, id)) },
  };
}
