// The order in which a presentation reveals the argument. The default is the outline's reading
// order (arguments/outline/plan.ts, so the prose outline and the step-through tell the argument
// the same way): for each thesis and claim, the statement; then what supports it (premises and
// evidence); then the objections to it with their support and the replies. Nodes no section
// reaches come last. An order the instructor arranged is stored in the file's view and read
// back through `normalizeSteps`, so a stale order (nodes deleted or added since) still shows
// every node exactly once.
import type { ArgumentMap, Id, MapView } from '../model';
import { planOutline, shorten, type ObjectionItem } from '../outline/plan';

export interface PresentationStep {
  /** The nodes this step reveals. */
  nodes: Id[];
  /** What the steps list calls it; derived steps are named after their statement. */
  title?: string;
}

export type StoredPresentation = NonNullable<MapView['presentation']>;

export function defaultSteps(map: ArgumentMap): PresentationStep[] {
  const plan = planOutline(map);
  const steps: PresentationStep[] = [];
  const named = (id: Id) => map.nodes[id]!.title ?? shorten(map.nodes[id]!.text, 40);
  for (const section of plan.sections) {
    const name = named(section.node.id);
    steps.push({ nodes: [section.node.id], title: name });
    // A claim among the thesis's grounds has a step of its own, after.
    const support = [...section.groups.flatMap((g) => g.premises.filter((p) => p.label !== undefined).map((p) => p.node.id)), ...section.evidence.map((e) => e.node.id)];
    steps.push({ nodes: support, title: `${name}: its grounds` });
    const counters: Id[] = [];
    const gather = (o: ObjectionItem) => {
      counters.push(...o.premises.map((n) => n.id), ...o.support.map((n) => n.id));
      o.replies.forEach(gather);
    };
    section.objections.forEach(gather);
    steps.push({ nodes: counters, title: `${name}: objections and replies` });
  }
  steps.push({ nodes: plan.others.map((n) => n.id), title: 'The rest of the map' });
  return normalizeSteps(map, steps);
}

/**
 * Steps that show every node of `map` exactly once: ids that are not nodes are dropped, a node
 * met again is kept at its first step, empty steps go, and nodes no step names are revealed by
 * a last step, so nothing on the map is out of reach of the presenter.
 */
export function normalizeSteps(map: ArgumentMap, steps: readonly PresentationStep[]): PresentationStep[] {
  const seen = new Set<Id>();
  const out: PresentationStep[] = [];
  for (const step of steps) {
    const nodes = step.nodes.filter((id) => Object.hasOwn(map.nodes, id) && !seen.has(id) && (seen.add(id), true));
    if (nodes.length > 0) out.push(step.title === undefined ? { nodes } : { nodes, title: step.title });
  }
  const missing = Object.keys(map.nodes).filter((id) => !seen.has(id));
  if (missing.length > 0) out.push({ nodes: missing, title: 'Not yet in the order' });
  return out;
}

/** The order to present: the file's own, brought up to date, else the default. */
export function presentationSteps(map: ArgumentMap): PresentationStep[] {
  const stored = map.view.presentation?.steps;
  return stored ? normalizeSteps(map, stored) : defaultSteps(map);
}
