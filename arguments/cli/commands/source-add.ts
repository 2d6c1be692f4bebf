// `argmap source add MAP FILE …`: a historian's document as a new source of the map: its text
// exactly as read (.txt, .md) or extracted (.pdf, .docx, .html) by the app's own intake, its
// metadata from the options, its citation from a JSON file; checked and refused by the same
// operation as in the app, and written back atomically.
import { basename } from 'node:path';
import { recordProblems, type CslItem } from '../../cite/csl-item';
import { checkEdtf } from '../../dates';
import { describeIssue } from '../../format/errors';
import { explainIssue } from '../../format/explain';
import { jsonErrorOffset } from '../../format/json-position';
import { schemas } from '../../format/schema';
import { detectKind, intakeDocument, METHOD_OF_KIND, type DocumentKind, type Intake, type PdfJs, type TextEncoding } from '../../intake';
import { checkLanguage } from '../../language';
import { ID_PATTERN, SOURCE_ROLES, type ArchivalCitation, type ArgumentMap, type Source, type SourceRole } from '../../model';
import { addSource, freshSourceId } from '../../operations';
import { CliError, say, type Io } from '../io';
import { applyAll, openMap, plural, saveMap } from '../maps';
import { parseOptions, positional } from '../options';
import { quote, shown } from '../quote';
import { CITATION_FILE, readBytes, SOURCE_FILE } from '../read';
import { SOURCE_USAGE } from './usage';

const SPEC = {
  command: 'source add',
  valued: ['title', 'role', 'date', 'author', 'recipient', 'place', 'language', 'id', 'citation-json'],
  flags: [],
  usage: SOURCE_USAGE.add,
} as const;

/** What was read, as the summary line names it. */
const KIND_WORDS = {
  text: 'plain text',
  markdown: 'Markdown',
  pdf: 'PDF',
  docx: 'Word document',
  html: 'web page',
} as const satisfies Record<DocumentKind, string>;

const ENCODING_WORDS = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' } as const satisfies Record<TextEncoding, string>;

type CitationInput = { kind: 'archival'; citation: ArchivalCitation } | { kind: 'record'; record: CslItem };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The citation file: an archival citation (checked by the loader's schema) or one CSL-JSON record (checked as the importer checks it). */
export function readCitation(file: string): CitationInput {
  const name = `argmap source add: --citation-json ${shown(file)}`;
  const bytes = readBytes(file, CITATION_FILE);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw new CliError(`${name}: not UTF-8 text; save it as JSON in UTF-8.`, 1);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const at = Math.max(0, jsonErrorOffset(text));
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    throw new CliError(`${name}: not valid JSON (at line ${line}, column ${at - before.lastIndexOf('\n')}).`, 1);
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) throw new CliError(`${name}: holds a list of ${plural(value.length, 'record')}; give one citation (one object, or a list of one).`, 1);
    value = value[0];
  }
  if (!isObject(value)) throw new CliError(`${name}: should hold one object: an archival citation or a CSL-JSON record.`, 1);
  if (Object.hasOwn(value, 'type')) {
    const problems = recordProblems(value);
    if (problems.length > 0) throw new CliError(`${name}: this CSL-JSON record cannot be used: ${problems.join('; ')}.`, 1);
    return { kind: 'record', record: value as CslItem };
  }
  if (Object.hasOwn(value, 'asGiven') || Object.hasOwn(value, 'archive')) {
    const parsed = schemas().citation.safeParse(value, { reportInput: true });
    if (!parsed.success) throw new CliError(parsed.error.issues.slice(0, 5).map((i) => `${name}: ${describeIssue(explainIssue(i))}`), 1);
    return { kind: 'archival', citation: parsed.data as ArchivalCitation };
  }
  throw new CliError(
    `${name}: holds neither an archival citation (an object with "asGiven" and "archive", e.g. {"asGiven": "RGASPI 558/11/62", "archive": "RGASPI", "fond": "558"}) nor a CSL-JSON record (an object with "type", such as "book").`,
    1,
  );
}

/** The options a historian typed, refused one by one before any file is read. */
function checkOptions(values: Map<string, string>): void {
  const role = values.get('role');
  if (role !== undefined && !(SOURCE_ROLES as readonly string[]).includes(role))
    throw new CliError(`argmap source add: --role must be ${SOURCE_ROLES.join(' or ')} (got ${quote(role)}).`);
  const date = values.get('date');
  const dateProblem = date === undefined ? null : checkEdtf(date);
  if (dateProblem) throw new CliError(`argmap source add: --date: ${dateProblem}`);
  const language = values.get('language');
  const languageProblem = language === undefined ? null : checkLanguage(language);
  if (languageProblem) throw new CliError(`argmap source add: --language: ${languageProblem}`);
  const id = values.get('id');
  if (id !== undefined && !ID_PATTERN.test(id))
    throw new CliError(`argmap source add: --id ${quote(id)} is not an id: an id starts with a letter and holds letters, digits and _ . : - (at most 128).`);
  for (const key of ['title', 'author', 'recipient', 'place'] as const)
    if (values.get(key)?.trim() === '') throw new CliError(`argmap source add: --${key} is empty; give a value or leave the option out.`);
}

/** The new source: options first, then the citation record's fields, then what the intake found. */
async function buildSource(map: ArgumentMap, values: Map<string, string>, docFile: string, intake: Intake, citation: CitationInput | null): Promise<Source> {
  let fromRecord: Source | null = null;
  if (citation?.kind === 'record') {
    // citation-js comes with the record importer; only a CSL-JSON citation needs it.
    const { recordToSource } = await import('../../cite/bibliography');
    fromRecord = recordToSource(citation.record, map);
  }
  const title = values.get('title') ?? (fromRecord?.title !== 'Untitled record' ? fromRecord?.title : undefined) ?? intake.suggestedTitle ?? basename(docFile);
  const pick = (key: 'author' | 'recipient' | 'date' | 'place' | 'language') => values.get(key) ?? fromRecord?.[key];
  return {
    id: values.get('id') ?? (fromRecord && !values.has('title') ? fromRecord.id : freshSourceId(map, title)),
    title,
    role: (values.get('role') as SourceRole | undefined) ?? fromRecord?.role ?? 'primary',
    date: pick('date'),
    author: pick('author'),
    recipient: pick('recipient'),
    place: pick('place'),
    language: pick('language'),
    text: intake.text,
    citation: citation?.kind === 'archival' ? citation.citation : fromRecord?.citation,
    bib: fromRecord?.bib,
    transcription: { method: METHOD_OF_KIND[intake.kind], file: basename(docFile) },
  };
}

/** pdf.js's Node build, only for a PDF: it loads its worker from beside itself (kept out of the bundle). */
async function pdfjsFor(kind: DocumentKind | null): Promise<PdfJs | undefined> {
  if (kind !== 'pdf') return undefined;
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
}

export async function run(rest: string[], io: Io): Promise<number> {
  const parsed = parseOptions(rest, SPEC);
  const [mapFile, docFile] = positional(parsed, ['MAP', 'FILE'], SPEC) as [string, string];
  checkOptions(parsed.values);
  const opened = openMap(mapFile);
  const citationFile = parsed.values.get('citation-json');
  const citation = citationFile === undefined ? null : readCitation(citationFile);
  const bytes = readBytes(docFile, SOURCE_FILE);
  const result = await intakeDocument(docFile, bytes, { pdfjs: await pdfjsFor(detectKind(docFile, bytes)) });
  if (!result.ok) throw new CliError(result.error.message, 1);
  const { intake } = result;
  const source = await buildSource(opened.map, parsed.values, docFile, intake, citation);
  const next = applyAll(opened.map, [addSource(source)], 'source add');
  saveMap(opened, next, io.now());

  const what = [
    KIND_WORDS[intake.kind],
    intake.encoding && intake.encoding !== 'utf-8' ? ENCODING_WORDS[intake.encoding] : null,
    intake.pages !== undefined ? plural(intake.pages, 'page') : null,
    plural(intake.text.length, 'character'),
  ]
    .filter((p) => p !== null)
    .join(', ');
  io.out(source.id);
  say(io.out, `${shown(mapFile)}: added the ${source.role} source ${quote(source.title)} from ${shown(docFile)} (${what}).${intake.extracted ? ' Check the extracted text against the original.' : ''}`);
  for (const warning of intake.warnings) say(io.err, `${shown(docFile)}: warning: ${warning}`);
  return 0;
}
