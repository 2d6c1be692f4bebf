// The outline as Pandoc Markdown: a YAML title block, ATX headings, quotations as block quotes
// (their line breaks kept as hard breaks), Chicago notes as [^n] footnotes and the bibliography
// last. Every text is escaped so that Pandoc reads it as the text it is: no markup, no raw HTML
// or TeX, no list or heading started by a line of a quotation.
import type { Block, Inline, Outline } from './model';

// Pandoc lets a backslash escape any ASCII punctuation; these can start or change markup.
const SPECIAL = /[\\`*_{}[\]<>#+\-!|~^$@"'=&%]/g;

/** Text within a line, read back by Pandoc as itself. */
export const escapeMarkdown = (text: string): string => text.replace(SPECIAL, (c) => `\\${c}`);

/** A whole line: escaped, and nothing at its start read as a list, a definition or a code block. */
function line(text: string): string {
  return lineStart(escapeMarkdown(text));
}

function lineStart(escaped: string): string {
  let out = escaped;
  // "1." or "1)" at the start of a line would open a numbered list; ":" a definition.
  out = out.replace(/^(\s*\d+)([.)])/, '$1\\$2').replace(/^(\s*):/, '$1\\:');
  // Leading spaces would make a code block: they become escaped (non-breaking) spaces.
  return out.replace(/^ +/, (s) => '\\ '.repeat(s.length)).replace(/\t/g, ' ');
}

/** A text of several lines: each escaped, joined by hard line breaks; blank lines kept as paragraph breaks. */
function lines(text: string, prefix = ''): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  return paragraphs
    .map((p) =>
      p
        .split('\n')
        .map((l) => line(l.replace(/\s+$/, '')))
        .filter((l) => l !== '')
        .map((l) => prefix + l)
        .join('\\\n'),
    )
    .filter((p) => p.trim() !== prefix.trim() && p !== '')
    .join(`\n${prefix.trimEnd()}\n`);
}

const inline = (i: Inline) => ('note' in i ? `[^${i.note}]` : 'text' in i ? escapeMarkdown(i.text.replace(/\s+/g, ' ')) : i.emphasis.trim() === '' ? '' : `*${escapeMarkdown(i.emphasis.replace(/\s+/g, ' ').trim())}*`);

function block(b: Block): string {
  if (b.type === 'heading') return `${'#'.repeat(b.level)} ${line(b.text.replace(/\s+/g, ' ').trim())}`;
  if (b.type === 'paragraph') return lineStart(b.content.map(inline).join(''));
  const body = lines(b.text, '> ') || '> \\[no text\\]';
  return b.note === undefined ? body : `${body}[^${b.note}]`;
}

/** A YAML double-quoted scalar (JSON's string escapes are YAML's) that Pandoc reads as Markdown: escaped. */
const yaml = (s: string) => JSON.stringify(escapeMarkdown(s.replace(/\s+/g, ' ')));

export function outlineMarkdown(outline: Outline): string {
  const out: string[] = ['---', `title: ${yaml(outline.title)}`];
  if (outline.authors.length > 0) out.push(`author: [${outline.authors.map(yaml).join(', ')}]`);
  out.push('---', '');
  if (outline.abstract) out.push(lines(outline.abstract), '');
  for (const b of outline.blocks) out.push(block(b), '');
  if (outline.bibliography.length > 0) {
    out.push('# Bibliography', '');
    for (const e of outline.bibliography) out.push(lines(e.text), '');
  }
  outline.notes.forEach((n, k) => out.push(`[^${k + 1}]: ${lines(n) || '\\[no note\\]'}`, ''));
  return out.join('\n');
}
