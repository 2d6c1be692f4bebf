// `argmap export MAP --format docx|md|tex|argdown|aif --out PATH`: the argument as prose (a Word
// document with real footnotes, Pandoc Markdown, LaTeX with a BibLaTeX file beside it) or as
// Argdown or AIF for other tools. What Argdown or AIF cannot carry is named on standard error.
// Each writer (docx, the citation processor, Argdown's parser) is imported only when its format
// is asked for: `argmap export --format svg` loads this module and none of them.
import { describeReport, type ExchangeReport } from '../../interop/report';
import type { ArgumentMap } from '../../model';
import type { Outline } from '../../outline/model';
import { CliError, say, type Io } from '../io';
import { shown } from '../quote';
import { checkTarget, writeFileAtomic } from '../write';

export const TEXT_FORMATS = ['docx', 'md', 'tex', 'argdown', 'aif'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];
export const isTextFormat = (f: string): f is TextFormat => (TEXT_FORMATS as readonly string[]).includes(f);

/** The format an --out name implies (".aif.json" for AIF: a plain ".json" could be a map). */
export function textFormatOf(out: string): TextFormat | undefined {
  if (/\.aif\.json$/i.test(out)) return 'aif';
  const ext = /\.([A-Za-z]+)$/.exec(out)?.[1]?.toLowerCase();
  return ext === 'markdown' ? 'md' : ext !== undefined && isTextFormat(ext) && ext !== 'aif' ? ext : undefined;
}

export interface TextExportOptions {
  out: string;
  /** Outlines: say whether each thesis and claim stands, counting every voice. */
  status: boolean;
}

const kb = (n: number) => `${(n / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;

async function outlineOf(map: ArgumentMap, status: boolean): Promise<Outline> {
  const [{ nodeCiteProcessor }, { buildOutline }] = await Promise.all([import('../citeproc-node'), import('../../outline/build')]);
  const processor = await nodeCiteProcessor();
  try {
    return buildOutline(map, processor, status ? { status: { voices: null } } : {});
  } finally {
    processor.dispose();
  }
}

function sayReport(io: Io, report: ExchangeReport): void {
  for (const line of describeReport(report)) say(io.err, `not carried: ${line}`);
}

export async function exportText(map: ArgumentMap, format: TextFormat, o: TextExportOptions, io: Io): Promise<number> {
  if (o.status && (format === 'argdown' || format === 'aif')) throw new CliError('argmap export: --status applies to outlines (docx, md, tex) only.');
  checkTarget(o.out, { overwrite: true });
  const write = (path: string, data: string | Uint8Array) => writeFileAtomic(path, data, { overwrite: true });
  if (format === 'argdown' || format === 'aif') {
    const exported = format === 'argdown' ? (await import('../../interop/argdown/export')).exportArgdown(map) : (await import('../../interop/aif/export')).exportAif(map);
    write(o.out, exported.text);
    say(io.out, `${shown(o.out)}: ${format === 'argdown' ? 'Argdown' : 'AIF (OVA3 JSON)'}, ${Object.keys(map.nodes).length} statements, ${Object.keys(map.relations).length} relations, ${kb(exported.text.length)}`);
    sayReport(io, exported.report);
    return 0;
  }
  const outline = await outlineOf(map, o.status);
  const sections = outline.blocks.filter((b) => b.type === 'heading' && b.level === 1).length;
  const quotations = outline.blocks.filter((b) => b.type === 'quotation').length;
  const summary = `${sections} sections, ${quotations} quotations, ${outline.notes.length} notes, ${outline.bibliography.length} bibliography entries`;
  const warnings = [...outline.warnings];
  if (format === 'docx') {
    const docx = await (await import('../../outline/docx')).outlineDocx(outline);
    warnings.push(...docx.warnings);
    write(o.out, docx.bytes);
    say(io.out, `${shown(o.out)}: Word outline, ${summary}, ${kb(docx.bytes.length)}`);
  } else if (format === 'md') {
    const text = (await import('../../outline/markdown')).outlineMarkdown(outline);
    write(o.out, text);
    say(io.out, `${shown(o.out)}: Pandoc Markdown outline, ${summary}, ${kb(text.length)}`);
  } else {
    const bib = o.out.replace(/(\.tex)?$/i, '.bib');
    const bibName = bib.split(/[\\/]/).pop()!;
    checkTarget(bib, { overwrite: true });
    const [{ outlineLatex }, { exportBiblatex }] = await Promise.all([import('../../outline/latex'), import('../../cite/biblatex')]);
    const text = outlineLatex(outline, bibName);
    write(bib, exportBiblatex(map));
    write(o.out, text);
    say(io.out, `${shown(o.out)}: LaTeX outline, ${summary}, with the sources in ${shown(bib)}`);
  }
  for (const w of warnings) say(io.err, `warning: ${w}`);
  return 0;
}
