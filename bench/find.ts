// Find and the outline on a generated map of 10,000 nodes (bench/generate.ts, with its 300 KB
// primary source and the others): the first search (every node and source folded), a search
// once the folds are cached (what typing a query costs), the same after one node was edited,
// and building the outline (the tree the outline view and the arrow keys walk) with its
// reading order. Medians of a few runs; the first search is taken on a fresh map each run.
//
//   npx tsx bench/find.ts [nodes]        prints the figures
import { pathToFileURL } from 'node:url';
import { findInMap } from '../arguments/analysis/find';
import { buildOutline, readingOrder, visibleRows } from '../arguments/analysis/outline';
import type { ArgumentMap } from '../arguments/model';
import { generateMap } from './generate';
import { stats } from './results';

function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const clone = (m: ArgumentMap): ArgumentMap => structuredClone(m);

export function benchFind(nodes = 10_000, reps = 5, log: (line: string) => void = console.log): void {
  const base = generateMap(nodes);
  const chars = Object.values(base.nodes).reduce((n, x) => n + x.text.length + (x.quote?.exact.length ?? 0), 0);
  const sourceChars = Object.values(base.sources).reduce((n, s) => n + s.text.length, 0);
  log(`map: ${Object.keys(base.nodes).length} nodes (${chars.toLocaleString('en')} characters), ${Object.keys(base.sources).length} sources (${sourceChars.toLocaleString('en')} characters)`);
  const first: number[] = [];
  const warm: number[] = [];
  const edited: number[] = [];
  const outline: number[] = [];
  const order: number[] = [];
  let found = 0;
  for (let i = 0; i < reps + 1; i++) {
    const map = clone(base);
    const t1 = timed(() => findInMap(map, 'security council'));
    const t2 = timed(() => (found = findInMap(map, 'Security Counc').matches.length));
    const id = Object.keys(map.nodes)[Math.floor(nodes / 2)]!;
    const changed: ArgumentMap = { ...map, nodes: { ...map.nodes, [id]: { ...map.nodes[id]!, text: 'An edited statement' } } };
    const t3 = timed(() => findInMap(changed, 'security council'));
    let built: ReturnType<typeof buildOutline> | null = null;
    const t4 = timed(() => (built = buildOutline(map)));
    const t5 = timed(() => {
      readingOrder(built!);
      visibleRows(built!, new Set());
    });
    // The first run warms the JIT.
    if (i === 0) continue;
    first.push(t1);
    warm.push(t2);
    edited.push(t3);
    outline.push(t4);
    order.push(t5);
  }
  const row = (what: string, xs: number[]) => {
    const s = stats(xs)!;
    log(`${what.padEnd(58)} ${s.median.toFixed(1).padStart(7)} ms  (${s.min.toFixed(1)}–${s.max.toFixed(1)})`);
  };
  row('find, first search (folds every node and source)', first);
  row(`find, next search (folds cached; ${found} matches)`, warm);
  row('find after one node was edited', edited);
  row('outline: build the tree', outline);
  row('outline: reading order and the rows shown', order);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchFind(Number(process.argv[2] ?? 10_000));
