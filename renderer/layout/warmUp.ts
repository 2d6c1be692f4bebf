// A warm layout worker: the first auto-layout of a session waited for the worker to start, load
// ELK (elkjs, compiled from Java) and run it on V8's first tiers, which made it 15-25 % slower
// than the same layout in a Node process that had laid the graph out before (bench/layout.ts).
// When the page is idle after a map has opened, the worker is started and lays out a sample of
// the map (its first WARM_UP_NODES nodes and the relations among them), so ELK's code is loaded
// and compiled before the analyst asks for a layout. The sample's result is thrown away.
import type { LayoutInput } from '../../arguments/layout/packed';
import type { Id } from '../../arguments/model';

export const WARM_UP_NODES = 150;

/** The first `limit` nodes of an input and the relations among them (an undercut is kept with the relation it attacks). */
export function sampleOfInput(input: LayoutInput, limit = WARM_UP_NODES): LayoutInput {
  const nodes = input.nodes.slice(0, limit);
  const kept = new Set<Id>(nodes.map((n) => n.id));
  const relations: LayoutInput['relations'] = [];
  // Relations come in any order; an undercut's target relation may come after it: repeat until none is added.
  let left = input.relations;
  for (let added = true; added; ) {
    added = false;
    const next: LayoutInput['relations'] = [];
    for (const r of left) {
      if (r.from.every((f) => kept.has(f)) && kept.has(r.to)) {
        relations.push(r);
        kept.add(r.id);
        added = true;
      } else next.push(r);
    }
    left = next;
  }
  return { nodes, relations, sizes: input.sizes.slice(0, 2 * nodes.length) };
}

type Idle = (run: () => void) => () => void;
const scope = globalThis as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

/** requestIdleCallback where there is one (a timeout keeps a busy page from postponing it forever), else a timer. */
export const whenIdle: Idle = (run) => {
  const { requestIdleCallback: request, cancelIdleCallback: cancel } = scope;
  if (request && cancel) {
    const id = request(run, { timeout: 5000 });
    return () => cancel(id);
  }
  const id = setTimeout(run, 1000);
  return () => clearTimeout(id);
};
