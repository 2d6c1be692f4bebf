// The outline as a Word document (the `docx` package): Title, Heading 1 and 2, quotations as
// indented paragraphs with their line breaks, the Chicago notes as real Word footnotes (Word
// numbers them in the order they stand), the bibliography with hanging indents. Characters XML
// cannot hold (controls other than tab and line breaks) are shown as U+FFFD and said so.
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Block, Inline, Outline } from './model';

// XML 1.0 refuses these; a lone surrogate would not survive UTF-8 either.
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface DocxOutput {
  bytes: Uint8Array;
  /** Texts whose characters Word cannot hold: which, and what became of them. */
  warnings: string[];
}

class Runs {
  replaced = 0;
  text(text: string, options: { italics?: boolean } = {}): TextRun[] {
    const clean = text.replace(NOT_IN_XML, () => {
      this.replaced++;
      return '\ufffd';
    });
    // One run per line, each after the first with a line break before it.
    return clean
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line, k) => new TextRun({ text: line, ...(k > 0 ? { break: 1 } : {}), ...options }));
  }
}

function inline(runs: Runs, i: Inline): ParagraphChild[] {
  if ('note' in i) return [new FootnoteReferenceRun(i.note)];
  if ('text' in i) return runs.text(i.text.replace(/\s*\n\s*/g, ' '));
  return runs.text(i.emphasis.replace(/\s*\n\s*/g, ' '), { italics: true });
}

function block(runs: Runs, b: Block): Paragraph {
  if (b.type === 'heading') return new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: runs.text(b.text.replace(/\s+/g, ' ')) });
  if (b.type === 'paragraph') return new Paragraph({ children: b.content.flatMap((i) => inline(runs, i)) });
  return new Paragraph({
    indent: { left: 720, right: 720 },
    spacing: { before: 120, after: 120 },
    children: [...runs.text(b.text), ...(b.note === undefined ? [] : [new FootnoteReferenceRun(b.note)])],
  });
}

export async function outlineDocx(outline: Outline): Promise<DocxOutput> {
  const runs = new Runs();
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: runs.text(outline.title) })];
  if (outline.authors.length > 0) children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: runs.text(outline.authors.join(', '), { italics: true }) }));
  if (outline.abstract) children.push(new Paragraph({ children: runs.text(outline.abstract) }));
  for (const b of outline.blocks) children.push(block(runs, b));
  if (outline.bibliography.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs.text('Bibliography') }));
    for (const e of outline.bibliography) children.push(new Paragraph({ indent: { left: 720, hanging: 720 }, children: runs.text(e.text) }));
  }
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  outline.notes.forEach((n, k) => (footnotes[k + 1] = { children: [new Paragraph({ children: runs.text(n) })] }));
  const doc = new Document({
    creator: 'Argument Atlas',
    title: outline.title.replace(NOT_IN_XML, '\ufffd'),
    footnotes,
    sections: [{ children }],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  const warnings = runs.replaced > 0 ? [`${runs.replaced.toLocaleString('en-US')} characters that a Word document cannot hold (control characters) are shown as �.`] : [];
  return { bytes, warnings };
}
