// `argmap source list MAP [--json]`: each source with its role, date, title, length, and the
// nodes that quote it; in the file's order (a saved map keeps its sources in id order).
import { quotingNodes } from '../../operations';
import type { ArgumentMap } from '../../model';
import { say, type Io } from '../io';
import { plural, readMap } from '../maps';
import { parseOptions, positional } from '../options';
import { oneLine, shown } from '../quote';
import { SOURCE_USAGE } from './usage';

export interface SourceRow {
  id: string;
  role: string;
  date: string | null;
  title: string;
  characters: number;
  quotedBy: string[];
}

export function sourceRows(map: ArgumentMap): SourceRow[] {
  return Object.values(map.sources).map((s) => ({ id: s.id, role: s.role, date: s.date ?? null, title: s.title, characters: s.text.length, quotedBy: quotingNodes(map, s.id) }));
}

function clip(text: string, max: number): string {
  const flat = oneLine(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function run(rest: string[], io: Io): number {
  const spec = { command: 'source list', valued: [], flags: ['json'], usage: SOURCE_USAGE.list } as const;
  const parsed = parseOptions(rest, spec);
  const [file] = positional(parsed, ['MAP'], spec) as [string];
  const rows = sourceRows(readMap(file));
  if (parsed.flags.has('json')) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    say(io.out, `${shown(file)} has no sources; add one with argmap source add.`);
    return 0;
  }
  const table = rows.map((r) => [r.id, r.role, r.date === null ? '—' : oneLine(r.date), r.characters.toLocaleString('en-US'), String(r.quotedBy.length), clip(r.title, 70)]);
  const head = ['ID', 'ROLE', 'DATE', 'CHARACTERS', 'QUOTED BY', 'TITLE'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const right = new Set([3, 4]);
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  say(io.out, fmt(head));
  for (const r of table) say(io.out, fmt(r));
  const quoting = rows.reduce((n, r) => n + r.quotedBy.length, 0);
  io.out('');
  say(io.out, `${plural(rows.length, 'source')}, quoted by ${plural(quoting, 'node')}`);
  return 0;
}
