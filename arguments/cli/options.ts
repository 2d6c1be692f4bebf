// A command's arguments: `--name value`, `--name=value`, bare `--flag`s, and the files; after
// `--` everything is a file (a file may be named "--json").
import { CliError } from './io';
import { shown } from './quote';

export interface Parsed<V extends string, F extends string> {
  args: string[];
  values: Map<V, string>;
  flags: Set<F>;
}

export interface OptionSpec<V extends string, F extends string> {
  /** "source add", as refusals name the command. */
  command: string;
  valued: readonly V[];
  flags: readonly F[];
  /** The command's usage, shown after a wrong option. */
  usage: string;
}

export function parseOptions<V extends string, F extends string>(rest: readonly string[], spec: OptionSpec<V, F>): Parsed<V, F> {
  const args: string[] = [];
  const values = new Map<V, string>();
  const flags = new Set<F>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      args.push(...rest.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      args.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if ((spec.valued as readonly string[]).includes(name)) {
      const value = eq < 0 ? rest[++i] : a.slice(eq + 1);
      if (value === undefined) throw new CliError(`argmap ${spec.command}: --${name} needs a value.`);
      if (values.has(name as V)) throw new CliError(`argmap ${spec.command}: --${name} is given twice; give it once.`);
      values.set(name as V, value);
    } else if ((spec.flags as readonly string[]).includes(name) && eq < 0) flags.add(name as F);
    else throw new CliError(`argmap ${spec.command}: unknown option ${shown(a)}.`, 2, spec.usage);
  }
  return { args, values, flags };
}

/** Exactly `names.length` files, or a refusal naming them. */
export function positional(parsed: { args: string[] }, names: readonly string[], spec: { command: string; usage: string }): string[] {
  if (parsed.args.length !== names.length) {
    const want = names.length === 1 ? `exactly one ${names[0]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    throw new CliError(`argmap ${spec.command}: give ${want}.`, 2, spec.usage);
  }
  return parsed.args;
}
