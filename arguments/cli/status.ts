// `argmap status FILE [--voices analyst,critic] [--json]`: what stands, falls or is open in a map,
// with the reason for each node; for an abstract framework (.apx, .tgf), its grounded extension.
import { frameworkFormat, groundedExtension, parseFramework } from '../analysis/frameworks';
import { naturalCompare } from '../analysis/order';
import { computeStatus, type ElementStatus } from '../analysis/status';
import { voicesInMap } from '../analysis/voices';
import { describeIssue } from '../format/errors';
import { decodeFile, loadMap } from '../format/load';
import { NODE_KINDS, type ArgumentMap } from '../model';
import type { Io } from './argmap';
import { CliError, say } from './io';
import { quote, shown } from './quote';
import { MAP_OR_FRAMEWORK_FILE, readBytes } from './read';

/** The lines of `argmap help` for this command. */
export const STATUS_USAGE = `  status FILE [--voices analyst,critic] [--json]
                          what stands, falls or is open, and why, for each node
                          (every voice counts unless --voices names them; the
                          author's nodes, without a voice, always count); for an
                          abstract framework (.apx, .tgf) its grounded extension`;

class Refusal extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

const listWords = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function parseArgs(args: string[]): { file: string; voices: string[] | null; json: boolean } {
  const files: string[] = [];
  let voices: string[] | null = null;
  let json = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--json') json = true;
    else if (a === '--voices' || a.startsWith('--voices=')) {
      const value = a === '--voices' ? args[++k] : a.slice('--voices='.length);
      if (value === undefined || value.startsWith('--'))
        throw new Refusal('argmap status: --voices needs a list of voices, e.g. --voices analyst,critic.', 2);
      voices = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (voices.length === 0) throw new Refusal('argmap status: --voices needs at least one voice, e.g. --voices analyst.', 2);
    } else if (a.startsWith('--')) throw new Refusal(`argmap status: unknown option ${a}; the options are --voices LIST and --json.`, 2);
    else files.push(a);
  }
  if (files.length !== 1) throw new Refusal('argmap status: give exactly one FILE (a map, or an abstract framework .apx / .tgf).', 2);
  return { file: files[0]!, voices, json };
}

function frameworkStatus(file: string, text: string, format: 'apx' | 'tgf', json: boolean, io: Io): number {
  const parsed = parseFramework(text, format);
  if (!parsed.ok) throw new CliError(parsed.errors.map((e) => `${shown(file)}: ${e.message}`), 1);
  const grounded = groundedExtension(parsed.framework);
  if (json) io.out(JSON.stringify({ grounded }));
  else {
    const { args, attacks } = parsed.framework;
    say(io.out, `${shown(file)}: abstract framework (${format}), ${args.length} ${args.length === 1 ? 'argument' : 'arguments'}, ${attacks.length} ${attacks.length === 1 ? 'attack' : 'attacks'}`);
    io.out(`grounded extension (${grounded.length}): {${grounded.join(', ')}}`);
  }
  return 0;
}

const KIND_ORDER = new Map(NODE_KINDS.map((k, i) => [k, i]));

function mapStatus(file: string, map: ArgumentMap, voices: string[] | null, json: boolean, io: Io): number {
  // The file's evaluation layer: with --voices, only the counted judges' evaluations count (the engine's rule).
  const evaluations = Object.values(map.evaluations ?? {});
  if (voices) {
    // A judge who wrote no node or relation is a voice of the map too.
    const known = [...new Set([...voicesInMap(map).map((v) => v.voice), ...evaluations.map((e) => e.by)])].sort();
    const unknown = voices.filter((v) => !known.includes(v));
    if (unknown.length > 0) {
      const names = unknown.map(quote);
      throw new Refusal(
        `argmap status: no node or relation of ${shown(file)} speaks in the ${unknown.length === 1 ? 'voice' : 'voices'} ${listWords(names)}; ` +
          (known.length > 0 ? `its voices are ${listWords(known)}.` : 'it has no voices (everything in it is the author’s).'),
        2,
      );
    }
  }
  const counted = voices ? new Set(voices) : null;
  const status = computeStatus(map, evaluations, { voices: counted });
  for (const p of status.problems) say(io.err, `${shown(file)}: ${p}`);
  const ids = [...status.nodes.keys()].sort((a, b) => KIND_ORDER.get(map.nodes[a]!.kind)! - KIND_ORDER.get(map.nodes[b]!.kind)! || naturalCompare(a, b));
  if (json) {
    const nodes: Record<string, Pick<ElementStatus, 'label' | 'reason' | 'because' | 'caveats'>> = {};
    for (const id of ids) {
      const s = status.nodes.get(id)!;
      Object.defineProperty(nodes, id, { value: { label: s.label, reason: s.reason, because: s.because, ...(s.caveats ? { caveats: s.caveats } : {}) }, enumerable: true, writable: true, configurable: true });
    }
    io.out(JSON.stringify({ nodes }, null, 2));
    return 0;
  }
  const width = Math.max(0, ...ids.map((id) => id.length));
  const tally = { stands: 0, falls: 0, open: 0 };
  for (const id of ids) {
    const s = status.nodes.get(id)!;
    tally[s.label]++;
    io.out(`${id.padEnd(width)}  ${s.reason}${s.caveats ? `  [caveat: ${s.caveats.join(', ')}]` : ''}`);
  }
  const all = Object.keys(map.nodes).length;
  const left = all - ids.length;
  const layers = voices ? `voices counted: ${listWords([...voices].sort())}${left > 0 ? `; ${left} ${left === 1 ? 'node' : 'nodes'} of other voices left out` : ''}` : 'every voice counted';
  io.out('');
  io.out(`${ids.length} ${ids.length === 1 ? 'node' : 'nodes'}: ${tally.stands} ${tally.stands === 1 ? 'stands' : 'stand'}, ${tally.falls} ${tally.falls === 1 ? 'falls' : 'fall'}, ${tally.open} open (${layers}${judgedWords(evaluations, counted)})`);
  return 0;
}

/** "; 3 evaluations counted (1 by judges left out)" — nothing when the file has none. */
function judgedWords(evaluations: readonly { by: string }[], counted: ReadonlySet<string> | null): string {
  if (evaluations.length === 0) return '';
  const byCounted = counted ? evaluations.filter((e) => counted.has(e.by)).length : evaluations.length;
  const left = evaluations.length - byCounted;
  return `; ${byCounted} ${byCounted === 1 ? 'evaluation' : 'evaluations'} counted${left > 0 ? ` (${left} by judges left out)` : ''}`;
}

export function statusCommand(args: string[], io: Io): number {
  try {
    const { file, voices, json } = parseArgs(args);
    // Bounded, regular files only (read.ts): a FIFO or a device is refused, never waited on.
    const bytes = readBytes(file, MAP_OR_FRAMEWORK_FILE);
    const decoded = decodeFile(bytes);
    const format = decoded.ok ? frameworkFormat(file, decoded.text) : (/\.(apx|tgf)$/i.exec(file)?.[1]?.toLowerCase() as 'apx' | 'tgf' | undefined);
    if (format) {
      if (!decoded.ok) throw new CliError(decoded.errors.map((e) => `${shown(file)}: ${e.message}`), 1);
      if (voices) throw new Refusal('argmap status: --voices applies to maps; an abstract framework has no voices.', 2);
      return frameworkStatus(file, decoded.text, format, json, io);
    }
    const result = loadMap(bytes);
    if (!result.ok) throw new CliError(result.errors.map((e) => `${shown(file)}: ${describeIssue(e)}`), 1);
    return mapStatus(file, result.map, voices, json, io);
  } catch (err) {
    if (err instanceof Refusal) {
      say(io.err, err.message);
      return err.code;
    }
    if (err instanceof CliError) {
      for (const line of err.lines) say(io.err, line);
      return err.code;
    }
    say(io.err, `argmap status: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
