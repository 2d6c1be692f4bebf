// The file format, version 1: the single source of truth for the runtime validator
// and for the published JSON Schema (scripts/write-schema.ts writes argmap.schema.json).
// Every object is "loose": fields a later version adds are kept on the round trip.
import { z } from 'zod';
import { checkEdtf } from '../dates';
import { checkLanguage } from '../language';
import { ID_PATTERN, NODE_KINDS, RELATION_KINDS, SOURCE_ROLES, TRANSCRIPTION_METHODS } from '../model';

export const FORMAT_NAME = 'argument-atlas/argmap';
export const CURRENT_VERSION = 1;
export const FILE_EXTENSION = '.argmap.json';
export const MEDIA_TYPE = 'application/vnd.argument-atlas.argmap+json';

const id = z.string().regex(ID_PATTERN).describe('An id: starts with a letter; letters, digits, _ . : - (at most 128).');
/** A zod refinement whose message is the sentence a shared rule gives (dates.ts, language.ts). */
const ruled = (rule: (value: string) => string | null) =>
  z.string().check((ctx) => {
    const problem = rule(ctx.value);
    if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
const date = ruled(checkEdtf).describe('An EDTF date, levels 0 and 1: 1950-08-27, 1950-08, 1950, 1950-08~ (circa), 1950? (uncertain), 195X, 1949/1950.');
const language = ruled(checkLanguage).describe('A BCP 47 language tag, e.g. "ru", "en", "de-AT".');
const timestamp = z.iso.datetime({ offset: true });

export const quoteSchema = z.looseObject({
  source: id.describe('The id of the quoted source.'),
  exact: z.string().min(1).describe('The quoted passage exactly as it stands in the source.'),
  prefix: z.string().optional().describe('Text just before the passage, to tell repeated passages apart.'),
  suffix: z.string().optional().describe('Text just after the passage.'),
  start: z.number().int().nonnegative().optional().describe('Position hint: UTF-16 offset of the passage in the source text.'),
});

export const nodeSchema = z.looseObject({
  id,
  kind: z.enum(NODE_KINDS),
  text: z.string(),
  title: z.string().optional(),
  voice: z.string().optional().describe('Who says it: analyst, critic, translator, …'),
  quote: quoteSchema.optional(),
});

export const relationSchema = z.looseObject({
  id,
  kind: z.enum(RELATION_KINDS),
  from: z.array(id).min(1).describe('The premises; two or more form one linked (co-premise) inference.'),
  to: id.describe('A node, or for undercuts the relation (inference) it attacks.'),
  voice: z.string().optional(),
});

export const citationSchema = z.looseObject({
  asGiven: z.string().describe('The citation exactly as the document prints it.'),
  archive: z.string(),
  archiveName: z.string().optional(),
  fond: z.string().optional(),
  opis: z.string().optional(),
  delo: z.string().optional(),
  listy: z.string().optional(),
  page: z.string().optional().describe('Page(s) in a published edition.'),
  fields: z.record(z.string(), z.string()).optional(),
});

export const transcriptionSchema = z.looseObject({
  method: z.enum(TRANSCRIPTION_METHODS).describe('How the text came in.'),
  file: z.string().optional().describe('The file the text was taken from.'),
  checked: z.boolean().optional().describe('Whether the historian has checked the extracted text against the original.'),
});

export const sourceSchema = z.looseObject({
  id,
  title: z.string(),
  role: z.enum(SOURCE_ROLES),
  date: date.optional(),
  author: z.string().optional().describe('Free text; people separated by ";".'),
  recipient: z.string().optional().describe('For a letter: to whom.'),
  place: z.string().optional().describe('Where it was written or published.'),
  language: language.optional(),
  text: z.string().describe('The full text, byte-exact.'),
  citation: citationSchema.optional(),
  bib: z.record(z.string(), z.unknown()).optional().describe('The bibliographic record as imported: a CSL-JSON item without its id.'),
  transcription: transcriptionSchema.optional(),
  quotes: z.array(id).optional().describe('Primary sources this source quotes.'),
});

export const pointSchema = z.looseObject({ x: z.number(), y: z.number() });

export const viewSchema = z.looseObject({
  positions: z.record(id, pointSchema),
  collapsed: z.array(id),
});

export const metaSchema = z.looseObject({
  title: z.string(),
  authors: z.array(z.string()),
  created: timestamp,
  modified: timestamp,
  description: z.string().optional(),
});

export const fileSchema = z
  .looseObject({
    format: z.literal(FORMAT_NAME),
    version: z.literal(CURRENT_VERSION),
    meta: metaSchema,
    sources: z.array(sourceSchema),
    nodes: z.array(nodeSchema),
    relations: z.array(relationSchema),
    view: viewSchema,
  })
  .describe('An Argument Atlas argument map (*.argmap.json), file format version 1.');

export type MapFile = z.infer<typeof fileSchema>;

/** The JSON Schema published as arguments/format/argmap.schema.json. */
export function jsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(fileSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'urn:argument-atlas:argmap:v1',
    title: 'Argument Atlas map, version 1',
  };
}
