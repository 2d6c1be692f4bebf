// Writes the figures of the shipped map in the print theme, through the CLI's own code path
// (`argmap export`), for docs/figures/:
//   docs/figures/stalin-gottwald-1950.print.svg
//   docs/figures/stalin-gottwald-1950.print.pdf
// Both carry the map; the same map always gives the same bytes, so they only change in a
// commit when the map or the exporter does.
//
//   npx tsx scripts/figures.ts
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../arguments/cli/argmap';

const root = fileURLToPath(new URL('..', import.meta.url));
const map = `${root}arguments/maps/stalin-gottwald-1950.argmap.json`;
const out = `${root}docs/figures`;
mkdirSync(out, { recursive: true });

const io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l), now: () => new Date().toISOString() };
let failed = false;
for (const format of ['svg', 'pdf'] as const) {
  const code = await run(['export', map, '--format', format, '--theme', 'print', '--legend', '--out', `${out}/stalin-gottwald-1950.print.${format}`], io);
  if (code !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
