// Replacing a source's text and attaching pasted passages, on a 1 MB primary source quoted
// by 200 evidence nodes and 60 quotations of a monograph (bench/generate.ts, seed as the other
// figures). The report is computed before the user confirms, so it must be quick; the
// replacement reuses it. Rows for the table (bench/results.ts), measured in this process
// after one warm-up run.
//
//   npx tsx bench/reanchor.ts            prints the rows
import { pathToFileURL } from 'node:url';
import { commit, createHistory } from '../arguments/history';
import type { ArgumentMap, Id } from '../arguments/model';
import { locatePassage, quotingNodes, reanchorReport, replaceSourceText, type ReanchorReport } from '../arguments/operations';
import { DEFAULT_SEED, generateMap, prng } from './generate';
import { atMost, markdownTable, type Figure } from './results';

export interface ReanchorPlan {
  reps?: number;
  warmup?: boolean;
  sourceBytes?: number;
  quotes?: number;
  corrections?: number;
  log?: (line: string) => void;
}

const SOURCE: Id = 'protocols';

/** The generated map with exactly `quotes` nodes quoting the big source (the rest lose their quotes). */
function benchMap(sourceBytes: number, quotes: number): ArgumentMap {
  const map = generateMap(Math.max(1500, quotes * 3), DEFAULT_SEED, sourceBytes);
  const quoting = quotingNodes(map, SOURCE);
  if (quoting.length < quotes) throw new Error(`the generated map quotes ${SOURCE} ${quoting.length} times, fewer than ${quotes}`);
  const nodes = { ...map.nodes };
  for (const id of quoting.slice(quotes)) {
    const { quote: _dropped, ...rest } = nodes[id]!;
    nodes[id] = rest;
  }
  return { ...map, nodes };
}

/**
 * A corrected transcription: `count` corrections at random places (a word replaced,
 * inserted or deleted; some fall inside quoted passages) and a run of paragraphs moved.
 */
function corrected(text: string, count: number): string {
  const random = prng(DEFAULT_SEED ^ 0xc0de);
  let out = text;
  for (let i = 0; i < count; i++) {
    const at = out.indexOf(' ', Math.floor(random() * out.length));
    if (at < 0) continue;
    const next = out.indexOf(' ', at + 1);
    const roll = random();
    if (roll < 0.4 && next > at) out = `${out.slice(0, at + 1)}emended${out.slice(next)}`;
    else if (roll < 0.7) out = `${out.slice(0, at)} [illegible]${out.slice(at)}`;
    else if (next > at) out = out.slice(0, at) + out.slice(next);
  }
  // Move a run of paragraphs (about 5 % of the text) from the first third to the end.
  const from = out.indexOf('\n\n', Math.floor(out.length / 3));
  const to = out.indexOf('\n\n', from + Math.floor(out.length / 20));
  if (from > 0 && to > from) out = out.slice(0, from) + out.slice(to) + out.slice(from, to);
  return out;
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

export function benchReanchor(plan: ReanchorPlan = {}): Figure[] {
  const { reps = 5, warmup = true, sourceBytes = 1_000_000, quotes = 200, corrections = 100, log = () => {} } = plan;
  const n = reps + (warmup ? 1 : 0);
  const keep = (xs: number[]) => (warmup ? xs.slice(1) : xs);
  const map = benchMap(sourceBytes, quotes);
  const source = map.sources[SOURCE]!;
  const fixed = corrected(source.text, corrections);
  // Another document altogether: every quote is lost and looked for.
  const other = map.sources.correspondence!.text.repeat(Math.ceil(source.text.length / map.sources.correspondence!.text.length));
  const mb = `${(source.text.length / 1e6).toFixed(1)} MB`;

  const reportMs: number[] = [];
  const replaceMs: number[] = [];
  const rewriteMs: number[] = [];
  const verbatimMs: number[] = [];
  const misquoteMs: number[] = [];
  let report: ReanchorReport | null = null;
  for (let i = 0; i < n; i++) {
    const [r, t] = timed(() => reanchorReport(map, SOURCE, fixed));
    report = r;
    reportMs.push(t);
    const [done, tc] = timed(() => commit(createHistory(map), replaceSourceText(SOURCE, fixed, r)));
    if (!done.ok) throw new Error(done.reason);
    replaceMs.push(tc);
    rewriteMs.push(timed(() => reanchorReport(map, SOURCE, other))[1]);
  }
  // A sentence from the last tenth of the source, pasted as is and with one word changed.
  const start = source.text.indexOf('. ', Math.floor(source.text.length * 0.9)) + 2;
  const passage = source.text.slice(start, source.text.indexOf('.', start + 40) + 1);
  const misquote = passage.replace(/\b(the|and|of)\b/, 'a certain');
  for (let i = 0; i < n; i++) {
    const [found, tv] = timed(() => locatePassage(source, passage));
    if (!found.ok) throw new Error(`the pasted passage was not found: ${found.reason}`);
    verbatimMs.push(tv);
    const [refused, tm] = timed(() => locatePassage(source, misquote));
    if (refused.ok) throw new Error('the misquoted passage was accepted');
    misquoteMs.push(tm);
  }
  const c = report!.counts;
  log(`  re-anchor ${mb}, ${quotes} quotes, ${corrections} corrections: ${c.found} found, ${c.moved} moved, ${c.lost} lost; ${report!.quotations?.length ?? '?'} quotations change`);
  const base = { size: null, unit: 'ms' as const, baseline: null };
  return [
    { ...base, key: 'node.reanchor.report', label: `Re-anchor report (${mb} source, ${quotes} quotes, ${corrections} corrections)`, app: keep(reportMs), goal: atMost(500, '≤ 500 ms (shown before the user confirms)') },
    { ...base, key: 'node.reanchor.replace', label: 'Replace the text with that report (commit one step)', app: keep(replaceMs) },
    { ...base, key: 'node.reanchor.rewrite', label: `Re-anchor report, text replaced by another document (${quotes} quotes lost)`, app: keep(rewriteMs) },
    { ...base, key: 'node.locate.verbatim', label: `Attach a pasted passage (${mb} source, found)`, app: keep(verbatimMs) },
    { ...base, key: 'node.locate.misquote', label: `Attach a misquoted passage (${mb} source, refused with the closest passage)`, app: keep(misquoteMs) },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = benchReanchor({ log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`${markdownTable(figures)}\n`);
}
