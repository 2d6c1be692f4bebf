// The outline as a LaTeX article (for XeLaTeX or LuaLaTeX: fontspec, so Cyrillic and other
// scripts are typeset as given), quotations in `quote` environments with their line breaks, the
// Chicago notes as \footnote (the CSL processor's text, as in the other writers) and the
// bibliography as the processor's entries. The sources also go out as a BibLaTeX file
// (cite/biblatex.ts) that the document names with \addbibresource, for the author's own \cite
// commands. Every text is escaped so that it stays text.
import type { Block, Inline, Outline } from './model';

// Escapes that LaTeX and Pandoc's LaTeX reader both read as the character. Pairs that TeX's
// ligatures would join ('' `` -- ,, << >>) are split with {}; a single ' or " is typeset by TeX
// as a curly quote, which is how LaTeX prints them.
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  '<': '\\textless{}', '>': '\\textgreater{}', '|': '\\textbar{}', '#': '\\#', $: '\\$', '%': '\\%', '&': '\\&', _: '\\_',
  '[': '{[}', ']': '{]}',
};

/** One line as LaTeX text: every character means itself (line breaks and runs of spacing as one space). */
export function escapeLatex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\{}~^<>|#$%&_[\]]/g, (c) => SPECIAL[c]!)
    .replace(/(['`\-,<>!?])(?=['`\-,<>])/g, '$1{}');
}
const tex = escapeLatex;

/** Several lines: each escaped, joined by \\; blank lines end a paragraph. */
function lines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map(tex)
        .join('\\\\\n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}

const inline = (i: Inline, notes: readonly string[]) => ('note' in i ? footnote(notes, i.note) : 'text' in i ? tex(i.text) : `\\emph{${tex(i.emphasis)}}`);
const footnote = (notes: readonly string[], n: number) => `\\footnote{${tex(notes[n - 1] ?? '')}}`;

function block(b: Block, notes: readonly string[]): string {
  if (b.type === 'heading') return `\\${b.level === 1 ? 'section' : 'subsection'}*{${tex(b.text)}}`;
  if (b.type === 'paragraph') return b.content.map((i) => inline(i, notes)).join('');
  return `\\begin{quote}\n${lines(b.text) || '{[}no text{]}'}${b.note === undefined ? '' : footnote(notes, b.note)}\n\\end{quote}`;
}

/** The document; `bibFile` is the name of the BibLaTeX file written beside it ("outline.bib"). */
export function outlineLatex(outline: Outline, bibFile: string): string {
  const out = [
    '% Written by Argument Atlas. Typeset with XeLaTeX or LuaLaTeX (fontspec).',
    '\\documentclass{article}',
    '\\usepackage{fontspec}',
    '\\usepackage{csquotes}',
    '\\usepackage[backend=biber]{biblatex}',
    `\\addbibresource{${bibFile.replace(/[\\{}%#$&^_~\s]/g, '')}}`,
    `\\title{${tex(outline.title)}}`,
    `\\author{${outline.authors.map(tex).join(' \\and ')}}`,
    '\\date{}',
    '\\begin{document}',
    '\\maketitle',
    '',
  ];
  if (outline.abstract) out.push('\\begin{abstract}', lines(outline.abstract), '\\end{abstract}', '');
  for (const b of outline.blocks) out.push(block(b, outline.notes), '');
  if (outline.bibliography.length > 0) {
    out.push('\\section*{Bibliography}', '');
    for (const e of outline.bibliography) out.push(`\\noindent ${lines(e.text)}`, '');
  }
  out.push('\\end{document}', '');
  return out.join('\n');
}
