// Argdown text read by Argdown's own parser, @argdown/core 1.7.5 (2.x needs Node 22; nothing is
// vendored): its lexer, parser and model plugins, run in memory. Any syntax error, and any error
// in the YAML of a front matter or a {data} block, refuses the whole file with its line and
// column: nothing is half-read. (@argdown/core otherwise logs such errors and goes on with what
// it could read, or, for a lexer error, with nothing.)
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import type { ExchangeProblem } from '../problems';
import { documentFromModel, type ArgdownDocument } from './document';

/** Larger texts are refused before they are read (as large as a map may be). */
export const MAX_ARGDOWN_CHARS = 32 * 1024 * 1024;
const MAX_PROBLEMS = 20;

class DataError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly column: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

interface Token {
  startLine?: number;
  startColumn?: number;
  image?: string;
}

let app: ArgdownApplication | undefined;

/** One application, made on first use: its plugins are stateless between runs. */
function application(): ArgdownApplication {
  if (app) return app;
  const quiet = { log: () => undefined, setLevel: () => undefined };
  const a = new ArgdownApplication(quiet);
  const data = new DataPlugin();
  // A YAML error in a {data} block or the front matter is thrown from inside the tree walk, where
  // @argdown/core would drop it: it is rethrown here with the place it stands.
  for (const name of ['Data', 'FrontMatter'] as const) {
    const listener = data.tokenListeners[name]!;
    data.tokenListeners[name] = (request, response, token, parent, index, logger) => {
      try {
        listener(request, response, token, parent, index, logger);
      } catch (err) {
        const t = token as Token;
        const why = err instanceof Error ? err.message.split('\n')[0]! : String(err);
        throw new DataError(t.startLine, t.startColumn, `the ${name === 'Data' ? '{data} block' : 'front matter'} is not valid YAML (${why}).`);
      }
    };
  }
  a.addPlugin(new ParserPlugin(), 'parse-input');
  a.addPlugin(data, 'build-model');
  a.addPlugin(new ModelPlugin(), 'build-model');
  return (app = a);
}

/** The only text Argdown's lexer refuses: a backslash (escaping nothing) at the end of a line. */
function lexerProblem(text: string): ExchangeProblem {
  const m = /(?<!\\)(?:\\\\)*\\(?=\r\n|\n|\r|$)/.exec(text);
  const message = 'a backslash escapes the next character in Argdown, and here it stands at the end of a line; write \\\\ for a backslash.';
  if (!m) return { code: 'syntax', message: 'Argdown’s lexer could not read the text.' };
  const at = m.index + m[0].length - 1;
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\n|\r/).length;
  const column = at - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { code: 'syntax', message, line, column };
}

const position = (e: { token?: Token; line?: number; column?: number }) => ({
  line: e.token?.startLine ?? e.line,
  column: e.token?.startColumn ?? e.column,
});

const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

/** The first [title] or <title> that is a name of Object.prototype, which @argdown/core 1.7.5 fails on. */
function reservedTitle(text: string): { title: string; line: number; column: number } | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++)
    for (const m of lines[i]!.matchAll(/\[([^[\]<>]+)\]|<([^[\]<>]+)>/g)) {
      const title = (m[1] ?? m[2]!).trim();
      if (RESERVED.has(title)) return { title, line: i + 1, column: m.index! + 1 };
    }
  return undefined;
}

/** Whether Argdown's own lexer and parser (without this project's stricter checks) refuse the text. */
export function argdownSyntaxRefuses(input: string): boolean {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    const parsed = application().run({ input: text, process: ['parse-input'], logLevel: 'none', logExceptions: false } as never) as Record<string, unknown>;
    return ((parsed.lexerErrors as object[] | undefined)?.length ?? 0) + ((parsed.parserErrors as object[] | undefined)?.length ?? 0) > 0 || !parsed.ast;
  } catch {
    return true;
  }
}

export function parseArgdown(input: string): { ok: true; document: ArgdownDocument } | { ok: false; problems: ExchangeProblem[] } {
  if (input.length > MAX_ARGDOWN_CHARS) return { ok: false, problems: [{ code: 'too-large', message: `The text has ${input.length.toLocaleString('en-US')} characters; Argument Atlas reads Argdown files of up to ${MAX_ARGDOWN_CHARS.toLocaleString('en-US')}.` }] };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return { ok: false, problems: [{ code: 'empty', message: 'The file is empty: there is no Argdown in it.' }] };
  const a = application();
  let parsed: Record<string, unknown>;
  try {
    parsed = a.run({ input: text, process: ['parse-input'], logLevel: 'none', logExceptions: false } as never) as Record<string, unknown>;
  } catch {
    return { ok: false, problems: [lexerProblem(text)] };
  }
  const errors = [...((parsed.lexerErrors as object[]) ?? []), ...((parsed.parserErrors as object[]) ?? [])] as { message?: string; token?: Token; line?: number; column?: number }[];
  if (errors.length > 0)
    return {
      ok: false,
      problems: errors.slice(0, MAX_PROBLEMS).map((e) => ({ code: 'syntax' as const, message: (e.message ?? 'invalid Argdown syntax').split('\n')[0]!, ...position(e) })),
    };
  if (!parsed.ast) return { ok: false, problems: [lexerProblem(text)] };
  let model: Record<string, unknown>;
  try {
    model = a.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'none', logExceptions: false, throwExceptions: true } as never) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof DataError) return { ok: false, problems: [{ code: 'syntax', message: err.message, line: err.line, column: err.column }] };
    const reserved = reservedTitle(text);
    if (reserved) return { ok: false, problems: [{ code: 'syntax', message: `Argdown 1.7.5 cannot read a statement or argument titled ${JSON.stringify(reserved.title)} (a name its model reserves); rename it.`, line: reserved.line, column: reserved.column }] };
    return { ok: false, problems: [{ code: 'syntax', message: `Argdown could not build a model of the text (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).` }] };
  }
  return { ok: true, document: documentFromModel(model) };
}
