// Find: a phrase in the nodes (title, text, quote, voice) and in the sources' full texts,
// ignoring case, accents and typographic variants (’ and ', – and -, runs of spaces), with
// every match given as offsets into the original, unchanged text. The folded copies are
// cached per node and per source object (immer keeps unchanged ones), so typing a query
// refolds nothing on a 10,000-node map.
// Pure: no DOM, no React.
import type { ArgNode, ArgumentMap, Id, Source } from '../model';

export interface Folded {
  text: string;
  /** For folded character k: the [start, end) of the original characters it comes from. */
  starts: Int32Array;
  ends: Int32Array;
}

const TYPOGRAPHIC: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2039': "'", '\u203A': "'", '\u02BC': "'", '`': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};
const MARKS = /\p{M}/gu;
const SPACE = /\s/u;
const foldedChar = new Map<string, string>();

/** One character as find compares it: compatibility-decomposed, without marks, lower case. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch === '`' ? "'" : ch;
  let f = foldedChar.get(ch);
  if (f === undefined) {
    f = TYPOGRAPHIC[ch] ?? ch.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFKD').replace(MARKS, '');
    foldedChar.set(ch, f);
  }
  return f;
}

const ASCII_FOLD = Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : c === 96 ? "'" : String.fromCharCode(c)));
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** `text` folded for comparison, each folded character mapped back to the original. */
export function fold(text: string): Folded {
  // Typed arrays, grown when a character folds to several: no boxed numbers for a 300 KB source.
  let starts = new Int32Array(text.length + 8);
  let ends = new Int32Array(text.length + 8);
  let n = 0;
  const room = (more: number) => {
    if (n + more <= starts.length) return;
    const size = Math.max(starts.length * 2, n + more);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    s2.set(starts);
    e2.set(ends);
    starts = s2;
    ends = e2;
  };
  const parts: string[] = [];
  let run = '';
  let spaceAt = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (isAsciiSpace(code)) {
        // A run of whitespace is one space, standing for the whole run.
        if (spaceAt >= 0) ends[spaceAt] = i + 1;
        else {
          room(1);
          spaceAt = n;
          run += ' ';
          starts[n] = i;
          ends[n++] = i + 1;
        }
      } else {
        spaceAt = -1;
        room(1);
        run += ASCII_FOLD[code]!;
        starts[n] = i;
        ends[n++] = i + 1;
      }
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const ch = width === 2 ? text.slice(i, i + 2) : text[i]!;
      if (SPACE.test(ch)) {
        if (spaceAt >= 0) ends[spaceAt] = i + width;
        else {
          room(1);
          spaceAt = n;
          run += ' ';
          starts[n] = i;
          ends[n++] = i + width;
        }
      } else {
        spaceAt = -1;
        const f = foldChar(ch);
        room(f.length);
        for (let k = 0; k < f.length; k++) {
          starts[n] = i;
          ends[n++] = i + width;
        }
        run += f;
      }
      i += width;
    }
    if (run.length >= 4096) {
      parts.push(run);
      run = '';
    }
  }
  parts.push(run);
  return { text: parts.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The query as it is compared: folded, with leading and trailing spaces dropped. */
export function foldQuery(query: string): string {
  return fold(query).text.trim();
}

export interface TextRange {
  start: number;
  end: number;
}

/** Every occurrence of the folded query `q` in `f`, as original offsets, at most `limit`. */
function occurrences(f: Folded, q: string, limit: number): TextRange[] {
  const out: TextRange[] = [];
  if (q === '') return out;
  for (let at = f.text.indexOf(q); at >= 0 && out.length < limit; at = f.text.indexOf(q, at + q.length)) {
    out.push({ start: f.starts[at]!, end: f.ends[at + q.length - 1]! });
  }
  return out;
}

function countIn(f: Folded, q: string): number {
  let n = 0;
  for (let at = f.text.indexOf(q); at >= 0; at = f.text.indexOf(q, at + q.length)) n++;
  return n;
}

// Folded copies, cached by the object they were made from (a changed node or source is a new object).
const nodeFolds = new WeakMap<ArgNode, NodeFolds>();
const sourceFolds = new WeakMap<Source, Folded>();
const textFolds = new Map<string, Folded>();

export type FindField = 'title' | 'text' | 'quote' | 'voice';
export const FIND_FIELDS = ['title', 'text', 'quote', 'voice'] as const satisfies readonly FindField[];
type NodeFolds = Record<FindField, Folded | null>;

function foldsOf(node: ArgNode): NodeFolds {
  let f = nodeFolds.get(node);
  if (!f) {
    f = {
      title: node.title ? fold(node.title) : null,
      text: node.text ? fold(node.text) : null,
      quote: node.quote?.exact ? fold(node.quote.exact) : null,
      voice: node.voice ? fold(node.voice) : null,
    };
    nodeFolds.set(node, f);
  }
  return f;
}

function foldedSource(source: Source): Folded {
  let f = sourceFolds.get(source);
  if (!f) {
    f = fold(source.text);
    sourceFolds.set(source, f);
  }
  return f;
}

/** Every occurrence of `query` in a text (the sources pane marks them), at most `limit`. */
export function findInText(text: string, query: string, limit = 2000): TextRange[] {
  const q = foldQuery(query);
  if (q === '') return [];
  let f = textFolds.get(text);
  if (!f) {
    f = fold(text);
    // A few texts are enough: the open source and the one before it.
    if (textFolds.size >= 4) textFolds.delete(textFolds.keys().next().value!);
    textFolds.set(text, f);
  }
  return occurrences(f, q, limit);
}

export interface NodeMatch {
  kind: 'node';
  node: Id;
  /** The first field matched (title, text, quote, voice, in that order) and where. */
  field: FindField;
  start: number;
  end: number;
  /** Occurrences in all of the node's fields. */
  count: number;
}

export interface PassageMatch {
  kind: 'passage';
  source: Id;
  start: number;
  end: number;
  /** Up to `context` characters either side, cut at word boundaries where there is one. */
  before: string;
  after: string;
}

export type FindMatch = NodeMatch | PassageMatch;

export interface FindResults {
  /** Nodes first (in `order`), then the passages of each source in text order. */
  matches: FindMatch[];
  /** Every passage found, including those left out of `matches` past the limit. */
  passageCount: number;
  nodeCount: number;
}

export interface FindOptions {
  /** The order nodes are listed in (the outline's reading order); nodes not in it follow in map order. */
  order?: readonly Id[];
  /** At most this many passages are listed (all are counted). */
  passageLimit?: number;
  context?: number;
}

/** Up to `context` characters either side of [start, end), cut at word boundaries where there is one, spaces flattened. */
export function around(text: string, start: number, end: number, context = 40): { before: string; after: string } {
  let b = Math.max(0, start - context);
  let a = Math.min(text.length, end + context);
  if (b > 0) {
    const space = text.indexOf(' ', b);
    if (space >= 0 && space < start) b = space + 1;
  }
  if (a < text.length) {
    const space = text.lastIndexOf(' ', a);
    if (space > end) a = space;
  }
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return { before: (b > 0 ? '…' : '') + flat(text.slice(b, start)), after: flat(text.slice(end, a)) + (a < text.length ? '…' : '') };
}

/** Finds `query` across the map; an empty query (or one of spaces) finds nothing. */
export function findInMap(map: ArgumentMap, query: string, options: FindOptions = {}): FindResults {
  const q = foldQuery(query);
  const none: FindResults = { matches: [], passageCount: 0, nodeCount: 0 };
  if (q === '') return none;
  const { passageLimit = 500, context = 40 } = options;

  const ordered: Id[] = [];
  const seen = new Set<Id>();
  for (const id of options.order ?? [])
    if (Object.hasOwn(map.nodes, id) && !seen.has(id)) {
      seen.add(id);
      ordered.push(id);
    }
  for (const id of Object.keys(map.nodes)) if (!seen.has(id)) ordered.push(id);

  const matches: FindMatch[] = [];
  for (const id of ordered) {
    const folds = foldsOf(map.nodes[id]!);
    let first: NodeMatch | null = null;
    let count = 0;
    for (const field of FIND_FIELDS) {
      const f = folds[field];
      if (!f) continue;
      const n = countIn(f, q);
      if (n === 0) continue;
      count += n;
      if (!first) {
        const [hit] = occurrences(f, q, 1);
        first = { kind: 'node', node: id, field, start: hit!.start, end: hit!.end, count: 0 };
      }
    }
    if (first) matches.push({ ...first, count });
  }
  const nodeCount = matches.length;

  let passageCount = 0;
  for (const source of Object.values(map.sources)) {
    if (source.text === '') continue;
    const f = foldedSource(source);
    const room = Math.max(0, passageLimit - (matches.length - nodeCount));
    for (const hit of occurrences(f, q, room)) matches.push({ kind: 'passage', source: source.id, ...hit, ...around(source.text, hit.start, hit.end, context) });
    passageCount += countIn(f, q);
  }
  return { matches, passageCount, nodeCount };
}
