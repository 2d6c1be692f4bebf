// The `argmap` command line: the file-system edge of the argument domain. One table of commands
// (one module each under commands/, loaded when it runs), from which `argmap help` is written.
// Every failure is one plain line per problem and a non-zero exit, never a stack trace; every
// file is read through read.ts (bounded, regular files only) and every map or figure written
// through write.ts (atomically).
import { lazy, type Command } from './commands/command';
import { COMMAND_USAGE, type CommandName } from './commands/usage';
import { CliError, guarded, type Io } from './io';
import { quote, shown } from './quote';
import { statusCommand } from './status';

export type { Io } from './io';
export type { CommandName } from './commands/usage';

const helpCommand: Command = {
  usage: COMMAND_USAGE.help,
  run: ([name, ...more], io) => {
    if (name === undefined) {
      io.out(USAGE);
      return 0;
    }
    if (!isCommand(name) || more.length > 0) throw new CliError(`argmap help: there is no command ${shown([name, ...more].join(' '))}.`, 2, USAGE);
    io.out(`Usage: argmap ${COMMANDS[name].usage.trimStart()}`);
    return 0;
  },
};

const COMMANDS = {
  validate: lazy(COMMAND_USAGE.validate, () => import('./commands/validate')),
  audit: lazy(COMMAND_USAGE.audit, () => import('./commands/audit')),
  // Synchronous: run(['status', …]) returns its exit code at once.
  status: { usage: COMMAND_USAGE.status, run: statusCommand },
  new: lazy(COMMAND_USAGE.new, () => import('./commands/new')),
  source: lazy(COMMAND_USAGE.source, () => import('./commands/source')),
  'import-bib': lazy(COMMAND_USAGE['import-bib'], () => import('./commands/import-bib')),
  cite: lazy(COMMAND_USAGE.cite, () => import('./commands/cite')),
  export: lazy(COMMAND_USAGE.export, () => import('./commands/export')),
  import: lazy(COMMAND_USAGE.import, () => import('./commands/import')),
  compare: lazy(COMMAND_USAGE.compare, () => import('./commands/compare')),
  serve: lazy(COMMAND_USAGE.serve, () => import('./commands/serve')),
  help: helpCommand,
} satisfies Record<CommandName, Command>;

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

export const USAGE = `Usage: argmap <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}

Exit codes: 0 ok; 1 the map or file has problems, or a change was refused (an evidence quote
not in its source, a figure without a map, a quoted source); 2 the command line is wrong, or
a file cannot be read or written (missing, a folder, a FIFO, a device).`;

/** Runs one command; `status` and `help` return their exit code at once, the others a promise of it. */
export function run(argv: string[], io: Io): number | Promise<number> {
  const [command, ...rest] = argv;
  return guarded(() => {
    if (command === undefined) {
      io.out(USAGE);
      return 2;
    }
    if (command === '--help' || command === '-h') return helpCommand.run([], io);
    if (!isCommand(command)) throw new CliError(`argmap: unknown command ${quote(command)}.`, 2, USAGE);
    if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) return helpCommand.run([command], io);
    return COMMANDS[command].run(rest, io);
  }, io);
}
