// `argmap audit FILE [--json]`: every quotation against its source, as a table or JSON.
import { auditMap, type AuditFinding } from '../../analysis/audit';
import { say, type Io } from '../io';
import { readMap } from '../maps';
import { parseOptions, positional } from '../options';
import { COMMAND_USAGE } from './usage';

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

export function run(rest: string[], io: Io): number {
  const spec = { command: 'audit', valued: [], flags: ['json'], usage: COMMAND_USAGE.audit } as const;
  const parsed = parseOptions(rest, spec);
  const [file] = positional(parsed, ['FILE'], spec) as [string];
  const findings = auditMap(readMap(file));
  if (parsed.flags.has('json')) io.out(JSON.stringify(findings, null, 2));
  else for (const line of table(findings)) say(io.out, line);
  return findings.some((f) => f.kind === 'evidence' && f.status === 'not-found') ? 1 : 0;
}
