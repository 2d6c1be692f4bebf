// The `argmap` command line: the file-system edge of the argument domain.
// Every failure is one plain line and a non-zero exit, never a stack trace.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { auditMap, type AuditFinding } from '../analysis/audit';
import { describeIssue, formatBytes } from '../format/errors';
import { loadMap, MAX_FILE_BYTES } from '../format/load';
import { serializeMap } from '../format/serialize';
import { emptyMap, type ArgumentMap } from '../model';

const USAGE = `Usage: argmap <command> [options]

Commands:
  validate FILE           check a map; exit 0 if valid, 1 with one line per problem
  audit FILE [--json]     check every quotation against its source
  new FILE [--title T]    write a blank map (refuses to overwrite without --force)
  help                    show this text

Exit codes: 0 ok, 1 the map has problems (or an evidence quote is not in its source),
2 the command line is wrong or the file cannot be read.`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => string;
}

class CliError extends Error {
  constructor(message: string, readonly code = 2) {
    super(message);
  }
}

function readMap(file: string): ArgumentMap {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new CliError(`${file} is a folder, not a map file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code ?? 'unknown error'}).`);
  }
  if (size > MAX_FILE_BYTES)
    throw new CliError(`${file}: this file is ${formatBytes(size)}; Argument Atlas opens maps of up to ${formatBytes(MAX_FILE_BYTES)}.`, 1);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new CliError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  const result = loadMap(bytes);
  if (!result.ok) throw new CliError(result.errors.map((e) => `${file}: ${describeIssue(e)}`).join('\n'), 1);
  return result.map;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function table(findings: AuditFinding[]): string[] {
  const lines: string[] = [];
  const rows = findings.map((f) => [f.status, f.kind === 'evidence' ? `node ${f.node}` : `in ${f.quotedIn?.source}`, f.source, clip(f.quote, 70)]);
  const head = ['STATUS', 'WHERE', 'SOURCE', 'QUOTE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  lines.push(fmt(head));
  findings.forEach((f, i) => {
    lines.push(fmt(rows[i]!));
    if (f.status !== 'verbatim') lines.push(`${' '.repeat(widths[0]! + 2)}${f.message}`);
  });
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  lines.push('', `${findings.length} quotations: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}`);
  return lines;
}

export function run(argv: string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    const flags = new Set(rest.filter((a) => a.startsWith('--')));
    const args = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--title');
    const needFile = () => {
      if (args.length !== 1) throw new CliError(`argmap ${command}: give exactly one FILE.\n\n${USAGE}`);
      return args[0]!;
    };
    switch (command) {
      case 'validate': {
        const file = needFile();
        const map = readMap(file);
        io.out(`${file}: valid map "${map.meta.title}" (${Object.keys(map.nodes).length} nodes, ${Object.keys(map.relations).length} relations, ${Object.keys(map.sources).length} sources)`);
        return 0;
      }
      case 'audit': {
        const file = needFile();
        const findings = auditMap(readMap(file));
        if (flags.has('--json')) io.out(JSON.stringify(findings, null, 2));
        else table(findings).forEach((l) => io.out(l));
        return findings.some((f) => f.kind === 'evidence' && f.status === 'not-found') ? 1 : 0;
      }
      case 'new': {
        const file = needFile();
        if (!file.endsWith('.json')) throw new CliError(`argmap new: name the file *.argmap.json (got ${file}).`);
        if (existsSync(file) && !flags.has('--force')) throw new CliError(`${file} already exists; add --force to overwrite it.`);
        const titleAt = rest.indexOf('--title');
        const map = emptyMap(io.now(), titleAt >= 0 ? rest[titleAt + 1] : undefined);
        try {
          writeFileSync(file, serializeMap(map));
        } catch (err) {
          throw new CliError(`${file}: cannot be written (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
        }
        io.out(`${file}: blank map written`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`argmap: unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.message);
      return err.code;
    }
    io.err(`argmap: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
