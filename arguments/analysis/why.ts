// The "why?" chain: an element's reason, then the reasons of what it names, breadth first.
import type { ArgumentMap, Id } from '../model';
import type { DialecticalStatus, StatusLabel } from './status';

export interface WhyStep {
  id: Id;
  element: 'node' | 'inference';
  /** The node's title, or the start of its text; for an inference "from → to". */
  name: string;
  label: StatusLabel;
  reason: string;
  /** 0 for the element asked about, 1 for what its reason names, … */
  depth: number;
}

export const WHY_DEPTH = 3;
export const WHY_LIMIT = 40;

function nameOf(map: ArgumentMap, id: Id): string {
  if (Object.hasOwn(map.nodes, id)) {
    const n = map.nodes[id]!;
    if (n.title) return n.title;
    const flat = n.text.replace(/\s+/g, ' ').trim();
    return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
  }
  if (Object.hasOwn(map.relations, id)) {
    const r = map.relations[id]!;
    return `${r.from.join(' + ')} ${r.kind} ${r.to}`;
  }
  return id;
}

/**
 * The reason chain of one element, each id once (cycle-safe), at most `depth` steps away and
 * at most `limit` steps in all. An id the status does not hold (not counted) gives nothing.
 */
export function whyChain(status: DialecticalStatus, map: ArgumentMap, id: Id, depth = WHY_DEPTH, limit = WHY_LIMIT): WhyStep[] {
  const steps: WhyStep[] = [];
  const seen = new Set<Id>([id]);
  const queue: [Id, number][] = [[id, 0]];
  for (let k = 0; k < queue.length && steps.length < limit; k++) {
    const [at, d] = queue[k]!;
    const node = status.nodes.get(at);
    const found = node ?? status.inferences.get(at);
    if (!found) continue;
    steps.push({ id: at, element: node ? 'node' : 'inference', name: nameOf(map, at), label: found.label, reason: found.reason, depth: d });
    if (d >= depth) continue;
    for (const next of found.because) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([next, d + 1]);
    }
  }
  return steps;
}
