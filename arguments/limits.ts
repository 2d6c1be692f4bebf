// How large a map and what it holds may be. Every limit is one rule, stated here once: the
// loader's schema refuses a file past it and the operations refuse an edit past it, with the
// same constant and the same sentence, so the editor can never make a map that would not
// open again — and every map that opens can be saved, exported and drawn (no coordinate that
// loses its precision, no string a regular expression cannot scan, no nesting that overflows
// a recursive writer).
import type { FigureFormat } from './export/figure';
import { formatBytes, type PathSegment } from './format/errors';

/** Larger map files are refused before they are parsed: a map with a book-length source is a few MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

// ----- sources (the intake reads files against these) -----------------------------------------

/** The largest file read as a source (32 MiB); larger ones are refused before they are read. */
export const MAX_SOURCE_FILE_BYTES = 32 * 1024 * 1024;
/** The longest text a source may hold, in UTF-16 code units (8 Mi: some 4,000 book pages). */
export const MAX_SOURCE_TEXT_LENGTH = 8 * 1024 * 1024;
/** PDFs with more pages are refused before their text is read. */
export const MAX_PDF_PAGES = 20_000;

// ----- figures -------------------------------------------------------------------------------

/**
 * The largest figure (SVG, PNG or PDF) Argument Atlas writes or reads: the CLI refuses to
 * export a larger one and to import or validate one, and the desktop shell refuses to save a
 * larger export. 200 MiB: the desktop app hands an export to its main process in one IPC
 * message, and Chromium refuses messages over 256 MiB; a figure of the largest map (32 MiB,
 * carried inside, its text drawn again) stays far below it, so only a raster at a DPI no
 * printer needs comes near.
 */
export const MAX_FIGURE_BYTES = 200 * 1024 * 1024;

const SMALLER_FIGURE = {
  svg: 'export a part of the map (a claim and what bears on it), or PDF',
  png: 'choose a lower DPI, or export SVG or PDF',
  pdf: 'export a part of the map (a claim and what bears on it)',
} satisfies Record<FigureFormat, string>;

/** Null when a figure of `bytes` may be written; else the sentence saying what to do instead. */
export function figureSizeProblem(bytes: number, format: FigureFormat): string | null {
  if (bytes <= MAX_FIGURE_BYTES) return null;
  return `This figure would be ${formatBytes(bytes)}, larger than the ${formatBytes(MAX_FIGURE_BYTES)} Argument Atlas can open again; ${SMALLER_FIGURE[format]}.`;
}

// ----- strings -------------------------------------------------------------------------------

/** A node's statement, a map's description, a quoted passage (some 50 pages). */
export const MAX_TEXT_LENGTH = 100_000;
/** Titles: of a node, a source, the map (a label, though a book's title with its subtitle can run long). */
export const MAX_TITLE_LENGTH = 10_000;
/** Every other named field: a voice, an author, an archival reference, a file name… */
export const MAX_FIELD_LENGTH = 10_000;

export interface StringLimit {
  max: number;
  /** What is limited, as the sentence names it: "a node's text". */
  what: string;
}

export const STRING_LIMITS = {
  sourceText: { max: MAX_SOURCE_TEXT_LENGTH, what: "a source's text" },
  nodeText: { max: MAX_TEXT_LENGTH, what: "a node's text" },
  description: { max: MAX_TEXT_LENGTH, what: "a map's description" },
  quote: { max: MAX_TEXT_LENGTH, what: 'a quoted passage' },
  title: { max: MAX_TITLE_LENGTH, what: 'a title' },
  reason: { max: MAX_TEXT_LENGTH, what: "an evaluation's reason" },
  comment: { max: MAX_TEXT_LENGTH, what: 'a comment' },
  field: { max: MAX_FIELD_LENGTH, what: 'this field' },
  // Strings of fields this version does not know, and the keys of any object: no longer than a file can hold.
  any: { max: MAX_FILE_BYTES, what: 'a text in a map' },
} as const satisfies Record<string, StringLimit>;

const count = (n: number) => n.toLocaleString('en-US');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The sentence for a string of `length` past `limit` (the schema's and the operations' refusal). */
export function lengthMessage(limit: StringLimit, length: number): string {
  return `${capital(limit.what)} can be at most ${count(limit.max)} characters long, and this one has ${count(length)}. Shorten it, or split it.`;
}

export function lengthProblem(limit: StringLimit, text: string): string | null {
  return text.length > limit.max ? lengthMessage(limit, text.length) : null;
}

// ----- positions -------------------------------------------------------------------------------

/**
 * Positions on the canvas are at most ten million px from the origin either way: far beyond
 * any arrangement (ten thousand nodes side by side span three million), and far from where
 * adding a node's width stops changing a number (2^53).
 */
export const MAX_COORDINATE = 10_000_000;

export function coordinateMessage(value: number): string {
  return `A position must be within ${count(MAX_COORDINATE)} px of the origin either way, and this one is ${Math.abs(value) < 1e15 ? count(value) : String(value)}. Move the node nearer the rest of the map.`;
}

export function coordinateProblem(value: number): string | null {
  return Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE ? null : coordinateMessage(value);
}

// ----- counts ----------------------------------------------------------------------------------

export const MAX_NODES = 20_000;
export const MAX_RELATIONS = 40_000;
export const MAX_SOURCES = 10_000;
/** Several judges may judge every node and relation. */
export const MAX_EVALUATIONS = 100_000;
export const MAX_THREADS = 20_000;
/** The messages of one comment thread. */
export const MAX_MESSAGES = 10_000;

export type Collection = 'nodes' | 'relations' | 'sources' | 'evaluations' | 'threads';
export const COUNT_LIMITS = {
  nodes: MAX_NODES,
  relations: MAX_RELATIONS,
  sources: MAX_SOURCES,
  evaluations: MAX_EVALUATIONS,
  threads: MAX_THREADS,
} as const satisfies Record<Collection, number>;

/** What the sentences call each collection. */
export const COLLECTION_WORDS = {
  nodes: 'nodes',
  relations: 'relations',
  sources: 'sources',
  evaluations: 'evaluations',
  threads: 'comment threads',
} as const satisfies Record<Collection, string>;

export function countMessage(what: Collection, n: number): string {
  return `A map can have at most ${count(COUNT_LIMITS[what])} ${COLLECTION_WORDS[what]}, and this one would have ${count(n)}. Split the map into several.`;
}

export function messagesMessage(n: number): string {
  return `A comment thread can hold at most ${count(MAX_MESSAGES)} messages, and this one would have ${count(n)}. Start a new thread.`;
}

export function countProblem(what: Collection, n: number): string | null {
  return n > COUNT_LIMITS[what] ? countMessage(what, n) : null;
}

// ----- any value -------------------------------------------------------------------------------

/**
 * How deeply objects and lists may nest, counted from the file itself (depth 1): the map's own
 * structure needs 7 (an imported record's date parts); fields of a later version get the rest.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * A key that JavaScript objects cannot keep as data: copying, undoing or validating an object
 * turns it into the object's prototype, so the field would be lost on the way.
 */
export const RESERVED_KEY = '__proto__';

export type ValueProblemKind = 'too-deep' | 'reserved-key' | 'too-long';

export interface ValueProblem {
  kind: ValueProblemKind;
  /** Where, from the file's root. */
  path: PathSegment[];
  message: string;
}

/**
 * The first thing in `value` (a parsed file, or a record about to enter a map at `at`) that
 * breaks the rules every value follows, whatever its field: nested at most MAX_NESTING_DEPTH
 * deep, no "__proto__" key, no string or key longer than the longest source text. Iterative,
 * so a value nested a million deep is reported, not a stack overflow.
 */
export function valueProblem(value: unknown, at: readonly PathSegment[] = []): ValueProblem | null {
  // Each entry keeps its parent and key, not its path: the path is spelled out only for a problem.
  interface Entry { value: unknown; depth: number; parent: Entry | null; key: PathSegment | null }
  const pathOf = (e: Entry | null, key?: PathSegment): PathSegment[] => {
    const out: PathSegment[] = key === undefined ? [] : [key];
    for (let p = e; p && p.key !== null; p = p.parent) out.push(p.key);
    return [...at, ...out.reverse()];
  };
  // A child that can break no rule (a number, a short string) is not stacked: the first problem
  // found is the same, and a 10,000-node map allocates a tenth of the entries.
  const max = STRING_LIMITS.any.max;
  const mayBreak = (c: unknown) => (c !== null && typeof c === 'object') || (typeof c === 'string' && c.length > max);
  const stack: Entry[] = [{ value, depth: at.length, parent: null, key: null }];
  while (stack.length > 0) {
    const e = stack.pop()!;
    const v = e.value;
    if (typeof v === 'string') {
      if (v.length > STRING_LIMITS.any.max) return { kind: 'too-long', path: pathOf(e), message: lengthMessage(STRING_LIMITS.any, v.length) };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    // The file itself is at depth 1, the objects in its fields at 2, …
    if (e.depth + 1 > MAX_NESTING_DEPTH)
      return { kind: 'too-deep', path: pathOf(e), message: `Objects and lists can be nested at most ${MAX_NESTING_DEPTH} deep in a map, and this one is deeper. Flatten the field.` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (mayBreak(v[i])) stack.push({ value: v[i], depth: e.depth + 1, parent: e, key: i });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (k === RESERVED_KEY)
        return { kind: 'reserved-key', path: pathOf(e, k), message: `A field cannot be named "${RESERVED_KEY}": JavaScript objects cannot keep it as data, so it would be lost. Rename the field.` };
      if (k.length > max) return { kind: 'too-long', path: pathOf(e), message: lengthMessage(STRING_LIMITS.any, k.length) };
      const c = (v as Record<string, unknown>)[k];
      if (mayBreak(c)) stack.push({ value: c, depth: e.depth + 1, parent: e, key: k });
    }
  }
  return null;
}
