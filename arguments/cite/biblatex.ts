// A map's sources as a BibLaTeX file, written here rather than by citation-js: its BibLaTeX
// output (0.8) leaves braces and backslashes of a field as they are (a title with "}" ends the
// entry early) and, in its default ASCII mode, turns Cyrillic names into "., .". Every value is
// escaped so that it stays text: braces and backslashes become \textbraceleft{} … \textbackslash{},
// TeX's special characters are escaped, line breaks become spaces (a line starting with "@" would
// start an entry). Dates are EDTF, which BibLaTeX's date fields read (levels 0 and 1).
// Archival documents are @unpublished (letters @letter, as Zotero writes them) with the place in
// `location` and the archival citation ("RGASPI, f. 558, op. 11, d. 62, ll. 71–72") in `note`,
// the field every BibLaTeX style prints and Zotero imports.
import { formatCitation } from '../citation';
import { checkEdtf, cslDateToEdtf } from '../dates';
import type { ArgumentMap, Source } from '../model';
import { isArchival, namesOf, toCsl } from './csl';
import type { CslItem, CslType } from './csl-item';
import type { CslName } from './names';

const ENTRY_TYPES = {
  article: 'article', 'article-journal': 'article', 'article-magazine': 'article', 'article-newspaper': 'article',
  bill: 'legislation', book: 'book', broadcast: 'misc', chapter: 'incollection', dataset: 'dataset', entry: 'inreference',
  'entry-dictionary': 'inreference', 'entry-encyclopedia': 'inreference', figure: 'image', graphic: 'artwork',
  interview: 'misc', legal_case: 'jurisdiction', legislation: 'legislation', manuscript: 'unpublished', map: 'misc',
  motion_picture: 'movie', musical_score: 'music', pamphlet: 'booklet', 'paper-conference': 'inproceedings',
  patent: 'patent', personal_communication: 'letter', post: 'online', 'post-weblog': 'online', report: 'report',
  review: 'review', 'review-book': 'review', song: 'audio', speech: 'unpublished', thesis: 'thesis', treaty: 'legal',
  webpage: 'online',
} satisfies Record<CslType, string>;

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}', '<': '\\textless{}', '>': '\\textgreater{}', '|': '\\textbar{}',
  '#': '\\#', $: '\\$', '%': '\\%', '&': '\\&', _: '\\_',
};

/** A field value as BibLaTeX text: every character means itself. */
export function escapeBiblatex(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\{}~^<>|#$%&_]/g, (c) => SPECIAL[c]!);
}

/** "Bloch, Marc and {Politburo of the CC}": " and " inside a name is protected with braces. */
function nameList(names: CslName[]): string {
  return names
    .map((n) => {
      const part = (s: string) => escapeBiblatex(s).replace(/\band\b/gi, '{$&}').replace(/,/g, '{,}');
      if (n.literal) return `{${escapeBiblatex(n.literal)}}`;
      return [n.family, n.suffix, n.given].filter((p) => p).map((p) => part(p!)).join(', ');
    })
    .filter((s) => s !== '' && s !== '{}')
    .join(' and ');
}

const BABEL: Record<string, string> = {
  en: 'english', 'en-US': 'american', 'en-GB': 'british', ru: 'russian', uk: 'ukrainian', be: 'belarusian', pl: 'polish',
  cs: 'czech', sk: 'slovak', bg: 'bulgarian', sr: 'serbian', hr: 'croatian', sl: 'slovene', de: 'german', 'de-AT': 'austrian',
  fr: 'french', it: 'italian', es: 'spanish', pt: 'portuguese', 'pt-BR': 'brazil', nl: 'dutch', da: 'danish', sv: 'swedish',
  nb: 'norsk', nn: 'nynorsk', no: 'norwegian', fi: 'finnish', et: 'estonian', lv: 'latvian', lt: 'lithuanian', hu: 'magyar',
  ro: 'romanian', el: 'greek', tr: 'turkish', he: 'hebrew', ar: 'arabic', la: 'latin', zh: 'pinyin', 'zh-Latn': 'pinyin', ja: 'japanese',
};

const text = (item: CslItem, variable: string): string | undefined => {
  const v = item[variable];
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined;
};

function fields(source: Source, item: CslItem): [string, string][] {
  const out: [string, string][] = [];
  const add = (name: string, value: string | undefined, escaped = false) => {
    if (value !== undefined && value.trim() !== '') out.push([name, escaped ? value : escapeBiblatex(value)]);
  };
  for (const [field, variable] of [['author', 'author'], ['editor', 'editor'], ['translator', 'translator'], ['bookauthor', 'container-author']] as const) {
    const names = namesOf(item, variable);
    if (names.length) add(field, nameList(names), true);
  }
  // A letter has no CSL title (Chicago cites it by sender and recipient); BibLaTeX needs one.
  add('title', text(item, 'title') ?? source.title);
  const container = text(item, 'container-title');
  add(item.type === 'chapter' || item.type === 'paper-conference' || item.type.startsWith('entry') ? 'booktitle' : 'journaltitle', container);
  // EDTF is BibLaTeX's own date syntax (its ~ ? % are date qualifiers there, not TeX).
  const date = source.date && checkEdtf(source.date) === null ? source.date : cslDateToEdtf(item.issued);
  add('date', date, true);
  add('location', text(item, 'publisher-place'));
  add('publisher', text(item, 'publisher'));
  add('volume', text(item, 'volume'));
  add('number', text(item, 'issue') ?? text(item, 'number'));
  add('edition', text(item, 'edition'));
  add('series', text(item, 'collection-title'));
  add('pages', text(item, 'page')?.replace(/\s*[-–]\s*/g, '--'));
  add('type', text(item, 'genre'));
  const notes = [isArchival(source) ? formatCitation(source.citation!) : undefined, text(item, 'note')].filter((n) => n);
  add('note', notes.join('. '));
  const language = text(item, 'language');
  if (language && Object.hasOwn(BABEL, language)) add('langid', BABEL[language]);
  add('isbn', text(item, 'ISBN'));
  add('issn', text(item, 'ISSN'));
  add('doi', text(item, 'DOI'));
  add('url', text(item, 'URL'));
  add('abstract', text(item, 'abstract'));
  return out;
}

/** Every source of the map as BibLaTeX entries, in id order; the keys are the citation keys records came with, else the ids. */
export function exportBiblatex(map: ArgumentMap): string {
  const sources = Object.values(map.sources).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keys = new Set<string>();
  return sources
    .map((source) => {
      const item = toCsl(source);
      const wanted = text(item, 'citation-key');
      let key = wanted && /^[A-Za-z][A-Za-z0-9_:.\-/]{0,127}$/.test(wanted) && !keys.has(wanted) ? wanted : source.id;
      for (let n = 2; keys.has(key); n++) key = `${source.id}-${n}`;
      keys.add(key);
      const type = ENTRY_TYPES[item.type];
      const body = fields(source, item).map(([name, value]) => `  ${name} = {${value}},`);
      return `@${type}{${key},\n${body.join('\n')}\n}\n`;
    })
    .join('\n');
}
