// The argument as prose: one outline of a map, which the writers (DOCX, Pandoc Markdown,
// LaTeX) only lay out. Text in it is plain text, exactly as the map and its sources give it:
// each writer escapes it for its own medium. A note is referred to by its number; the notes are
// the Chicago footnotes of the quotations, in the order they stand.
import type { Locator } from '../cite/locator';
import type { Id } from '../model';

export type Inline = { text: string } | { emphasis: string } | { note: number };

export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; content: Inline[] }
  /** A passage quoted from a source, byte-exact (line breaks and page breaks kept), with its footnote. */
  | { type: 'quotation'; text: string; note?: number };

export interface Citation {
  note: number;
  source: Id;
  locator: Locator | null;
}

export interface Outline {
  title: string;
  /** The map's description, when it has one. */
  abstract?: string;
  authors: string[];
  blocks: Block[];
  /** Note n is notes[n - 1]: the Chicago note, plain text. */
  notes: string[];
  /** Which source each note cites, with its page or folio (for a BibLaTeX \footcite). */
  citations: Citation[];
  /** The cited sources' Chicago bibliography entries, in the bibliography's order. */
  bibliography: { source: Id; text: string }[];
  /** What a reader of the export should know (a quote not found in its source…). */
  warnings: string[];
}

/** The outline as plain text: what each writer must carry, in order (the tests' yardstick). */
export function outlineText(outline: Outline): string[] {
  const out: string[] = [outline.title];
  if (outline.abstract) out.push(outline.abstract);
  for (const b of outline.blocks) {
    if (b.type === 'heading') out.push(b.text);
    else if (b.type === 'quotation') out.push(b.text);
    else out.push(b.content.map((i) => ('note' in i ? '' : 'text' in i ? i.text : i.emphasis)).join(''));
  }
  return out;
}
