// Every command's lines of `argmap help`, apart from the commands themselves: the dispatcher
// writes the help from these without loading a command (each loads only when it runs).
import { STATUS_USAGE } from '../status';
import { usage } from './command';

export type CommandName = 'validate' | 'audit' | 'status' | 'new' | 'source' | 'import-bib' | 'cite' | 'export' | 'import' | 'compare' | 'serve' | 'help';
export type SourceSubcommand = 'add' | 'list' | 'remove';

export const SOURCE_USAGE = {
  add: usage(
    ['source add MAP FILE [--title T] [--role primary|secondary] [--date EDTF]', '[--author A] [--recipient R] [--place P] [--language TAG] [--id ID]', '[--citation-json FILE]'],
    [
      'add a document (.txt, .md, .pdf, .docx, .html) as a source, its text',
      'exactly as read or extracted (role primary unless given; title from',
      'the document); --citation-json: its archival citation ({"asGiven",',
      '"archive", "fond", "opis", "delo", "listy", …}) or a CSL-JSON record;',
      'prints the new id, then what was read',
    ],
  ),
  list: usage(['source list MAP [--json]'], ['id, role, date, title, characters and how many nodes quote each', 'source (--json: a list of objects; quotedBy lists the nodes)']),
  remove: usage(['source remove MAP ID'], ['remove a source; refused while evidence quotes it']),
} as const satisfies Record<SourceSubcommand, string>;

export const COMMAND_USAGE = {
  validate: usage(['validate FILE'], ['check a map, or the map a figure (SVG, PNG, PDF) carries;', 'exit 0 if valid, 1 with one line per problem']),
  audit: usage(['audit FILE [--json]'], ['check every quotation against its source']),
  status: STATUS_USAGE,
  new: usage(['new FILE [--title T] [--force]'], ['write a blank map (refuses to overwrite without --force)']),
  source: Object.values(SOURCE_USAGE).join('\n'),
  'import-bib': usage(
    ['import-bib MAP refs.bib|refs.json [--skip-invalid]'],
    [
      'one source per BibTeX/BibLaTeX or CSL-JSON record, its text empty;',
      'a record that cannot be read refuses the import, each problem with its',
      'line; --skip-invalid adds the good records and lists the skipped ones',
    ],
  ),
  cite: usage(
    ['cite MAP [--style chicago-note|chicago-bib] [--all] [--json]'],
    [
      'Chicago footnotes, one per node that quotes a source, in reading',
      'order (each thesis, then what bears on it, depth first): a source’s',
      'first note in full, later ones short, with the page or folio;',
      'chicago-bib: the bibliography of the quoted sources (--all: of every',
      'source); --json: {"notes": […], "bibliography": […]}, both',
    ],
  ),
  export: usage(
    ['export FILE --out PATH [--format svg|png|pdf] [--theme screen|print|compact]', '[--scope all|claim:ID|selection:ID,ID] [--no-counters] [--no-voices]', '[--caption TEXT] [--legend] [--comments] [--dpi N] [--page fit|a4|letter]', '[--status-badges [--voices analyst,critic]] [--citations] [--strict-glyphs]'],
    ['draw the map as a figure; the figure carries the map', "(format from --out's extension unless given; theme print;", 'PNG at 300 DPI; PDF page fitted to the figure; an earlier', 'figure is replaced); --status-badges: what stands, falls or is', 'open on each node, with its legend (every voice counts unless', '--voices names them); --citations: the full citation of each quoted', 'source under the figure; characters no bundled font has are', 'named on stderr (--strict-glyphs: refused, nothing written)'],
  ) +
    '\n' +
    usage(
      [
        'export FILE --out PATH --width W [--min-type 7pt] [--max-height H]',
        '[--detail full|statements|titles] [--force] [figure options]',
        'export FILE --out DIR/NAME.EXT --width W --set [--pages each|one]',
        '[--figure-number N]',
      ],
      [
        'a page-ready figure: laid out afresh to be W wide once printed',
        '(mm, cm, in, or column 85 mm, column-and-half 120 mm, full-width',
        '175 mm, a4, a4-landscape, letter, letter-landscape text blocks)',
        'with type of at least --min-type (4-24 pt, default 7) and no taller',
        'than the page (presets; 230 mm for a length); detail, direction,',
        'spacing and card width chosen to fit; a scope that does not fit is',
        'refused with the ways out (exit 1) unless --force. --set: an overview',
        '(thesis and claims) and a figure per claim, Figure N, Na, Nb, …',
        '(N from --figure-number, 1), each a file in DIR named from the map',
        'and the scope, or with --pages one all in the PDF at PATH; PNG at 600 DPI',
      ],
    ) +
    '\n' +
    usage(
      ['export FILE --out PATH --format docx|md|tex [--status]', 'export FILE --out PATH --format argdown|aif'],
      [
        'the argument as prose: title, thesis, a section per claim, quotations',
        'with Chicago footnotes, objections and replies, bibliography (tex: a',
        'BibLaTeX .bib beside it; --status: each claim’s dialectical status);',
        'or as Argdown or AIF (OVA3 JSON), what they cannot carry named',
      ],
    ) +
    '\n' +
    usage(
      ['export FILE --format html [--out PATH] [--worksheet ID,ID|counters]'],
      [
        'a handout: one HTML file that opens offline in any browser (fonts',
        'and script inline, strict CSP): the map with pan, zoom and the',
        'step-through (Space, arrows, Page Up/Down), the sources with the',
        'quoted passages marked, a print layout; PATH beside the map unless',
        'given; --worksheet: those nodes (or every counter-consideration)',
        'left as blank lines for students to fill in',
      ],
    ) +
    '\n' +
    usage(
      ['export FILE --format handout-pdf [--out PATH] [--per step|claim]', '[--worksheet ID,ID|counters]'],
      [
        'a PDF handout on A4: a page per step of the presentation order',
        '(the default: the map as revealed at that step) or per thesis and',
        'claim (with its premises, evidence, objections), each with the',
        'passages it quotes and their Chicago notes, then the bibliography;',
        'PATH MAP.handout.pdf beside the map unless given; --worksheet as above',
      ],
    ),
  import: usage(
    ['import FILE [--out MAP.argmap.json] [--force]'],
    [
      'the map a figure exported by Argument Atlas carries, or a map from',
      'an Argdown file (.argdown) or an AIF file (JSON); what it cannot',
      'carry named (written to --out, refusing to overwrite without --force;',
      'to standard output without --out)',
    ],
  ),
  compare: usage(
    ['compare STUDENT INSTRUCTOR [--json] [--out REPORT.md|REPORT.html]'],
    [
      'what of the instructor’s map the student’s has, as feedback:',
      'the model’s points missing, the student’s own, those under',
      'another claim or connected differently, linked premises split;',
      'a score 0–1 (feedback, not a grade); --json: {"missing": […],',
      '"extra": […], "misplaced": […], "wrongRelation": […], "score": …};',
      '--out: the report as Markdown or a self-contained HTML page',
    ],
  ),
  serve: usage(
    ['serve MAP [--host ADDR] [--port N] [--code CODE] [--web DIR]', '[--open | --read-only | --own-voice]'],
    [
      'host a live seminar on MAP: students open the printed address',
      '(the web build, dist/renderer, or --web DIR) and join with the code;',
      'the instructor link (printed, keep it private) edits; students read',
      '(--own-voice: add and edit their own nodes and comments; --open:',
      'everyone edits; --read-only: no one does); listens on 127.0.0.1',
      'unless --host (port 0: any free one); the map file is written',
      'within a second of each change; SIGTERM or Ctrl+C saves and stops',
    ],
  ),
  help: usage(['help [COMMAND]'], ['show this text, or one command’s']),
} as const satisfies Record<CommandName, string>;
