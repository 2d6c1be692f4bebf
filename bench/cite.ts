// Citation figures: the citation processor's start-up (WebAssembly module and the two Chicago
// styles) and Chicago notes and a bibliography for 100 sources, in this process.
// `npx tsx bench/cite.ts` prints the table; run.ts can add benchCite()'s figures to the report.
import { toCsl } from '../arguments/cite/csl';
import { createCiteProcessor, type Cite } from '../arguments/cite/processor';
import { CHICAGO_STYLES } from '../arguments/cite/styles/styles';
import { makeNodeDriver } from '../arguments/cli/citeproc-node';
import type { Source } from '../arguments/model';
import { markdownTable, type Figure } from './results';

/** 100 sources: a third archival letters, a third books, a third journal articles. */
export function citeSources(n = 100): Source[] {
  return Array.from({ length: n }, (_, i): Source => {
    const year = 1900 + (i % 90);
    if (i % 3 === 0)
      return {
        id: `letter${i}`, title: `Letter ${i}`, role: 'primary', text: '', author: `Author${i % 7} Sender`, recipient: `Recipient${i % 11} Person`,
        date: `${year}-0${1 + (i % 9)}-1${i % 10}`, citation: { asGiven: '', archive: 'RGASPI', fond: '558', opis: '11', delo: String(i), listy: `${i}–${i + 1}` },
      };
    if (i % 3 === 1)
      return { id: `book${i}`, title: `The Book of Chapter ${i}: A Study`, role: 'secondary', text: '', author: `Author${i % 13}, Given`, date: String(year), place: 'London', bib: { type: 'book', publisher: 'A Press' } };
    return {
      id: `article${i}`, title: `An Article ${i}`, role: 'secondary', text: '', author: `Writer${i % 17}, Given`, date: String(year),
      bib: { type: 'article-journal', 'container-title': 'Journal of History', volume: String(i % 40), page: `${i}-${i + 20}` },
    };
  });
}

const ms = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
};

export async function benchCite(reps = 5): Promise<Figure[]> {
  const sources = citeSources(100);
  // Each source cited twice with a locator: its full first note, then a short note.
  const cites: Cite[] = sources.flatMap((s, i): Cite[] => {
    const locator = { label: s.citation ? ('folio' as const) : ('page' as const), value: String(i + 1) };
    return [{ id: s.id, locator }, { id: s.id, locator }];
  });
  // Cold, as a user meets it: the first processor of the process, and its first footnote.
  const [first, coldMs] = await ms(() => createCiteProcessor(makeNodeDriver, CHICAGO_STYLES));
  const [, coldNoteMs] = await ms(() => first.notes([toCsl(sources[0]!)], [cites[0]!], 'full'));
  first.dispose();
  const startMs: number[] = [];
  const toCslMs: number[] = [];
  const notesMs: number[] = [];
  const notesAgainMs: number[] = [];
  const bibMs: number[] = [];
  const bibAgainMs: number[] = [];
  for (let i = 0; i < reps + 1; i++) {
    const [p, tStart] = await ms(() => createCiteProcessor(makeNodeDriver, CHICAGO_STYLES));
    const [items, tCsl] = await ms(() => sources.map((s) => toCsl(s)));
    // A fresh processor renders slowly the first time (citeproc-rs builds its caches per style
    // and item); the app keeps one processor, so later renders are the ones of steady use.
    const [notes, tNotes] = await ms(() => p.notes(items, cites, 'full'));
    const [, tNotesAgain] = await ms(() => p.notes(items, cites, 'full'));
    const [bib, tBib] = await ms(() => p.bibliography(items));
    const [, tBibAgain] = await ms(() => p.bibliography(items));
    if (notes.length !== 200 || bib.length !== 100 || notes.some((n) => !n.plain)) throw new Error('the citation bench rendered the wrong number of notes or entries');
    p.dispose();
    // The first round warms the JIT; it is not kept.
    if (i === 0) continue;
    startMs.push(tStart);
    toCslMs.push(tCsl);
    notesMs.push(tNotes);
    notesAgainMs.push(tNotesAgain);
    bibMs.push(tBib);
    bibAgainMs.push(tBibAgain);
  }
  const row = (key: string, label: string, app: number[]): Figure => ({ key, label, size: null, unit: 'ms', app, baseline: null });
  return [
    row('cite.start.cold', 'Citation processor start-up, first in the process (load the WebAssembly, parse two Chicago styles)', [coldMs]),
    row('cite.note.cold', 'One footnote from that first processor (first render in the process)', [coldNoteMs]),
    row('cite.start', 'Citation processor start-up, again', startMs),
    row('cite.csl.100', 'CSL-JSON of 100 sources (toCsl)', toCslMs),
    row('cite.notes.100.first', 'Chicago notes for 100 sources, 100 full + 100 short, plain and HTML: first render of a new processor', notesMs),
    row('cite.notes.100', 'Chicago notes for 100 sources, 100 full + 100 short, plain and HTML: again', notesAgainMs),
    row('cite.bibliography.100.first', 'Chicago bibliography of 100 sources, plain and HTML: first render', bibMs),
    row('cite.bibliography.100', 'Chicago bibliography of 100 sources, plain and HTML: again', bibAgainMs),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(markdownTable(await benchCite()));
