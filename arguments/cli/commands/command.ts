// What a command is to the dispatcher: its lines in `argmap help` (usage.ts), and how it runs.
// A command's module is imported only when it runs, and a command that needs a large library
// (pdf.js, mammoth, citation-js, citeproc, resvg, PDFKit) imports that only then too, so
// `argmap validate` starts as fast as ever.
import type { Io } from '../io';

export type Run = (args: string[], io: Io) => number | Promise<number>;

export interface Command {
  usage: string;
  run: Run;
}

/** A command whose module loads when it runs. */
export function lazy(usage: string, load: () => Promise<{ run: Run }>): Command {
  return { usage, run: async (args, io) => (await load()).run(args, io) };
}

const COLUMN = 26;

/**
 * Help lines: the synopsis (continuation lines indented under it) and what the command does,
 * at column 26, on the synopsis's line when it is short enough.
 */
export function usage(synopsis: readonly string[], summary: readonly string[]): string {
  const [first, ...more] = synopsis;
  const lines = [`  ${first}`, ...more.map((l) => `         ${l}`)];
  const text = summary.map((l) => `${' '.repeat(COLUMN)}${l}`);
  if (more.length === 0 && lines[0]!.length < COLUMN - 1 && text.length > 0) {
    lines[0] = `${lines[0]!.padEnd(COLUMN)}${summary[0]}`;
    text.shift();
  }
  return [...lines, ...text].join('\n');
}
