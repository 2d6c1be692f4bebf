// Abstract argumentation frameworks as the field exchanges them, so the status can be checked
// against the field's own instances: ASPARTIX / ICCMA `.apx` (`arg(a). att(a,b).`, `%`
// comments) and ICCMA `.tgf` (argument lines, `#`, attack lines). The grounded extension is
// computed by the status engine itself, on the map the framework amounts to.
import type { ArgNode, ArgumentMap, Relation } from '../model';
import type { Evaluation } from './evaluation';
import { naturalCompare } from './order';
import { computeStatus } from './status';

export interface Framework {
  args: string[];
  attacks: [string, string][];
}

export type FrameworkFormat = 'apx' | 'tgf';

export interface FrameworkError {
  code: 'malformed-framework';
  line: number;
  message: string;
}

export type FrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: FrameworkError[] };

const MAX_ERRORS = 20;

function collector() {
  const errors: FrameworkError[] = [];
  return {
    errors,
    add(line: number, message: string) {
      if (errors.length < MAX_ERRORS) errors.push({ code: 'malformed-framework', line, message: `line ${line}: ${message}` });
    },
  };
}

/** Arguments in first-declared order, attacks without repeats; undeclared names are errors. */
function finish(args: Map<string, number>, attacks: { from: string; to: string; line: number }[], c: ReturnType<typeof collector>, undeclared: (name: string) => string): FrameworkResult {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const a of attacks) {
    const missing = [a.from, a.to].find((x) => !args.has(x));
    if (missing !== undefined) {
      c.add(a.line, `the attack ${a.from} → ${a.to} names "${missing}", which ${undeclared(missing)}.`);
      continue;
    }
    const key = JSON.stringify([a.from, a.to]);
    if (!seen.has(key)) seen.add(key), out.push([a.from, a.to]);
  }
  if (c.errors.length > 0) return { ok: false, errors: c.errors.sort((x, y) => x.line - y.line) };
  return { ok: true, framework: { args: [...args.keys()], attacks: out } };
}

const NAME_CHAR = /[A-Za-z0-9_]/;

/** ASPARTIX `.apx`: `arg(NAME).` and `att(NAME,NAME).`, whitespace anywhere, `%` to the end of a line. */
export function parseApx(text: string): FrameworkResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const c = collector();
  let pos = 0;
  let line = 1;
  const skip = () => {
    while (pos < src.length) {
      const ch = src[pos]!;
      if (ch === '\n') line++, pos++;
      else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') pos++;
      else if (ch === '%') while (pos < src.length && src[pos] !== '\n') pos++;
      else break;
    }
  };
  /** A name (letters, digits, _) or a "quoted" one; undefined if there is none here. */
  const name = (): string | undefined => {
    skip();
    if (src[pos] === '"') {
      const end = src.indexOf('"', pos + 1);
      const nl = src.indexOf('\n', pos + 1);
      if (end < 0 || (nl >= 0 && nl < end)) return undefined;
      const value = src.slice(pos + 1, end);
      pos = end + 1;
      return value;
    }
    const start = pos;
    while (pos < src.length && NAME_CHAR.test(src[pos]!)) pos++;
    return pos > start ? src.slice(start, pos) : undefined;
  };
  const found = () => {
    skip();
    if (pos >= src.length) return 'the end of the file';
    const rest = src.slice(pos).split('\n')[0]!.trim();
    return `"${rest.length > 30 ? `${rest.slice(0, 30)}…` : rest}"`;
  };
  const expect = (ch: string) => {
    skip();
    if (src[pos] === ch) {
      pos++;
      return true;
    }
    return false;
  };
  const args = new Map<string, number>();
  const attacks: { from: string; to: string; line: number }[] = [];
  for (;;) {
    skip();
    if (pos >= src.length) break;
    const at = line;
    const start = pos;
    const word = name();
    let ok = false;
    if (word === 'arg' && expect('(')) {
      const a = name();
      if (a === undefined) c.add(at, `arg( needs the name of an argument, found ${found()}.`);
      else if (!expect(')')) c.add(at, `arg(${a} needs a closing ")", found ${found()}.`);
      else if (!expect('.')) c.add(at, `arg(${a}) needs a full stop after it, found ${found()}.`);
      else {
        if (!args.has(a)) args.set(a, at);
        ok = true;
      }
    } else if (word === 'att' && expect('(')) {
      const a = name();
      const comma = a !== undefined && expect(',');
      const b = comma ? name() : undefined;
      if (a === undefined) c.add(at, `att( needs the attacking argument, found ${found()}.`);
      else if (!comma) c.add(at, `att(${a} needs a comma and the attacked argument, found ${found()}.`);
      else if (b === undefined) c.add(at, `att(${a}, needs the attacked argument, found ${found()}.`);
      else if (!expect(')')) c.add(at, `att(${a},${b} needs a closing ")", found ${found()}.`);
      else if (!expect('.')) c.add(at, `att(${a},${b}) needs a full stop after it, found ${found()}.`);
      else {
        attacks.push({ from: a, to: b, line: at });
        ok = true;
      }
    } else {
      pos = start;
      c.add(at, `expected arg(NAME). or att(NAME,NAME)., found ${found()}.`);
    }
    if (!ok) {
      // Resume after the next full stop, so one slip gives one error.
      while (pos < src.length && src[pos] !== '.') {
        if (src[pos] === '\n') line++;
        pos++;
      }
      pos++;
      if (c.errors.length >= MAX_ERRORS) break;
    }
  }
  return finish(args, attacks, c, (a) => `no arg(${a}). declares`);
}

/** ICCMA `.tgf`: one argument per line (an optional label after it is ignored), a `#` line, then `FROM TO` lines. */
export function parseTgf(text: string): FrameworkResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const c = collector();
  const args = new Map<string, number>();
  const attacks: { from: string; to: string; line: number }[] = [];
  let inAttacks = false;
  src.split('\n').forEach((raw, k) => {
    const lineNo = k + 1;
    const words = raw.trim().split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return;
    if (words[0] === '#' && words.length === 1) {
      if (inAttacks) c.add(lineNo, 'a second "#" line; a TGF file has one, between the arguments and the attacks.');
      inAttacks = true;
      return;
    }
    if (!inAttacks) {
      if (!args.has(words[0]!)) args.set(words[0]!, lineNo);
    } else if (words.length < 2) c.add(lineNo, `an attack needs two arguments, "FROM TO"; found "${words[0]}".`);
    else attacks.push({ from: words[0]!, to: words[1]!, line: lineNo });
  });
  return finish(args, attacks, c, () => 'is not listed above the "#" line');
}

export function parseFramework(text: string, format: FrameworkFormat): FrameworkResult {
  return format === 'apx' ? parseApx(text) : parseTgf(text);
}

/**
 * Is this file an abstract framework? By extension first (`.apx`, `.tgf`), else by content: an
 * `arg(`/`att(` statement first means apx, a lone `#` line (and no JSON) means tgf.
 */
export function frameworkFormat(fileName: string, text: string): FrameworkFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'apx' || ext === 'tgf') return ext;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('%'));
  if (first === undefined || first.startsWith('{')) return undefined;
  if (/^(arg|att)\s*\(/.test(first)) return 'apx';
  if (body.split('\n').some((l) => l.trim() === '#')) return 'tgf';
  return undefined;
}

/** The map a framework amounts to: each argument a statement (granted), each attack a one-premise objection. */
export function frameworkToMap(framework: Framework): { map: ArgumentMap; evaluations: Evaluation[] } {
  const nodes: Record<string, ArgNode> = Object.fromEntries(framework.args.map((a) => [a, { id: a, kind: 'claim', text: a }]));
  const relations: Record<string, Relation> = Object.fromEntries(
    framework.attacks.map(([from, to], k) => [`att${k + 1}`, { id: `att${k + 1}`, kind: 'opposes', from: [from], to }]),
  );
  const now = '1970-01-01T00:00:00.000Z';
  return {
    map: { meta: { title: 'Abstract framework', authors: [], created: now, modified: now }, sources: {}, nodes, relations, view: { positions: {}, collapsed: [] } },
    evaluations: framework.args.map((a) => ({ target: a, verdict: 'accept', by: 'framework' })),
  };
}

/** The grounded extension (what stands), in natural order, as the status engine computes it. */
export function groundedExtension(framework: Framework): string[] {
  const { map, evaluations } = frameworkToMap(framework);
  const status = computeStatus(map, evaluations);
  return [...status.nodes].filter(([, s]) => s.label === 'stands').map(([id]) => id).sort(naturalCompare);
}
