// How alike two statements are, for matching a student's nodes to the model's. No kept library
// of the project does this (string-similarity packages are not installed, and the text/ modules
// align quotations word by word, which is the wrong question): a Dice coefficient over the
// statements' content words, normalised as the quotation audit normalises them (text/normalize.ts:
// case, typographic apostrophes and hyphens), accents and a short list of English function words
// set aside. Word order does not count: a student who says the same thing in another order says it.
import { words } from '../text/normalize';

/** Function words: they make unrelated sentences look alike. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without into onto over under about as is are was were be been being ' +
    'it its this that these those there their they them he him his she her we our you your i me my not no so than then too very ' +
    'has have had do does did will would can could should may might must shall which who whom whose what when where why how all any ' +
    'also only just even such both each other more most some own same s'
  ).split(' '),
);

/** A statement's content words, lowercased and without accents ("Stalin’s" → "stalin's"), in order, repeats kept. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const bare = w.norm.normalize('NFD').replace(/\p{M}+/gu, '');
    if (!FUNCTION_WORDS.has(bare)) out.push(bare);
  }
  return out;
}

/** Counts of each word: the bag a statement's similarity is measured on. */
export type WordBag = ReadonlyMap<string, number>;

export function wordBag(text: string): { bag: WordBag; size: number } {
  const bag = new Map<string, number>();
  const list = contentWords(text);
  for (const w of list) bag.set(w, (bag.get(w) ?? 0) + 1);
  return { bag, size: list.length };
}

/** Words two bags share, each counted as often as the rarer of the two has it. */
export function sharedWords(a: WordBag, b: WordBag): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const [w, k] of small) n += Math.min(k, large.get(w) ?? 0);
  return n;
}

/** Dice's coefficient of the two bags: 1 for the same words, 0 for none shared; two empty statements are alike. */
export function dice(shared: number, sizeA: number, sizeB: number): number {
  if (sizeA + sizeB === 0) return 1;
  return (2 * shared) / (sizeA + sizeB);
}

/** How alike two statements are, 0–1 (Dice over content words). */
export function textSimilarity(a: string, b: string): number {
  const x = wordBag(a);
  const y = wordBag(b);
  return dice(sharedWords(x.bag, y.bag), x.size, y.size);
}
