// Status figures: recomputing the dialectical status, against opening the same map (loadMap of
// its bytes) in the same run, alternating, after a warm-up. Goal: the status never costs more
// than half of opening the file. The maps: the generator's 1,000-node map with cross-relations
// added up to 3,000 relations (supports, objections, undercuts, linked premises, in three voices:
// circles of support and attack included), and the generator's 10,000-node map as it is.
import { computeStatus } from '../arguments/analysis/status';
import { loadMap } from '../arguments/format/load';
import { serializeMap } from '../arguments/format/serialize';
import type { ArgumentMap, Id, Relation, RelationKind } from '../arguments/model';
import { DEFAULT_SEED, generateMap, prng } from './generate';
import { ratioAtMost, type Figure } from './results';

export interface StatusBenchOptions {
  reps?: number;
  warmup?: boolean;
  log?: (line: string) => void;
}

const GOAL = ratioAtMost(0.5, '≤ 0.5× opening the map (loadMap)');

/** The generator's map with seeded extra relations until it has `relations` of them. */
export function denseMap(nodes: number, relations: number, seed = DEFAULT_SEED): ArgumentMap {
  const map = generateMap(nodes, seed);
  const next = prng(seed ^ 0x5eed);
  const nodeIds = Object.keys(map.nodes).sort();
  const pick = () => nodeIds[Math.floor(next() * nodeIds.length)]!;
  const inferences = Object.values(map.relations).filter((r) => r.kind !== 'qualifies').map((r) => r.id);
  const seen = new Set(Object.values(map.relations).map((r) => `${r.kind} ${r.from.join('+')} ${r.to}`));
  const voices = ['analyst', 'critic', 'student'];
  let k = 0;
  while (Object.keys(map.relations).length < relations) {
    const roll = next();
    const kind: RelationKind = roll < 0.65 ? 'supports' : roll < 0.87 ? 'opposes' : roll < 0.97 ? 'undercuts' : 'qualifies';
    const from = next() < 0.12 ? [...new Set([pick(), pick()])].sort() : [pick()];
    const to = kind === 'undercuts' ? inferences[Math.floor(next() * inferences.length)]! : pick();
    const key = `${kind} ${from.join('+')} ${to}`;
    if (from.includes(to) || seen.has(key)) continue;
    seen.add(key);
    const id: Id = `x${++k}`;
    const r: Relation = { id, kind, from, to, voice: voices[Math.floor(next() * voices.length)]! };
    map.relations[id] = r;
    if (kind !== 'qualifies') inferences.push(id);
  }
  return map;
}

function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function benchStatus(options: StatusBenchOptions = {}): Promise<Figure[]> {
  const reps = options.reps ?? 5;
  const warmup = options.warmup ?? true;
  const log = options.log ?? (() => {});
  const cases: { size: number; map: ArgumentMap }[] = [
    { size: 1000, map: denseMap(1000, 3000) },
    { size: 10000, map: generateMap(10000) },
  ];
  const figures: Figure[] = [];
  for (const c of cases) {
    const bytes = new TextEncoder().encode(serializeMap(c.map));
    const opened = loadMap(bytes);
    if (!opened.ok) throw new Error(`the ${c.size}-node status map does not load: ${opened.errors[0]!.message}`);
    const map = opened.map;
    const relations = Object.keys(map.relations).length;
    const layer = new Set(['analyst']);
    const open: number[] = [];
    const all: number[] = [];
    const analystOnly: number[] = [];
    for (let i = 0; i < reps + (warmup ? 1 : 0); i++) {
      open.push(timed(() => loadMap(bytes)));
      all.push(timed(() => computeStatus(map)));
      analystOnly.push(timed(() => computeStatus(map, [], { voices: layer })));
    }
    const keep = (xs: number[]) => (warmup ? xs.slice(1) : xs);
    const note = `(${relations.toLocaleString('en-US')} relations; baseline: loadMap of the same map)`;
    figures.push(
      { key: `node.status.${c.size}`, label: 'Dialectical status, every voice (computeStatus)', size: c.size, unit: 'ms', app: keep(all), baseline: keep(open), goal: GOAL, note },
      { key: `node.status-layer.${c.size}`, label: 'Dialectical status, one voice (computeStatus, voices: analyst)', size: c.size, unit: 'ms', app: keep(analystOnly), baseline: keep(open), goal: GOAL, note },
    );
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(2);
    log(`  status ${c.size} nodes / ${relations} relations: ${med(keep(all))} ms (analyst only ${med(keep(analystOnly))} ms), loadMap ${med(keep(open))} ms`);
  }
  return figures;
}
