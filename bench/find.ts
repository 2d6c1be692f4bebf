// Find and the outline: on the shipped map (what a user searches every day), and on a generated
// map of 10,000 nodes (bench/generate.ts, with its 300 KB primary source and the others): the
// first search (every node and source folded), a search once the folds are cached (what typing a
// query costs), the same after one node was edited, and building the outline (the tree the
// outline view and the arrow keys walk) with its reading order. The first search is taken on a
// fresh copy of the map each run; the first run of each warms the JIT.
//
//   npx tsx bench/find.ts [nodes]        prints the figures (also part of `npm run bench`)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findInMap } from '../arguments/analysis/find';
import { buildOutline, readingOrder, visibleRows } from '../arguments/analysis/outline';
import { loadMap } from '../arguments/format/load';
import type { ArgumentMap } from '../arguments/model';
import { generateMap } from './generate';
import { stats, type Figure } from './results';

function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export interface FindBenchOptions {
  /** The generated map's size. */
  nodes?: number;
  reps?: number;
  log?: (line: string) => void;
}

function shippedMap(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('the shipped map does not load');
  return r.map;
}

function measure(name: string, base: ArgumentMap, reps: number, query: string, typed: string) {
  const first: number[] = [];
  const warm: number[] = [];
  const edited: number[] = [];
  const outline: number[] = [];
  const order: number[] = [];
  let found = 0;
  const ids = Object.keys(base.nodes);
  for (let i = 0; i < reps + 1; i++) {
    const map = structuredClone(base);
    const t1 = timed(() => findInMap(map, query));
    const t2 = timed(() => (found = findInMap(map, typed).matches.length));
    const id = ids[Math.floor(ids.length / 2)]!;
    const changed: ArgumentMap = { ...map, nodes: { ...map.nodes, [id]: { ...map.nodes[id]!, text: 'An edited statement' } } };
    const t3 = timed(() => findInMap(changed, query));
    let built: ReturnType<typeof buildOutline> | null = null;
    const t4 = timed(() => (built = buildOutline(map)));
    const t5 = timed(() => {
      readingOrder(built!);
      visibleRows(built!, new Set());
    });
    if (i === 0) continue;
    first.push(t1);
    warm.push(t2);
    edited.push(t3);
    outline.push(t4);
    order.push(t5);
  }
  return { name, found, first, warm, edited, outline, order };
}

/** The figures of `npm run bench` (no goals: measured, never asserted). */
export function benchFind(options: FindBenchOptions = {}): Figure[] {
  const { nodes = 10_000, reps = 5, log = console.log } = options;
  const figures: Figure[] = [];
  for (const [key, base] of [
    ['shipped', shippedMap()],
    ['generated', generateMap(nodes)],
  ] as const) {
    const size = Object.keys(base.nodes).length;
    const chars = Object.values(base.nodes).reduce((n, x) => n + x.text.length + (x.quote?.exact.length ?? 0), 0);
    const sourceChars = Object.values(base.sources).reduce((n, s) => n + s.text.length, 0);
    log(`find, ${key} map: ${size} nodes (${chars.toLocaleString('en')} characters), ${Object.keys(base.sources).length} sources (${sourceChars.toLocaleString('en')} characters)`);
    const m = measure(key, base, reps, 'security council', 'Security Counc');
    const on = key === 'shipped' ? 'the shipped map' : 'a generated map';
    figures.push(
      { key: `node.find.${key}.first`, label: `Find, first search on ${on} (folds every node and source)`, size, unit: 'ms', app: m.first, baseline: null },
      { key: `node.find.${key}.typed`, label: `Find, next search on ${on} (folds cached; ${m.found} matches)`, size, unit: 'ms', app: m.warm, baseline: null },
      { key: `node.find.${key}.edited`, label: `Find after one node was edited, ${on}`, size, unit: 'ms', app: m.edited, baseline: null },
      { key: `node.outline.${key}.build`, label: `Outline of ${on}: build the tree`, size, unit: 'ms', app: m.outline, baseline: null },
      { key: `node.outline.${key}.rows`, label: `Outline of ${on}: reading order and the rows shown`, size, unit: 'ms', app: m.order, baseline: null },
    );
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of benchFind({ nodes: Number(process.argv[2] ?? 10_000) })) {
    const s = stats(f.app)!;
    console.log(`${f.label.padEnd(72)} ${s.median.toFixed(2).padStart(8)} ms  (${s.min.toFixed(2)}–${s.max.toFixed(2)})`);
  }
}
