// Quote audit: are the evidence quotes anchored in their sources, and does a secondary
// source quote its primary sources faithfully? Findings are for historians, so every
// one carries a plain-English sentence as well as the passage and word diff.

import type { ArgumentMap, Source } from '../model';
import { anchorQuote } from '../text/anchor';
import { alignGlobal, alignWords, countEdits, isSimilarWord } from '../text/align';
import type { WordAlignment, WordOp } from '../text/align';
import { normalizeCached, normalizeForMatch, toOriginal, words, wordsCached } from '../text/normalize';
import type { Normalized, Word } from '../text/normalize';

export type QuoteStatus = 'verbatim' | 'normalized' | 'interpolated' | 'altered' | 'not-found';

export interface AuditFinding {
  kind: 'evidence' | 'quotation';
  quote: string;
  status: QuoteStatus;
  source: string;
  node?: string;
  quotedIn?: { source: string; start: number; end: number };
  passage?: { start: number; end: number; text: string };
  diff?: WordOp[];
  message: string;
}

export interface Quotation {
  /** The inner text, marks excluded. */
  text: string;
  start: number;
  end: number;
}

export interface Classification {
  status: QuoteStatus;
  passage?: { start: number; end: number; text: string };
  diff?: WordOp[];
  message: string;
}

// ---------------------------------------------------------------------------
// Finding quotations

/** Closing marks for each opening mark; „ closes with “ (German) or ” (Polish, Czech). */
const CURLY_CLOSERS: Record<string, string> = { '\u201C': '\u201D', '\u201E': '\u201C\u201D', '\u00AB': '\u00BB' };

/** Is there a blank line starting at the newline at i? Quotations do not cross paragraphs. */
function blankLineAt(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || text[j] === '\u00A0')) j++;
  return text[j] === '\n';
}

export function extractQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  // The mark that opened the quotation in progress; '"' for a straight pair.
  let open: { closers: string; at: number } | null = null;
  const emit = (from: number, to: number): void => {
    if (text.slice(from, to).trim()) out.push({ text: text.slice(from, to), start: from, end: to });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') {
      // A single line break may fall inside a quotation; a blank line ends any unclosed one.
      if (open && blankLineAt(text, i)) open = null;
      continue;
    }
    if (open && open.closers.includes(ch)) {
      emit(open.at + 1, i);
      open = null;
      continue;
    }
    const closers: string | undefined = CURLY_CLOSERS[ch];
    if (closers !== undefined) {
      // A new opening mark before a close: the earlier one was never closed (or opened a
      // multi-paragraph quotation), so the quotation starts here.
      open = { closers, at: i };
    } else if (ch === '"' && !open) {
      open = { closers: '"', at: i };
    }
    // A straight mark inside a curly quotation is an inner mark or inches: ignored.
  }
  return out;
}

// ---------------------------------------------------------------------------
// Classifying one quotation against one source

const LEADING_JUNK = /^(?:\s|\.{3}|\u2026|\[\s*(?:\.{3}|\u2026)\s*\])+/u;
const TRAILING_JUNK = /(?:\s|[.,;:!?\u2026]|\[\s*(?:\.{3}|\u2026)\s*\])+$/u;

/** The quote without surrounding whitespace, terminal punctuation and edge ellipses, which never count as changes. */
function trimQuote(quoted: string): string {
  return quoted.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
}

/** Ellipses and bracketed ellipses mark omissions; other square brackets mark the quoter's insertions. */
const EDITORIAL_MARK = /\[\s*(?:\.{3}|\u2026)\s*\]|\.{3}|\u2026|\[[^\]\n]*\]/gu;
const isOmission = (mark: string): boolean => !mark.startsWith('[') || /^\[\s*(?:\.{3}|\u2026)\s*\]$/u.test(mark);

/** How far apart (in normalised characters) the parts around an ellipsis may stand in the source. */
export const MAX_OMISSION = 800;

/** Edge words looked at when widening an alignment to a related word ("pulled" / "pull"). */
const EDGE_LOOKAROUND = 3;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function joinList(items: string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Is this alignment close enough to call the quote an altered version of the passage? */
function isClose(al: WordAlignment, quoteWordCount: number): boolean {
  const equal = al.ops.filter((o) => o.op === 'equal').length;
  return al.distance <= Math.max(2, 0.4 * quoteWordCount) && equal * 2 >= quoteWordCount;
}

/** The first index of sorted `xs` that is >= x. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

interface Interpolation {
  start: number;
  end: number;
  insertions: string[];
  omissions: number;
}

/**
 * The quote with its editorial marks taken out: the remaining parts must appear in
 * order, directly adjacent across a bracketed insertion and close together across an
 * omission. Matched on the normalised source so spacing and mark styles do not matter.
 */
function findInterpolated(q: string, n: Readonly<Normalized>): Interpolation | null {
  const parts: string[] = [];
  const joins: ('insertion' | 'omission')[] = [];
  const insertions: string[] = [];
  let omissions = 0;
  let pending: 'insertion' | 'omission' | null = null;
  let last = 0;
  const addPart = (raw: string): void => {
    const part = normalizeForMatch(raw).text.trim();
    if (!part) return;
    if (parts.length > 0) joins.push(pending ?? 'insertion');
    parts.push(part);
    pending = null;
  };
  for (const m of q.matchAll(EDITORIAL_MARK)) {
    addPart(q.slice(last, m.index));
    last = m.index + m[0].length;
    if (isOmission(m[0])) {
      omissions++;
      pending = 'omission';
    } else {
      insertions.push(m[0]);
      if (pending === null) pending = 'insertion';
    }
  }
  if (last === 0) return null; // no editorial marks at all
  addPart(q.slice(last));
  if (parts.length === 0) return null;

  // Sorted occurrence lists per part, then a greedy earliest chain from each start:
  // linear scans plus binary searches, never a rescan of the source per candidate.
  const occ = parts.map((p) => occurrences(n.text, p));
  if (occ.some((o) => o.length === 0)) return null;
  for (const first of occ[0] as number[]) {
    let pos = first + (parts[0] as string).length;
    let ok = true;
    for (let k = 1; k < parts.length && ok; k++) {
      const list = occ[k] as number[];
      let next: number;
      if (joins[k - 1] === 'insertion') {
        // Only the space the insertion took out may stand between the parts.
        next = n.text[pos] === ' ' ? pos + 1 : pos;
        ok = list[lowerBound(list, next)] === next;
      } else {
        const found = list[lowerBound(list, pos)];
        ok = found !== undefined && found - pos <= MAX_OMISSION;
        next = found ?? pos;
      }
      if (ok) pos = next + (parts[k] as string).length;
    }
    // map[pos] is where the char after the last part begins, so no trailing space is included.
    if (ok) return { ...toOriginal(n, first, pos), insertions, omissions };
  }
  return null;
}

/** Widen an alignment whose edge quote words found no partner to a nearby related word ("pulled" → "pull China"). */
function widenToRelatedWords(qn: string[], sn: string[], al: WordAlignment): WordAlignment {
  const unpaired = (ops: WordOp[]): string[] => {
    const out: string[] = [];
    for (const o of ops) {
      if (o.op === 'equal') break;
      if (o.quote !== undefined && (o.op === 'insert' || !isSimilarWord(o.quote, o.source ?? ''))) out.push(o.quote);
    }
    return out;
  };
  const lead = unpaired(al.ops);
  const trail = unpaired([...al.ops].reverse());
  let start = al.sourceStart;
  let end = al.sourceEnd;
  for (let j = al.sourceStart - 1; j >= Math.max(0, al.sourceStart - EDGE_LOOKAROUND); j--) {
    if (lead.some((w) => isSimilarWord(w, sn[j] as string))) start = j;
  }
  for (let j = al.sourceEnd; j < Math.min(sn.length, al.sourceEnd + EDGE_LOOKAROUND); j++) {
    if (trail.some((w) => isSimilarWord(w, sn[j] as string))) end = j + 1;
  }
  if (start === al.sourceStart && end === al.sourceEnd) return al;
  const ops = alignGlobal(qn, sn.slice(start, end));
  return { sourceStart: start, sourceEnd: end, distance: countEdits(ops), ops };
}

/** The ops compare lowercased words; give the diff back the words as each text writes them. */
function asWritten(ops: WordOp[], qWords: readonly Word[], sWords: readonly Word[]): WordOp[] {
  let qi = 0;
  let si = 0;
  return ops.map((o) => {
    const out: WordOp = { op: o.op };
    if (o.op !== 'delete') out.quote = qWords[qi++]?.word ?? o.quote;
    if (o.op !== 'insert') out.source = sWords[si++]?.word ?? o.source;
    return out;
  });
}

interface Hunk {
  quote: string;
  source: string;
}

/**
 * Group the changes into readable snippets: each run of edits with one unchanged word
 * either side, runs close enough to share context merged.
 */
function hunks(ops: WordOp[], qText: string, qWords: readonly Word[], sText: string, sWords: readonly Word[]): Hunk[] {
  // Word indices each op touches, in quote and source (window-relative).
  const steps: { op: WordOp['op']; qi: number; si: number }[] = [];
  let qi = 0;
  let si = 0;
  for (const o of ops) {
    steps.push({ op: o.op, qi, si });
    if (o.op !== 'delete') qi++;
    if (o.op !== 'insert') si++;
  }
  const runs: [number, number][] = [];
  for (let k = 0; k < steps.length; k++) {
    if (steps[k]?.op === 'equal') continue;
    const prev = runs[runs.length - 1];
    // Two or fewer unchanged words between runs: their context would touch, so one snippet reads better.
    if (prev && k - prev[1] <= 2) prev[1] = k + 1;
    else runs.push([k, k + 1]);
  }
  const span = (text: string, ws: readonly Word[], from: number, to: number): string => {
    if (to <= from) return '';
    const a = ws[from];
    const b = ws[to - 1];
    return a && b ? collapse(text.slice(a.start, b.end)) : '';
  };
  return runs.map(([a, b]) => {
    const from = Math.max(0, a - 1);
    const to = Math.min(steps.length, b + 1);
    const first = steps[from] as { qi: number; si: number };
    const endStep = to < steps.length ? (steps[to] as { qi: number; si: number }) : { qi, si };
    return {
      quote: span(qText, qWords, first.qi, endStep.qi) || '(nothing)',
      source: span(sText, sWords, first.si, endStep.si) || '(nothing)',
    };
  });
}

/** The differences as two parallel lists of snippets, e.g. `"gain the majority"` and `"gain a majority"`. */
function differences(ops: WordOp[], qText: string, qWords: readonly Word[], sText: string, sWords: readonly Word[]): { source: string; quote: string } {
  const hs = hunks(ops, qText, qWords, sText, sWords);
  const shown = hs.slice(0, 3);
  const more = hs.length > 3 ? ` (${hs.length} differences; the first three shown)` : '';
  return { source: joinList(shown.map((h) => h.source)), quote: joinList(shown.map((h) => h.quote)) + more };
}

const alteredMessage = (name: string, d: { source: string; quote: string }): string => `Altered: ${name} says ${d.source}, the quote ${d.quote}.`;

const nearMissMessage = (name: string, d: { source: string; quote: string }): string =>
  `Not found: the quote is not in ${name} as written; the closest passage says ${d.source} where the quote has ${d.quote}.`;

interface Closest {
  alignment: WordAlignment;
  passage: { start: number; end: number; text: string };
  sWords: readonly Word[];
}

/** The closest passage by word alignment (within the words starting in `within`, if given), if close enough to count as the quote altered. */
function closestPassage(qWords: readonly Word[], sourceText: string, within?: { start: number; end: number }): Closest | null {
  if (qWords.length === 0) return null;
  // A stretch is tokenised on its own: a long text is tokenised (and cached) only when searched whole.
  const all = within
    ? words(sourceText.slice(within.start, within.end)).map((w) => ({ ...w, start: w.start + within.start, end: w.end + within.start }))
    : wordsCached(sourceText);
  const qn = qWords.map((w) => w.norm);
  const sn = all.map((w) => w.norm);
  const core = alignWords(qn, sn);
  const wide = widenToRelatedWords(qn, sn, core);
  const al = wide !== core && isClose(wide, qn.length) ? wide : core;
  if (!isClose(al, qn.length) || al.sourceEnd <= al.sourceStart) return null;
  const first = all[al.sourceStart] as Word;
  const last = all[al.sourceEnd - 1] as Word;
  return {
    alignment: al,
    passage: { start: first.start, end: last.end, text: sourceText.slice(first.start, last.end) },
    sWords: all.slice(al.sourceStart, al.sourceEnd),
  };
}

export interface ClosestPassage {
  start: number;
  end: number;
  text: string;
  /** Words aligned unchanged, as a share of the longer of quote and passage: 1 means the same words. */
  similarity: number;
  /** Word by word, as each text writes its words. */
  diff: WordOp[];
  /** What the passage says where the quote differs, as readable snippets; null when only capitalisation or punctuation differs. */
  differences: { source: string; quote: string } | null;
}

/**
 * The passage of a source that words not found in it most likely come from (searched
 * among the words starting within `within`, if given); null when nothing comes close.
 */
export function closestPassageTo(quoted: string, sourceText: string, within?: { start: number; end: number }): ClosestPassage | null {
  const qWords = words(quoted);
  const close = closestPassage(qWords, sourceText, within);
  if (!close) return null;
  const { alignment, passage, sWords } = close;
  const equal = alignment.ops.filter((o) => o.op === 'equal').length;
  return {
    ...passage,
    similarity: equal / Math.max(qWords.length, sWords.length),
    diff: asWritten(alignment.ops, qWords, sWords),
    differences: alignment.distance === 0 ? null : differences(alignment.ops, quoted, qWords, sourceText, sWords),
  };
}

/**
 * The findings that need no word alignment: verbatim, normalized, interpolated (and a
 * quotation with no words); null when only an alignment can tell altered from not found.
 */
export function classifyWithoutAlignment(quoted: string, sourceText: string, sourceName = 'the source'): Classification | null {
  const q = trimQuote(quoted);
  if (!q) return { status: 'not-found', message: 'Not found: the quotation has no words to look for.' };

  const exactAt = sourceText.indexOf(q);
  if (exactAt !== -1) {
    return {
      status: 'verbatim',
      passage: { start: exactAt, end: exactAt + q.length, text: q },
      message: `Verbatim: the quotation matches ${sourceName} word for word.`,
    };
  }

  const n = normalizeCached(sourceText);
  const nq = normalizeForMatch(q).text;
  const nAt = n.text.indexOf(nq);
  if (nAt !== -1) {
    const { start, end } = toOriginal(n, nAt, nAt + nq.length);
    return {
      status: 'normalized',
      passage: { start, end, text: sourceText.slice(start, end) },
      message: `Normalized: the quotation matches ${sourceName} except for line breaks, spacing or the style of quotation marks and dashes.`,
    };
  }

  const qWords = words(q);
  const interp = findInterpolated(q, n);
  if (interp) {
    const text = sourceText.slice(interp.start, interp.end);
    const pWords = words(text);
    const parts: string[] = [];
    if (interp.insertions.length === 1) parts.push(`the bracketed insertion ${interp.insertions[0]}, which is the quoter's, not the source's`);
    else if (interp.insertions.length > 1) parts.push(`the bracketed insertions ${interp.insertions.join(', ')}, which are the quoter's, not the source's`);
    if (interp.omissions === 1) parts.push('one omission marked with an ellipsis');
    else if (interp.omissions > 1) parts.push(`${interp.omissions} omissions marked with ellipses`);
    return {
      status: 'interpolated',
      passage: { start: interp.start, end: interp.end, text },
      diff: asWritten(
        alignGlobal(
          qWords.map((w) => w.norm),
          pWords.map((w) => w.norm),
        ),
        qWords,
        pWords,
      ),
      message: `Interpolated: the quotation matches ${sourceName} apart from ${parts.join(' and ')}.`,
    };
  }

  return null;
}

export function classifyQuotation(quoted: string, sourceText: string, sourceName = 'the source'): Classification {
  const cheap = classifyWithoutAlignment(quoted, sourceText, sourceName);
  if (cheap) return cheap;
  const q = trimQuote(quoted);
  const qWords = words(q);
  const close = closestPassage(qWords, sourceText);
  if (close) {
    const { alignment, passage, sWords } = close;
    const message =
      alignment.distance === 0
        ? `Altered: ${sourceName} says "${collapse(passage.text)}", the quote "${collapse(q)}": the same words, but capitalisation or punctuation differs.`
        : alteredMessage(sourceName, differences(alignment.ops, q, qWords, sourceText, sWords));
    return { status: 'altered', passage, diff: asWritten(alignment.ops, qWords, sWords), message };
  }

  return { status: 'not-found', message: `Not found: nothing in ${sourceName} comes close to this quotation.` };
}

// ---------------------------------------------------------------------------
// Auditing a map

/** A source as findings name it: its title, else its id. */
export const sourceName = (s: Source): string => s.title.trim() || s.id;

const RANK: Record<QuoteStatus, number> = { verbatim: 0, normalized: 1, interpolated: 2, altered: 3, 'not-found': 4 };

/** Is finding a better than b: a higher status, or an alteration with fewer changed words? */
export function better(a: Classification, b: Classification): boolean {
  if (RANK[a.status] !== RANK[b.status]) return RANK[a.status] < RANK[b.status];
  return a.status === 'altered' && countEdits(a.diff ?? []) < countEdits(b.diff ?? []);
}

export function auditEvidence(map: ArgumentMap): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const node of Object.values(map.nodes)) {
    const quote = node.quote;
    if (!quote) continue;
    const base = { kind: 'evidence' as const, quote: quote.exact, source: quote.source, node: node.id };
    const source = Object.hasOwn(map.sources, quote.source) ? map.sources[quote.source] : undefined;
    if (!source) {
      out.push({ ...base, status: 'not-found', message: `Not found: the quote cites the source "${quote.source}", which is not in this map.` });
      continue;
    }
    const name = sourceName(source);
    const anchor = anchorQuote(source.text, quote);
    if (anchor) {
      const passage = { start: anchor.start, end: anchor.end, text: source.text.slice(anchor.start, anchor.end) };
      out.push(
        anchor.match === 'exact'
          ? { ...base, status: 'verbatim', passage, message: `Verbatim: the quote is found word for word in ${name}.` }
          : {
              ...base,
              status: 'normalized',
              passage,
              message: `Normalized: the quote is found in ${name}, differing only in line breaks, spacing or the style of quotation marks and dashes.`,
            },
      );
      continue;
    }
    // Evidence must be anchored, so a close passage is shown but the status stays not-found.
    const close = closestPassageTo(quote.exact, source.text);
    if (close) {
      out.push({
        ...base,
        status: 'not-found',
        passage: { start: close.start, end: close.end, text: close.text },
        diff: close.diff,
        message:
          close.differences === null
            ? `Not found: ${name} has these words only with different capitalisation or punctuation: "${collapse(close.text)}".`
            : nearMissMessage(name, close.differences),
      });
    } else {
      out.push({ ...base, status: 'not-found', message: `Not found: the quote does not appear in ${name}, not even approximately.` });
    }
  }
  return out;
}

/** A quotation checked against each source it may come from: the best finding (verbatim first). */
export function classifyAgainst(quoted: string, sources: readonly Source[]): { source: Source; result: Classification } | null {
  let best: { source: Source; result: Classification } | null = null;
  for (const primary of sources) {
    const result = classifyQuotation(quoted, primary.text, sourceName(primary));
    if (!best || better(result, best.result)) best = { source: primary, result };
    if (result.status === 'verbatim') break;
  }
  return best;
}

export function auditSourceQuotations(map: ArgumentMap): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const secondary of Object.values(map.sources)) {
    const declared = secondary.quotes ?? [];
    if (declared.length === 0) continue;
    const checked = declared.filter((id) => Object.hasOwn(map.sources, id)).map((id) => map.sources[id] as Source);
    for (const q of extractQuotations(secondary.text)) {
      const base = { kind: 'quotation' as const, quote: q.text, quotedIn: { source: secondary.id, start: q.start, end: q.end } };
      if (checked.length === 0) {
        const ids = declared.map((id) => `"${id}"`).join(', ');
        out.push({
          ...base,
          status: 'not-found',
          source: declared[0] as string,
          message: `Not found: ${sourceName(secondary)} declares it quotes ${ids}, but ${declared.length === 1 ? 'that source is' : 'those sources are'} not in this map.`,
        });
        continue;
      }
      const best = classifyAgainst(q.text, checked);
      if (!best) continue;
      const { status, passage, diff, message } = best.result;
      out.push({
        ...base,
        status,
        source: best.source.id,
        ...(passage ? { passage } : {}),
        ...(diff ? { diff } : {}),
        message,
      });
    }
  }
  return out;
}

export function auditMap(map: ArgumentMap): AuditFinding[] {
  return [...auditEvidence(map), ...auditSourceQuotations(map)];
}
