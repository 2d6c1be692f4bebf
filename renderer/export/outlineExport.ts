// File > Export Outline…: the argument as prose (Word with real footnotes, Pandoc Markdown,
// LaTeX with its BibLaTeX file) or for other tools (Argdown, AIF). The same domain writers as
// `argmap export --format docx|md|tex|argdown|aif`; the notes come from the page's one CSL
// processor (renderer/sources/citeService.ts). What the file could not carry, and any quote
// printed as the map stores it, comes back as lines for the user: never silent.
import { exportFileName } from '../../arguments/export/names';
import { describeReport } from '../../arguments/interop/report';
import type { ArgumentMap } from '../../arguments/model';
import type { SavedKind } from './save';

import { isProse, type OutlineFormat } from './outlineFormats';

export { isProse, OUTLINE_FORMATS, type OutlineFormat } from './outlineFormats';

/** What each format is saved as; the MIME types are the ones the Electron shell checks the bytes against. */
export const OUTLINE_KINDS = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: '.docx', description: 'Word document' },
  md: { mime: 'text/markdown', extension: '.md', description: 'Pandoc Markdown' },
  tex: { mime: 'application/x-tex', extension: '.tex', description: 'LaTeX document' },
  argdown: { mime: 'text/x-argdown', extension: '.argdown', description: 'Argdown' },
  aif: { mime: 'application/x-aif+json', extension: '.json', description: 'AIF (OVA3 JSON)' },
} as const satisfies Record<OutlineFormat, SavedKind>;

export const BIBLATEX_KIND: SavedKind = { mime: 'application/x-bibtex', extension: '.bib', description: 'BibLaTeX bibliography' };


/** "stalin-gottwald-1950.docx", "stalin-gottwald-1950.aif.json". */
export function outlineFileName(documentName: string, map: ArgumentMap, format: OutlineFormat): string {
  return exportFileName({ documentName, map, extension: format === 'aif' ? 'aif.json' : OUTLINE_KINDS[format].extension });
}

export interface OutlineFile {
  bytes: Uint8Array;
  /** What the reader should know: quotes not found, characters Word cannot hold, what Argdown or AIF does not carry. */
  notes: string[];
  /** One line on what was written ("4 sections, 17 quotations, 17 notes"). */
  summary: string;
  /** LaTeX: the BibLaTeX file the .tex reads its sources from, to be saved beside it under `bibName`. */
  bib?: { name: string; bytes: Uint8Array };
}

export type Progress = (step: string) => void;

const encode = (text: string) => new TextEncoder().encode(text);

export async function produceOutline(map: ArgumentMap, format: OutlineFormat, options: { status: boolean; fileName: string }, progress: Progress): Promise<OutlineFile> {
  if (!isProse(format)) {
    const exported = format === 'argdown' ? (await import('../../arguments/interop/argdown/export')).exportArgdown(map) : (await import('../../arguments/interop/aif/export')).exportAif(map);
    return {
      bytes: encode(exported.text),
      notes: describeReport(exported.report).map((l) => `Not carried: ${l}`),
      summary: `${Object.keys(map.nodes).length} statements, ${Object.keys(map.relations).length} relations`,
    };
  }
  progress('Loading the citation processor…');
  const [{ citeProcessor }, { buildOutline }] = await Promise.all([import('../sources/citeService'), import('../../arguments/outline/build')]);
  const processor = await citeProcessor();
  progress('Writing the notes and the bibliography…');
  // The page's one processor stays open for the sources pane: it is not disposed here.
  const outline = buildOutline(map, processor, options.status ? { status: { voices: null } } : {});
  const sections = outline.blocks.filter((b) => b.type === 'heading' && b.level === 1).length;
  const quotations = outline.blocks.filter((b) => b.type === 'quotation').length;
  const summary = `${sections} section${sections === 1 ? '' : 's'}, ${quotations} quotation${quotations === 1 ? '' : 's'}, ${outline.notes.length} note${outline.notes.length === 1 ? '' : 's'}, ${outline.bibliography.length} bibliography entr${outline.bibliography.length === 1 ? 'y' : 'ies'}`;
  const notes = [...outline.warnings];
  if (format === 'docx') {
    progress('Writing the Word document…');
    const docx = await (await import('../../arguments/outline/docx')).outlineDocx(outline);
    return { bytes: docx.bytes, notes: [...notes, ...docx.warnings], summary };
  }
  if (format === 'md') return { bytes: encode((await import('../../arguments/outline/markdown')).outlineMarkdown(outline)), notes, summary };
  const bibName = options.fileName.replace(/(\.tex)?$/i, '.bib');
  const [{ outlineLatex }, { exportBiblatex }] = await Promise.all([import('../../arguments/outline/latex'), import('../../arguments/cite/biblatex')]);
  return { bytes: encode(outlineLatex(outline, bibName)), notes, summary, bib: { name: bibName, bytes: encode(exportBiblatex(map)) } };
}
