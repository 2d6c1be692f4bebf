// The file format, version 2: the single source of truth for the runtime validator and for
// the published JSON Schema (scripts/write-schema.ts writes argmap.schema.json; version 1's,
// argmap.v1.schema.json, is frozen: never regenerated). The loader validates only the current
// version: older files are first migrated (migrate.ts). Every object is "loose": fields a
// later version adds are kept on the round trip.
// The schemas are built on first use (schemas()): a valid file is checked by the compiled JSON
// Schema (fast-check.ts), so a command that only reads maps never pays for building zod's.
import * as z from 'zod';
import { ALL_VERDICTS } from '../analysis/evaluation';
import { checkEdtf } from '../dates';
import { checkLanguage } from '../language';
import {
  COLLECTION_WORDS,
  COUNT_LIMITS,
  countMessage,
  coordinateMessage,
  lengthMessage,
  MAX_COORDINATE,
  MAX_MESSAGES,
  messagesMessage,
  STRING_LIMITS,
  type Collection,
  type StringLimit,
} from '../limits';
import { ID_PATTERN, NODE_KINDS, RELATION_KINDS, SOURCE_ROLES, TRANSCRIPTION_METHODS } from '../model';

export const FORMAT_NAME = 'argument-atlas/argmap';
export const CURRENT_VERSION = 2;
export const FILE_EXTENSION = '.argmap.json';
export const MEDIA_TYPE = 'application/vnd.argument-atlas.argmap+json';

/**
 * The rules a JSON Schema cannot state, by the source field they check. The loader's fast path
 * (fast-check.ts) runs the same list after the compiled JSON Schema, so each rule lives here once.
 */
export const SOURCE_FIELD_RULES = { date: checkEdtf, language: checkLanguage } as const;

/** Every schema of the format, built once on first use. */
function buildSchemas() {
  const id = z.string().regex(ID_PATTERN).describe('An id: starts with a letter; letters, digits, _ . : - (at most 128).');
  /** A zod refinement whose message is the sentence a shared rule gives (dates.ts, language.ts). */
  const ruled = (rule: (value: string) => string | null) =>
    z.string().check((ctx) => {
      const problem = rule(ctx.value);
      if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    });
  const date = ruled(SOURCE_FIELD_RULES.date).describe('An EDTF date, levels 0 and 1: 1950-08-27, 1950-08, 1950, 1950-08~ (circa), 1950? (uncertain), 195X, 1949/1950.');
  const language = ruled(SOURCE_FIELD_RULES.language).describe('A BCP 47 language tag, e.g. "ru", "en", "de-AT".');
  const timestamp = z.iso.datetime({ offset: true });

  // The limits of arguments/limits.ts, with its sentences (and in the published JSON Schema as maxLength, maxItems, minimum, maximum).
  const text = (limit: StringLimit) => z.string().max(limit.max, { error: (iss) => lengthMessage(limit, (iss.input as string).length) });
  const field = text(STRING_LIMITS.field);
  const title = text(STRING_LIMITS.title);
  const coordinate = z
    .number()
    .min(-MAX_COORDINATE, { error: (iss) => coordinateMessage(iss.input as number) })
    .max(MAX_COORDINATE, { error: (iss) => coordinateMessage(iss.input as number) });
  const collection = <T extends z.ZodType>(what: Collection, item: T) => z.array(item).max(COUNT_LIMITS[what], { error: (iss) => countMessage(what, (iss.input as unknown[]).length) });
  /** A list of ids of one collection: never longer than the collection can be. */
  const ids = (what: Collection, whose: string) =>
    // Worded when needed: the first toLocaleString loads ICU's number data (~25 ms of every command's start-up).
    z.array(id).max(COUNT_LIMITS[what], { error: () => `${whose} can name at most ${COUNT_LIMITS[what].toLocaleString('en-US')} ${COLLECTION_WORDS[what]}, as many as a map can have.` });

  const quoteSchema = z.looseObject({
    source: id.describe('The id of the quoted source.'),
    exact: text(STRING_LIMITS.quote).min(1).describe('The quoted passage exactly as it stands in the source.'),
    prefix: field.optional().describe('Text just before the passage, to tell repeated passages apart.'),
    suffix: field.optional().describe('Text just after the passage.'),
    start: z.number().int().nonnegative().max(STRING_LIMITS.sourceText.max, { error: () => 'The position of a quote must lie within the longest text a source can hold.' }).optional().describe('Position hint: UTF-16 offset of the passage in the source text.'),
  });

  const nodeSchema = z.looseObject({
    id,
    kind: z.enum(NODE_KINDS),
    text: text(STRING_LIMITS.nodeText),
    title: title.optional(),
    voice: field.optional().describe('Who says it: analyst, critic, translator, …'),
    quote: quoteSchema.optional(),
  });

  const relationSchema = z.looseObject({
    id,
    kind: z.enum(RELATION_KINDS),
    from: ids('nodes', 'A relation').min(1).describe('The premises; two or more form one linked (co-premise) inference.'),
    to: id.describe('A node, or for undercuts the relation (inference) it attacks.'),
    voice: field.optional(),
  });

  const citationSchema = z.looseObject({
    asGiven: field.describe('The citation exactly as the document prints it.'),
    archive: field,
    archiveName: field.optional(),
    fond: field.optional(),
    opis: field.optional(),
    delo: field.optional(),
    listy: field.optional(),
    page: field.optional().describe('Page(s) in a published edition.'),
    fields: z.record(field, field).optional(),
  });

  const transcriptionSchema = z.looseObject({
    method: z.enum(TRANSCRIPTION_METHODS).describe('How the text came in.'),
    file: field.optional().describe('The file the text was taken from.'),
    checked: z.boolean().optional().describe('Whether the historian has checked the extracted text against the original.'),
  });

  const sourceSchema = z.looseObject({
    id,
    title,
    role: z.enum(SOURCE_ROLES),
    date: date.optional(),
    author: field.optional().describe('Free text; people separated by ";".'),
    recipient: field.optional().describe('For a letter: to whom.'),
    place: field.optional().describe('Where it was written or published.'),
    language: language.optional(),
    text: text(STRING_LIMITS.sourceText).describe('The full text, byte-exact.'),
    citation: citationSchema.optional(),
    bib: z.record(z.string(), z.unknown()).optional().describe('The bibliographic record as imported: a CSL-JSON item without its id.'),
    transcription: transcriptionSchema.optional(),
    quotes: ids('sources', 'A source').optional().describe('Primary sources this source quotes.'),
  });

  const pointSchema = z.looseObject({ x: coordinate, y: coordinate });

  const viewSchema = z.looseObject({
    positions: z.record(id, pointSchema),
    collapsed: ids('nodes', 'The list of collapsed nodes'),
    readOnly: z.boolean().optional().describe('The map opens read-only (for a seminar) until it is unlocked.'),
    presentation: z
      .looseObject({
        steps: collection('nodes', z.looseObject({ nodes: ids('nodes', 'A step of the presentation'), title: title.optional() })).describe('Each step reveals its nodes, in this order.'),
      })
      .optional()
      .describe('The order in which a presentation reveals the argument.'),
  });

  const metaSchema = z.looseObject({
    title,
    authors: z.array(field).max(1_000, { error: 'A map can name at most 1,000 authors.' }),
    created: timestamp,
    modified: timestamp,
    description: text(STRING_LIMITS.description).optional(),
  });

  // ----- the layers of version 2: evaluations and comments, kept apart from the argument ------

  const evaluationSchema = z.looseObject({
    id,
    target: id.describe('The node or relation judged.'),
    by: field.min(1).describe('Who judged: a voice (analyst, critic, student, …). One evaluation per node or relation and judge.'),
    verdict: z.enum(ALL_VERDICTS).describe('A statement: accept, doubt or reject; evidence (its basis): solid, shaky or none; an inference: strong, weak or none.'),
    reason: text(STRING_LIMITS.reason).optional().describe('Why, in the judge’s words.'),
    at: timestamp.optional().describe('When it was given.'),
  });

  const messageSchema = z.looseObject({
    id: id.describe('Unique within its thread.'),
    author: field.min(1).describe('Who wrote it.'),
    at: timestamp.describe('When it was written.'),
    text: text(STRING_LIMITS.comment).min(1).describe('Plain text.'),
    edited: timestamp.optional().describe('When its author last changed it.'),
  });

  const detachedSchema = z.looseObject({
    kind: z.enum([...NODE_KINDS, ...RELATION_KINDS]).describe('The kind of the deleted node or relation.'),
    name: field.describe('Its title or the start of its text.'),
  });

  const threadSchema = z.looseObject({
    id,
    target: id.describe('The node or relation discussed.'),
    resolved: z.boolean(),
    messages: z
      .array(messageSchema)
      .min(1)
      .max(MAX_MESSAGES, { error: (iss) => messagesMessage((iss.input as unknown[]).length) })
      .describe('Oldest first.'),
    detached: detachedSchema.optional().describe('Set when the node or relation was deleted: what it was. The thread is kept.'),
  });

  // ----- the file -------------------------------------------------------------------------------


  const fileSchema = z
    .looseObject({
      format: z.literal(FORMAT_NAME),
      version: z.literal(CURRENT_VERSION),
      meta: metaSchema,
      sources: collection('sources', sourceSchema),
      nodes: collection('nodes', nodeSchema),
      relations: collection('relations', relationSchema),
      evaluations: collection('evaluations', evaluationSchema).describe('Judgements of nodes and relations, each by one voice.'),
      comments: collection('threads', threadSchema).describe('Comment threads on nodes and relations.'),
      view: viewSchema,
    })
    .describe('An Argument Atlas argument map (*.argmap.json), file format version 2.');

  return {
    quote: quoteSchema,
    node: nodeSchema,
    relation: relationSchema,
    citation: citationSchema,
    transcription: transcriptionSchema,
    source: sourceSchema,
    point: pointSchema,
    view: viewSchema,
    meta: metaSchema,
    evaluation: evaluationSchema,
    message: messageSchema,
    detached: detachedSchema,
    thread: threadSchema,
    file: fileSchema,
  };
}

let built: ReturnType<typeof buildSchemas> | null = null;

/** The format's zod schemas (the validator of record), built on first use. */
export function schemas(): ReturnType<typeof buildSchemas> {
  built ??= buildSchemas();
  return built;
}

export type MapFile = z.infer<ReturnType<typeof buildSchemas>['file']>;

/** The JSON Schema published as arguments/format/argmap.schema.json. */
export function jsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schemas().file, { target: 'draft-2020-12', io: 'input' }),
    $id: `urn:argument-atlas:argmap:v${CURRENT_VERSION}`,
    title: `Argument Atlas map, version ${CURRENT_VERSION}`,
  };
}
