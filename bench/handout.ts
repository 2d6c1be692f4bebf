// Handout figures: the HTML handout of a 1,000-node generated map (buildHandout of
// arguments/export/handout.ts, in-process, as `argmap export --format html` runs it: the figure
// laid out and its arrows routed by libavoid, the sources marked, the fonts read and inlined,
// the hashes made) and the size of the file it makes. After a warm-up.
// `npx tsx bench/handout.ts` prints them.
import { startFigureRouting } from '../arguments/cli/avoid';
import { NODE_PLATFORM } from '../arguments/cli/commands/export-handout';
import { buildHandout, type Handout } from '../arguments/export/handout';
import { generateMap } from './generate';
import { atMost, type Figure } from './results';

export interface HandoutBenchOptions {
  reps?: number;
  warmup?: boolean;
  nodes?: number;
  log?: (line: string) => void;
}

export async function benchHandout(options: HandoutBenchOptions = {}): Promise<Figure[]> {
  const reps = options.reps ?? 5;
  const warmup = options.warmup ?? true;
  const size = options.nodes ?? 1000;
  const log = options.log ?? (() => {});
  const map = generateMap(size);
  // As `argmap export --format html` starts it: with routing threads for a figure of many arrows.
  await startFigureRouting(undefined, Object.keys(map.relations).length);
  const ms: number[] = [];
  let handout: Handout | undefined;
  for (let i = 0; i < reps + (warmup ? 1 : 0); i++) {
    const t0 = performance.now();
    handout = buildHandout(map, NODE_PLATFORM);
    const t = performance.now() - t0;
    if (i > 0 || !warmup) ms.push(t);
  }
  if (!handout) throw new Error('no repetition');
  const mb = Buffer.byteLength(handout.html, 'utf8') / 1024 / 1024;
  const note = `(${handout.nodes} nodes in ${handout.steps} steps, ${Object.keys(map.sources).length} sources, ${handout.faces.length} font faces inline)`;
  log(`  handout ${size} nodes: ${[...ms].sort((a, b) => a - b)[ms.length >> 1]!.toFixed(0)} ms, ${mb.toFixed(2)} MB ${note}`);
  return [
    { key: `node.handout.time.${size}`, label: `HTML handout of a ${size.toLocaleString('en-US')}-node generated map (buildHandout)`, size, unit: 'ms', app: ms, baseline: null, goal: atMost(2000, '≤ 2 s'), note },
    { key: `node.handout.size.${size}`, label: `HTML handout of a ${size.toLocaleString('en-US')}-node generated map: file size`, size, unit: 'MB', app: [mb], baseline: null, goal: atMost(10, '≤ 10 MB'), note },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchHandout({ log: (l) => process.stdout.write(`${l}\n`) })) process.stdout.write(`${f.key}: ${f.app.map((x) => x.toFixed(f.unit === 'MB' ? 2 : 0)).join(', ')} ${f.unit}\n`);
}
