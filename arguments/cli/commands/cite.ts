// `argmap cite MAP [--style chicago-note|chicago-bib] [--all] [--json]`: Chicago footnotes for
// every node that quotes a source, in the order the argument reads (reading-order.ts): the
// first note of a source in full, later ones short, each with the page or folio its quote
// stands on; or the bibliography of the quoted sources. Rendered by the app's citation
// processor (citeproc-rs, loaded only here).
import { toCsl } from '../../cite/csl';
import { locatorFor, type Locator } from '../../cite/locator';
import { CiteError, type CiteProcessor } from '../../cite/processor';
import type { Id, Source } from '../../model';
import { anchorQuote } from '../../text/anchor';
import { CliError, say, type Io } from '../io';
import { plural, readMap } from '../maps';
import { parseOptions, positional } from '../options';
import { quote, shown } from '../quote';
import { readingOrder } from '../reading-order';
import { COMMAND_USAGE } from './usage';

export const CITE_STYLES = ['chicago-note', 'chicago-bib'] as const;
export type CiteStyle = (typeof CITE_STYLES)[number];

export interface CitedNote {
  node: Id;
  source: Id;
  text: string;
}

export interface BibliographyEntry {
  source: Id;
  text: string;
}

interface Cite {
  node: Id;
  source: Source;
  locator: Locator | null;
}

/** Renders the notes and the bibliography with one processor; disposes it. */
async function render(cites: readonly Cite[], bibSources: readonly Source[], want: { notes: boolean; bibliography: boolean }): Promise<{ notes: CitedNote[]; bibliography: BibliographyEntry[] }> {
  const { nodeCiteProcessor } = await import('../citeproc-node');
  let processor: CiteProcessor;
  try {
    processor = await nodeCiteProcessor();
  } catch (err) {
    throw new CliError(`argmap cite: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const cited = [...new Map(cites.map((c) => [c.source.id, c.source])).values()];
    const rendered = want.notes && cites.length > 0 ? processor.notes(cited.map((s) => toCsl(s)), cites.map((c) => ({ id: c.source.id, ...(c.locator ? { locator: c.locator } : {}) })), 'full') : [];
    const notes = rendered.map((n, k) => ({ node: cites[k]!.node, source: cites[k]!.source.id, text: n.plain }));
    const bibliography = want.bibliography && bibSources.length > 0 ? processor.bibliography(bibSources.map((s) => toCsl(s))).map((e) => ({ source: e.id, text: e.plain })) : [];
    return { notes, bibliography };
  } catch (err) {
    if (err instanceof CiteError) throw new CliError(`argmap cite: ${err.message}`, 1);
    throw err;
  } finally {
    processor.dispose();
  }
}

export async function run(rest: string[], io: Io): Promise<number> {
  const spec = { command: 'cite', valued: ['style'], flags: ['json', 'all'], usage: COMMAND_USAGE.cite } as const;
  const parsed = parseOptions(rest, spec);
  const [file] = positional(parsed, ['MAP'], spec) as [string];
  const style = parsed.values.get('style') ?? 'chicago-note';
  if (!(CITE_STYLES as readonly string[]).includes(style)) throw new CliError(`argmap cite: --style must be one of ${CITE_STYLES.join(', ')} (got ${quote(style)}).`);
  const json = parsed.flags.has('json');
  const map = readMap(file);

  const cites: Cite[] = [];
  for (const id of readingOrder(map)) {
    const q = map.nodes[id]!.quote;
    if (!q || !Object.hasOwn(map.sources, q.source)) continue;
    const source = map.sources[q.source]!;
    if (!anchorQuote(source.text, q)) say(io.err, `${shown(file)}: the quote of ${quote(id)} is not in ${quote(source.id)}, so its note gives no page or folio; argmap audit shows the closest passage.`);
    cites.push({ node: id, source, locator: locatorFor(source, q) });
  }
  const quoted = new Set(cites.map((c) => c.source.id));
  const bibSources = Object.values(map.sources).filter((s) => parsed.flags.has('all') || quoted.has(s.id));
  const want = { notes: json || style === 'chicago-note', bibliography: json || style === 'chicago-bib' };
  const { notes, bibliography } = await render(cites, bibSources, want);

  if (json) {
    io.out(JSON.stringify({ notes, bibliography }, null, 2));
    return 0;
  }
  if (style === 'chicago-note') {
    if (notes.length === 0) {
      say(io.out, `${shown(file)}: no node quotes a source, so there are no notes.`);
      return 0;
    }
    const width = Math.max(...notes.map((n) => n.node.length));
    notes.forEach((n, k) => say(io.out, `${n.node.padEnd(width)}  ${k + 1}. ${n.text}`));
    io.out('');
    say(io.out, `${plural(notes.length, 'note')} citing ${plural(quoted.size, 'source')}, in reading order (each thesis, then what bears on it)`);
    return 0;
  }
  if (bibliography.length === 0) {
    say(io.out, `${shown(file)}: ${parsed.flags.has('all') ? 'the map has no sources' : 'no node quotes a source (--all lists every source)'}, so the bibliography is empty.`);
    return 0;
  }
  for (const e of bibliography) say(io.out, e.text);
  io.out('');
  say(io.out, `${plural(bibliography.length, 'entry', 'entries')}: ${parsed.flags.has('all') ? 'every source of the map' : 'the sources quoted in the map'}`);
  return 0;
}
