// `argmap source add|list|remove …`: one command, three subcommands, each loaded when it runs.
import { CliError, type Io } from '../io';
import { shown } from '../quote';
import { lazy, type Command } from './command';
import { COMMAND_USAGE, SOURCE_USAGE, type SourceSubcommand } from './usage';

const SUBCOMMANDS = {
  add: lazy(SOURCE_USAGE.add, () => import('./source-add')),
  list: lazy(SOURCE_USAGE.list, () => import('./source-list')),
  remove: lazy(SOURCE_USAGE.remove, () => import('./source-remove')),
} satisfies Record<SourceSubcommand, Command>;

export function run(rest: string[], io: Io): number | Promise<number> {
  const [sub, ...args] = rest;
  if (sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub)) return SUBCOMMANDS[sub as SourceSubcommand].run(args, io);
  const names = Object.keys(SUBCOMMANDS).join(', ');
  throw new CliError(sub === undefined ? `argmap source: say what to do: ${names}.` : `argmap source: unknown subcommand ${shown(sub)}; the subcommands are ${names}.`, 2, `Usage:\n${COMMAND_USAGE.source}`);
}
