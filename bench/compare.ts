// Compare figures: a student's 1,000-node map against the instructor's (compare() of
// arguments/compare/, the matching, the relations and the score; the report not included).
// Two cases, each after a warm-up: the student's map made from the instructor's by seeded
// edits (8 % of the nodes deleted, 15 % reworded, 5 % of the relations re-aimed, 5 % of another
// kind, every id renamed: the seminar case), and two unrelated maps of the generator (another
// seed: the same vocabulary, so almost every pair of statements shares words — the worst case
// of the word index). `npx tsx bench/compare.ts` prints them.
import { produce } from 'immer';
import { compare } from '../arguments/compare/compare';
import type { ArgumentMap, Id, RelationKind } from '../arguments/model';
import { removeAll } from '../arguments/operations/removal';
import { DEFAULT_SEED, generateMap, prng } from './generate';
import { atMost, type Figure } from './results';

export interface CompareBenchOptions {
  reps?: number;
  warmup?: boolean;
  nodes?: number;
  log?: (line: string) => void;
}

const GOAL = atMost(1000, '≤ 1 s');
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The instructor's map edited as a student's would differ, with every id renamed. */
export function studentMap(instructor: ArgumentMap, seed = DEFAULT_SEED): ArgumentMap {
  const next = prng(seed ^ 0xc0ffee);
  const nodeIds = Object.keys(instructor.nodes).sort(byString);
  const relIds = Object.keys(instructor.relations).sort(byString);
  const deleted = new Set(nodeIds.filter(() => next() < 0.08));
  let k = 0;
  let map = produce(instructor, (d) => {
    removeAll(d, deleted, new Set());
  });
  map = produce(map, (d) => {
    for (const id of Object.keys(d.nodes).sort(byString)) if (next() < 0.15) d.nodes[id]!.text = d.nodes[id]!.text.replace(/[\p{L}\p{N}]+/gu, (w) => (++k % 3 === 0 ? `w${k}` : w));
    const claims = Object.keys(d.nodes).filter((id) => d.nodes[id]!.kind === 'claim').sort(byString);
    for (const id of relIds) {
      if (!Object.hasOwn(d.relations, id) || d.relations[id]!.kind === 'undercuts') continue;
      const roll = next();
      if (roll < 0.05 && claims.length > 0) d.relations[id]!.to = claims[Math.floor(next() * claims.length)]!;
      else if (roll < 0.1) d.relations[id]!.kind = (['supports', 'opposes', 'qualifies'] as RelationKind[]).find((x) => x !== d.relations[id]!.kind)!;
    }
  });
  const rename = new Map<Id, Id>([...Object.keys(map.nodes), ...Object.keys(map.relations), ...Object.keys(map.sources)].sort(byString).reverse().map((id, i) => [id, `s${i}`]));
  const to = (id: Id) => rename.get(id) ?? id;
  return {
    ...map,
    nodes: Object.fromEntries(Object.values(map.nodes).map((n) => [to(n.id), { ...n, id: to(n.id), ...(n.quote ? { quote: { ...n.quote, source: to(n.quote.source) } } : {}) }])),
    relations: Object.fromEntries(Object.values(map.relations).map((r) => [to(r.id), { ...r, id: to(r.id), from: r.from.map(to), to: to(r.to) }])),
    sources: Object.fromEntries(Object.values(map.sources).map((s) => [to(s.id), { ...s, id: to(s.id), ...(s.quotes ? { quotes: s.quotes.map(to) } : {}) }])),
    evaluations: {},
    comments: {},
    view: { positions: {}, collapsed: [] },
  };
}

function timed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function benchCompare(options: CompareBenchOptions = {}): Promise<Figure[]> {
  const reps = options.reps ?? 5;
  const warmup = options.warmup ?? true;
  const size = options.nodes ?? 1000;
  const log = options.log ?? (() => {});
  const instructor = generateMap(size);
  const cases = [
    { key: 'edited', label: 'Compare a student’s map with the instructor’s (compare: edited copy, ids renamed)', student: studentMap(instructor) },
    { key: 'unrelated', label: 'Compare two unrelated maps (compare: another seed, same vocabulary)', student: generateMap(size, DEFAULT_SEED + 1) },
  ];
  const figures: Figure[] = [];
  for (const c of cases) {
    const ms: number[] = [];
    let result: ReturnType<typeof compare> | undefined;
    for (let i = 0; i < reps + (warmup ? 1 : 0); i++) {
      const t = timed(() => (result = compare(c.student, instructor)));
      if (i > 0 || !warmup) ms.push(t);
    }
    if (!result) throw new Error('no repetition');
    const note = `(${Object.keys(c.student.nodes).length} against ${Object.keys(instructor.nodes).length} nodes: ${result.matches.length} matched, ${result.missing.length} missing, ${result.misplaced.length} misplaced, ${result.wrongRelation.length} connected differently)`;
    figures.push({ key: `node.compare.${c.key}.${size}`, label: c.label, size, unit: 'ms', app: ms, baseline: null, goal: GOAL, note });
    log(`  compare ${c.key} ${size} nodes: ${[...ms].sort((a, b) => a - b)[ms.length >> 1]!.toFixed(0)} ms ${note}`);
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchCompare({ log: (l) => process.stdout.write(`${l}\n`) })) process.stdout.write(`${f.key}: ${f.app.map((x) => x.toFixed(0)).join(', ')} ms\n`);
}
