// `argmap compare STUDENT INSTRUCTOR [--json] [--out REPORT.md|REPORT.html]`: what of the
// instructor's map the student's has (arguments/compare/), as feedback. Both maps are read by
// the loader (its errors, one line each, exit 1); the report is written atomically.
import { compare } from '../../compare/compare';
import { report, reportText, type ReportFormat } from '../../compare/report';
import { CliError, say, type Io } from '../io';
import { readMap } from '../maps';
import { parseOptions, positional } from '../options';
import { shown } from '../quote';
import { checkTarget, writeFileAtomic } from '../write';
import { COMMAND_USAGE } from './usage';

const EXTENSIONS = { md: 'md', markdown: 'md', html: 'html', htm: 'html' } as const satisfies Record<string, ReportFormat>;
const FORMAT_NAMES = { md: 'Markdown', html: 'HTML' } as const satisfies Record<ReportFormat, string>;

function formatOf(out: string): ReportFormat {
  const ext = /\.([A-Za-z]+)$/.exec(out)?.[1]?.toLowerCase();
  if (ext === undefined || !Object.hasOwn(EXTENSIONS, ext))
    throw new CliError(`argmap compare: --out ${shown(out)}: the report is written as Markdown (.md) or HTML (.html); name the file with one of those endings.`);
  return EXTENSIONS[ext as keyof typeof EXTENSIONS];
}

export function run(rest: string[], io: Io): number {
  const spec = { command: 'compare', valued: ['out'], flags: ['json'], usage: COMMAND_USAGE.compare } as const;
  const parsed = parseOptions(rest, spec);
  const [studentFile, instructorFile] = positional(parsed, ['STUDENT', 'INSTRUCTOR'], spec) as [string, string];
  const out = parsed.values.get('out');
  const format = out === undefined ? undefined : formatOf(out);
  if (out !== undefined) checkTarget(out, { overwrite: true });
  const student = readMap(studentFile);
  const instructor = readMap(instructorFile);
  const c = compare(student, instructor);
  if (out !== undefined && format !== undefined) {
    writeFileAtomic(out, report(format, c, student, instructor), { overwrite: true });
    if (!parsed.flags.has('json'))
      say(io.out, `${shown(out)}: feedback report (${FORMAT_NAMES[format]}): ${c.missing.length} missing, ${c.extra.length} extra, ${c.misplaced.length} misplaced, ${c.wrongRelation.length} connected differently; overall ${c.score.toFixed(2)} of 1`);
  }
  if (parsed.flags.has('json')) io.out(JSON.stringify(c, null, 2));
  else if (out === undefined) for (const line of reportText(c, student, instructor)) say(io.out, line);
  return 0;
}
