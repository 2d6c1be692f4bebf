// Routing the arrows around the cards (arguments/layout/routing.ts, libavoid) on the generator's
// maps at the canvas's card size: a first routing of every relation, and a reroute after one
// card moved (what the canvas does on a drop; the router keeps what the move did not touch).
// `npx tsx bench/routing.ts [30,100,300,1000,3000]` prints one line per size.
import { fileURLToPath } from 'node:url';
import type { Rect } from '../arguments/geometry';
import { EdgeRouter, type RoutedRelation } from '../arguments/layout/routing';
import { loadAvoid } from '../arguments/cli/avoid';
import type { Id } from '../arguments/model';
import { generateMap } from './generate';
import type { Figure } from './results';

export const ROUTING_SIZES = [30, 100, 300, 1000, 3000] as const;

export interface RoutingBenchOptions {
  sizes?: readonly number[];
  reps?: number;
  log?: (line: string) => void;
}

export async function benchRouting(options: RoutingBenchOptions = {}): Promise<Figure[]> {
  const avoid = await loadAvoid();
  const log = options.log ?? (() => {});
  const reps = options.reps ?? 1;
  const figures: Figure[] = [];
  for (const size of options.sizes ?? ROUTING_SIZES) {
    const map = generateMap(size);
    const cards = new Map<Id, Rect>(Object.keys(map.nodes).map((id) => [id, { x: map.view.positions[id]!.x, y: map.view.positions[id]!.y, w: 260, h: 110 }]));
    const relations = new Map<Id, RoutedRelation>(Object.values(map.relations).map((r) => [r.id, { kind: r.kind, from: r.from, to: r.to }]));
    const first: number[] = [];
    const drop: number[] = [];
    let rerouted = 0;
    for (let i = 0; i < reps; i++) {
      const router = new EdgeRouter(avoid);
      let t = performance.now();
      router.route(cards, relations);
      first.push(performance.now() - t);
      const moved = new Map(cards);
      const id = [...cards.keys()][Math.floor(cards.size / 2)]!;
      const r = cards.get(id)!;
      moved.set(id, { ...r, x: r.x + 20, y: r.y + 10 });
      t = performance.now();
      router.route(moved, relations);
      drop.push(performance.now() - t);
      rerouted = router.lastRouted;
    }
    const note = `(${relations.size.toLocaleString('en-US')} relations; after the drop ${rerouted} rerouted)`;
    figures.push(
      { key: `node.routing.${size}`, label: 'Route every arrow around the cards (EdgeRouter.route)', size, unit: 'ms', app: first, baseline: null, note },
      { key: `node.routing-drop.${size}`, label: 'Reroute after one card moved (EdgeRouter.route, kept routes)', size, unit: 'ms', app: drop, baseline: null, note },
    );
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(0);
    log(`routing ${size} nodes / ${relations.size} relations: first ${med(first)} ms, after one card moved ${med(drop)} ms (${rerouted} rerouted)`);
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv[2] ? process.argv[2].split(',').map(Number) : ROUTING_SIZES;
  await benchRouting({ sizes, log: (line) => process.stdout.write(`${line}\n`) });
}
