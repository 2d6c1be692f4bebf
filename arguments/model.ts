// The argument domain: plain typed objects, relations by id, no I/O.
// In memory every collection is a record keyed by id, so operations find things in O(1)
// and immer patches stay small (a deletion is one patch, not a shifted array).
// The file format (format/) stores the same objects as arrays; restore.ts converts.
//
// Fields this version does not know are kept on the objects themselves: operations
// only ever spread or patch objects, never rebuild them field by field.
import type { SavedEvaluation } from './analysis/evaluation';

export const NODE_KINDS = ['thesis', 'claim', 'premise', 'evidence', 'counter', 'rebuttal', 'note'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATION_KINDS = ['supports', 'opposes', 'qualifies', 'undercuts'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Voices in use in the shipped map; any other short name is allowed (critique layers come later). */
export const KNOWN_VOICES = ['analyst', 'critic', 'translator', 'editor', 'student', 'instructor'] as const;

export type Id = string;

/** Nodes, relations and sources share one namespace of ids; ids start with a letter. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/;

/**
 * A passage of a source, anchored like a W3C Web Annotation TextQuoteSelector
 * (exact + prefix + suffix) with a TextPositionSelector-style hint (`start`, in
 * UTF-16 code units into the source text). The quote is the truth; `start` only
 * helps choose between repeated passages and speeds up finding it.
 */
export interface Quote {
  source: Id;
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
}

export interface ArgNode {
  id: Id;
  kind: NodeKind;
  /** The statement, in the voice's own words (for evidence: what the quote shows). */
  text: string;
  /** A short label such as "Claim 1". */
  title?: string;
  /** Who says it: "analyst", "critic", "translator", … */
  voice?: string;
  /**
   * Evidence quotes the passage it rests on; a thesis or claim may quote the passage of
   * a secondary source where it is stated. Every quote is audited against its source.
   */
  quote?: Quote;
}

/**
 * One inference or attack. `from` lists the premises: two or more make a linked
 * argument (co-premises that support only together: one group, one inference).
 * `to` names a node, or for `undercuts` a relation (the inference it attacks).
 */
export interface Relation {
  id: Id;
  kind: RelationKind;
  from: Id[];
  to: Id;
  voice?: string;
}

export interface ArchivalCitation {
  /** The citation exactly as the document prints it, typos included. */
  asGiven: string;
  /** Archive abbreviation, e.g. "RGASPI". */
  archive: string;
  /** The archive's full name. */
  archiveName?: string;
  fond?: string;
  opis?: string;
  delo?: string;
  listy?: string;
  /** Page(s) in a published edition of the document, e.g. "71–72". */
  page?: string;
  /** Free fields for what the hierarchy above does not cover (e.g. "note"). */
  fields?: Record<string, string>;
}

export const SOURCE_ROLES = ['primary', 'secondary'] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

/** How a source's text came in: typed or pasted, or extracted from a file. */
export const TRANSCRIPTION_METHODS = ['pasted', 'text-file', 'pdf-text', 'docx-text', 'html-text'] as const;
export type TranscriptionMethod = (typeof TRANSCRIPTION_METHODS)[number];

export const TRANSCRIPTION_METHOD_LABELS = {
  pasted: 'Pasted or typed',
  'text-file': 'Text file',
  'pdf-text': 'Text extracted from a PDF',
  'docx-text': 'Text extracted from a Word document',
  'html-text': 'Text of a web page',
} satisfies Record<TranscriptionMethod, string>;

export interface Transcription {
  method: TranscriptionMethod;
  /** The file name the text came from. */
  file?: string;
  /** The historian has checked the extracted text against the original. */
  checked?: boolean;
}

export interface Source {
  id: Id;
  title: string;
  role: SourceRole;
  /** EDTF levels 0 and 1 (dates.ts): "1950-08-27", "1950-08~", "195X", "1949/1950". */
  date?: string;
  /**
   * Free text, people separated by ";" (cite/names.ts reads it): "I. V. Stalin (signed
   * \"Filippov\")", "Stalin, I. V.", "edited by …"; a name in braces is kept whole: "{Mao Zedong}".
   */
  author?: string;
  /** For a letter or cable: to whom, e.g. "Klement Gottwald" (read like `author`). */
  recipient?: string;
  /** Where it was written or published. */
  place?: string;
  /** BCP 47 language tag of the text, e.g. "ru", "en" (language.ts). */
  language?: string;
  /** The full text, byte-exact: never corrected, never normalised. */
  text: string;
  citation?: ArchivalCitation;
  /** The bibliographic record as imported (a CSL-JSON item without its id): books, articles, editions. */
  bib?: Record<string, unknown>;
  transcription?: Transcription;
  /** For a secondary source: the primary sources it quotes (its quotations are audited against them). */
  quotes?: Id[];
}

export interface Point {
  x: number;
  y: number;
}

/** Presentation, kept apart from the argument: positions and collapsed nodes. */
export interface MapView {
  positions: Record<Id, Point>;
  collapsed: Id[];
  /** Set by the instructor for a seminar: the map opens read-only until someone unlocks it. */
  readOnly?: boolean;
  /** The order a presentation reveals the nodes in, as the instructor arranged it (arguments/present/steps.ts). */
  presentation?: { steps: { nodes: Id[]; title?: string }[] };
}

/** One message of a comment thread: plain text, never markup. */
export interface CommentMessage {
  /** Unique within its thread. */
  id: Id;
  /** Who wrote it: a name or a voice. */
  author: string;
  /** When it was written (ISO 8601). */
  at: string;
  text: string;
  /** When its author last changed it. */
  edited?: string;
}

/**
 * What a thread was on, written into it when that node or relation is deleted: the thread is
 * kept (the discussion is part of the record of the critique) and stays findable as "on a
 * deleted claim: …", and it never attaches itself to a later node that happens to get the same id.
 */
export interface DetachedTarget {
  kind: NodeKind | RelationKind;
  /** Its title or the start of its text; for a relation "P1a + P1b supports C1". */
  name: string;
}

/** A discussion of one node or relation, kept apart from the argument (like the view). */
export interface CommentThread {
  id: Id;
  /** The node or relation discussed. */
  target: Id;
  resolved: boolean;
  /** Oldest first; never empty. */
  messages: CommentMessage[];
  detached?: DetachedTarget;
}

export interface MapMeta {
  title: string;
  authors: string[];
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  description?: string;
}

export interface ArgumentMap {
  meta: MapMeta;
  sources: Record<Id, Source>;
  nodes: Record<Id, ArgNode>;
  relations: Record<Id, Relation>;
  /**
   * Judgements of nodes and relations by voice (format v2), keyed by the evaluation's id; at
   * most one per node or relation and judge. Kept apart from the argument, like the view.
   * Absent means none (maps made before the layer existed); the loader always sets it.
   */
  evaluations?: Record<Id, SavedEvaluation>;
  /** Comment threads (format v2), keyed by thread id; absent means none. */
  comments?: Record<Id, CommentThread>;
  view: MapView;
  /** Top-level fields of the file this version does not know, kept for the round trip. */
  unknown?: Record<string, unknown>;
}

export function emptyMap(now: string, title = 'Untitled map'): ArgumentMap {
  return {
    meta: { title, authors: [], created: now, modified: now },
    sources: {},
    nodes: {},
    relations: {},
    evaluations: {},
    comments: {},
    view: { positions: {}, collapsed: [] },
  };
}

/** Is this id a node, a relation, a source, or nothing? */
export function lookup(map: ArgumentMap, id: Id): 'node' | 'relation' | 'source' | undefined {
  if (Object.hasOwn(map.nodes, id)) return 'node';
  if (Object.hasOwn(map.relations, id)) return 'relation';
  if (Object.hasOwn(map.sources, id)) return 'source';
  return undefined;
}

/** Where a thread is: on a node, on a relation, or on something deleted (kept, listed apart). */
export function threadPlace(map: ArgumentMap, thread: CommentThread): 'node' | 'relation' | 'deleted' {
  if (thread.detached) return 'deleted';
  const kind = lookup(map, thread.target);
  return kind === 'node' || kind === 'relation' ? kind : 'deleted';
}

export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  thesis: 'Thesis',
  claim: 'Claim',
  premise: 'Premise',
  evidence: 'Evidence',
  counter: 'Counter-consideration',
  rebuttal: 'Rebuttal',
  note: 'Note',
};

