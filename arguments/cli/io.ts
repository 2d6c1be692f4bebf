// What every command shares: where its lines go, and how it refuses. A refusal is one line per
// problem (each made safe to print by quote.ts) and an exit code, never a stack trace.
import { oneLine } from './quote';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => string;
}

/** Exit codes: 1 the file or the change has problems, 2 the command line is wrong or a file cannot be read or written. */
export type ExitCode = 1 | 2;

export class CliError extends Error {
  readonly lines: readonly string[];
  constructor(
    lines: string | readonly string[],
    readonly code: ExitCode = 2,
    /** Printed after the lines as it is (a usage text). */
    readonly trailer?: string,
  ) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.lines = list;
  }
}

/** Prints a line that may hold user text (a title, a sentence quoting an id) as one line. */
export function say(print: (line: string) => void, line: string): void {
  print(oneLine(line));
}

/** The exit code of a failed command, its lines printed to standard error. */
export function fail(err: unknown, io: Io): number {
  if (err instanceof CliError) {
    for (const line of err.lines) say(io.err, line);
    if (err.trailer) io.err(`\n${err.trailer}`);
    return err.code;
  }
  say(io.err, `argmap: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  return 2;
}

/** Runs a command that may be asynchronous, turning its refusals into lines and an exit code. */
export function guarded(work: () => number | Promise<number>, io: Io): number | Promise<number> {
  try {
    const result = work();
    return typeof result === 'number' ? result : result.catch((err: unknown) => fail(err, io));
  } catch (err) {
    return fail(err, io);
  }
}
