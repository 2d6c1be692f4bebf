// Adding, editing and deleting sources. A source is checked by the loader's own rules (the
// schema and the reference checks of format/), so the editor can never make a map that
// would not open again.
import type { Draft } from 'immer';
import { quote } from '../format/errors';
import { quotedSourceProblems } from '../format/references';
import { AT, recordProblem } from '../format/rules';
import { schemas } from '../format/schema';
import { countProblem } from '../limits';
import { savedSizeProblem } from '../format/size';
import type { Operation } from '../history';
import { lookup, type ArgumentMap, type Id, type Source } from '../model';
import { toLatin } from '../text/latin';
import { slugify } from '../text/slug';
import { describeNode, freshId, setFields } from './common';

/** Editable fields of a source; `undefined` removes an optional field. The id and the text are never edited. */
export type SourceChanges = Partial<Omit<Source, 'id' | 'text'>>;

/** How Edit > Undo names a field; a field not listed here is named by its key. */
const FIELD_WORDS: Partial<Record<keyof Source, string>> = { quotes: 'quoted sources' };

const fieldWord = (key: string): string => (FIELD_WORDS as Record<string, string | undefined>)[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Why `source` cannot stand in `map` (as a new source when `isNew`), in words; null when it can. */
export function sourceProblem(map: ArgumentMap, source: unknown, isNew: boolean): string | null {
  const problem = recordProblem(schemas().source, source, AT.source);
  if (problem) return problem;
  const s = source as Source;
  if (isNew && lookup(map, s.id)) return `The id ${quote(s.id)} is already in use.`;
  if (isNew) {
    const tooMany = countProblem('sources', Object.keys(map.sources).length + 1);
    if (tooMany) return tooMany;
  }
  const quoted = quotedSourceProblems(map, s);
  return quoted.length > 0 ? quoted.map((p) => p.message).join(' ') : null;
}

/**
 * The loader opens files of up to MAX_FILE_BYTES: a map saved larger than that could never
 * be opened again, so a source that would make it so is refused.
 */
export function sizeProblem(next: ArgumentMap): string | null {
  return savedSizeProblem(next, 'Add the source in parts, or only the parts you quote.');
}

/** Without keys set to undefined: the map then equals what saving and loading it gives back. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function addSource(source: Source): Operation {
  const clean = defined(source);
  return {
    label: 'Add source',
    check: (map) => sourceProblem(map, clean, true) ?? sizeProblem({ ...map, sources: { ...map.sources, [clean.id]: clean } }),
    apply: (d) => {
      d.sources[clean.id] = clean as Draft<Source>;
    },
  };
}

/** One undoable step: "Edit source title" when one field changes. */
export function editSource(id: Id, changes: SourceChanges): Operation {
  const keys = Object.keys(changes);
  return {
    label: keys.length === 1 ? `Edit source ${fieldWord(keys[0]!)}` : 'Edit source',
    check: (map) => {
      if (!Object.hasOwn(map.sources, id)) return `There is no source ${quote(id)}.`;
      if (Object.hasOwn(changes, 'id')) return `A source's id cannot be changed: evidence and other sources refer to it as ${quote(id)}.`;
      if (Object.hasOwn(changes, 'text'))
        return "A source's text is kept exactly as it was given and is not edited; to correct the transcription, replace the text (its quotes are then re-anchored).";
      const next = { ...map.sources[id]! };
      setFields(next, changes);
      return sourceProblem(map, next, false) ?? sizeProblem({ ...map, sources: { ...map.sources, [id]: next } });
    },
    apply: (d) => setFields(d.sources[id]!, changes),
  };
}

/** The nodes whose quote is from this source, in id order. */
export function quotingNodes(map: ArgumentMap, sourceId: Id): Id[] {
  const ids: Id[] = [];
  for (const n of Object.values(map.nodes)) if (n.quote?.source === sourceId) ids.push(n.id);
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Refused while evidence quotes the source: deleting it would orphan those quotes. */
export function deleteSource(id: Id): Operation {
  return {
    label: 'Delete source',
    check: (map) => {
      if (!Object.hasOwn(map.sources, id)) return `There is no source ${quote(id)}.`;
      const quoting = quotingNodes(map, id);
      if (quoting.length === 0) return null;
      const names = quoting.slice(0, 3).map((n) => describeNode(map, n)).join(', ');
      const more = quoting.length > 3 ? ` and ${quoting.length - 3} more` : '';
      return `${quote(map.sources[id]!.title)} cannot be deleted: ${quoting.length === 1 ? 'it is' : `${quoting.length} nodes are`} quoted by ${names}${more}. Delete or re-anchor that evidence first.`;
    },
    apply: (d) => {
      delete d.sources[id];
      for (const s of Object.values(d.sources)) if (s.quotes?.includes(id)) s.quotes = s.quotes.filter((q) => q !== id);
    },
  };
}

/** Ids made from titles stay short enough to read in a file. */
const MAX_ID_WORDS_LENGTH = 48;

/**
 * A readable id from a title, not yet used in the map: "Stalin to Klement Gottwald,
 * 27 August 1950" -> "stalin-to-klement-gottwald-27-august-1950"; "-2", "-3" … when taken;
 * "source1" when the title has no letters or digits to use.
 */
export function freshSourceId(map: ArgumentMap, title: string): Id {
  let slug = slugify(toLatin(title), 200);
  if (slug.length > MAX_ID_WORDS_LENGTH) {
    const cut = slug.lastIndexOf('-', MAX_ID_WORDS_LENGTH);
    slug = slug.slice(0, cut > 0 ? cut : MAX_ID_WORDS_LENGTH);
  }
  if (!slug) return freshId(map, 'source');
  // Ids start with a letter: "1950 report" -> "source-1950-report".
  const base = /^[a-z]/.test(slug) ? slug : `source-${slug}`;
  if (!lookup(map, base)) return base;
  for (let n = 2; ; n++) if (!lookup(map, `${base}-${n}`)) return `${base}-${n}`;
}
