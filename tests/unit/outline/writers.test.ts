// The three writers read back by a real reader, Pandoc: every heading, quotation and note of the
// outline is there, in order; and hostile text stays text (no markup, no lost characters).
import { beforeAll, describe, expect, it } from 'vitest';
import { outlineDocx } from '../../../arguments/outline/docx';
import { escapeLatex, outlineLatex } from '../../../arguments/outline/latex';
import { outlineMarkdown } from '../../../arguments/outline/markdown';
import { outlineText, type Outline } from '../../../arguments/outline/model';
import { fold, missingInOrder, outlineOf, pandoc, shippedMap } from './helpers';

let outline: Outline;
beforeAll(async () => {
  outline = await outlineOf(shippedMap(), { status: { voices: null } });
});

/** What a reader must find, in this order: the text, then (Pandoc puts notes last) the notes. */
const expected = (o: Outline) => [...outlineText(o), ...o.bibliography.map((b) => b.text), ...o.notes];

const HOSTILE = 'A *bold* _claim_ with <b>html</b>, $math$, \\emph{tex}, [link](x), `code`, # hash, 50% & {braces} ~ ^ | -- \'\' "q" @cite';
function hostileOutline(): Outline {
  return {
    title: 'Title with *stars* and {braces}',
    authors: ['A. Author'],
    blocks: [
      { type: 'heading', level: 1, text: '# Not a heading ##' },
      { type: 'paragraph', content: [{ text: '1. not a list ' }, { emphasis: 'emphasised' }, { text: ` ${HOSTILE}` }] },
      { type: 'quotation', text: 'Line one\n- not a list item\n    not code\n\nSecond paragraph > not quoted', note: 1 },
    ],
    notes: [`Note with ${HOSTILE}`],
    citations: [{ note: 1, source: 's', locator: null }],
    bibliography: [{ source: 's', text: 'Author, A. *Title*. Place: [Publisher], 1950.' }],
    warnings: [],
  };
}

describe('outlineDocx', () => {
  it('makes a Word document Pandoc reads with every heading, quotation and note in order', async () => {
    const { bytes, warnings } = await outlineDocx(outline);
    expect(warnings).toEqual([]);
    const text = pandoc(bytes, 'docx');
    expect(missingInOrder(text, expected(outline))).toBeNull();
  });

  it('has real Word footnotes, one per note', async () => {
    const { bytes } = await outlineDocx(outline);
    const md = pandoc(bytes, 'docx').match(/\[\d+\]/g) ?? [];
    // plain output marks each footnote twice: the reference and the note
    expect(new Set(md).size).toBe(outline.notes.length);
  });

  it('keeps hostile text as text and control characters as a visible mark, said so', async () => {
    const o = hostileOutline();
    o.blocks.push({ type: 'paragraph', content: [{ text: 'bell\u0007here' }] });
    const { bytes, warnings } = await outlineDocx(o);
    const text = pandoc(bytes, 'docx');
    expect(missingInOrder(text, [HOSTILE, 'Second paragraph > not quoted', `Note with ${HOSTILE}`])).toBeNull();
    expect(text).toContain('bell\ufffdhere');
    expect(warnings).toEqual(['1 characters that a Word document cannot hold (control characters) are shown as �.']);
  });
});

describe('outlineMarkdown', () => {
  it('is Pandoc Markdown with [^n] notes, read back with everything in order', () => {
    const md = outlineMarkdown(outline);
    expect(md).toMatch(/\[\^1\]: /);
    expect(missingInOrder(pandoc(md, 'markdown'), expected(outline))).toBeNull();
  });

  it('escapes every piece of markup: Pandoc reads the text itself', () => {
    const o = hostileOutline();
    const text = pandoc(outlineMarkdown(o), 'markdown');
    expect(missingInOrder(text, [o.title, '# Not a heading ##', `1. not a list emphasised ${HOSTILE}`, 'Line one', '- not a list item', 'not code', 'Second paragraph > not quoted', o.bibliography[0]!.text, `Note with ${HOSTILE}`])).toBeNull();
    const html = spawnHtml(outlineMarkdown(o));
    expect(html.split('<section class="footnotes')[0]).not.toMatch(/<b>|<code>|<a (?!href="#fn)|<ul>|<ol>|<pre>|class="math/);
  });
});

describe('outlineLatex', () => {
  it('is LaTeX with \\footnote and the .bib named, read back by Pandoc in order', () => {
    const tex = outlineLatex(outline, 'outline.bib');
    expect(tex).toContain('\\addbibresource{outline.bib}');
    expect(tex.match(/\\footnote\{/g)).toHaveLength(outline.notes.length);
    const text = pandoc(tex, 'latex');
    // Pandoc's plain writer puts the notes last, as Markdown's; the bibliography stays in the text.
    expect(missingInOrder(text, outlineText(outline).filter((t) => t !== outline.title && t !== outline.abstract))).toBeNull();
    // Pandoc keeps a LaTeX abstract as metadata, which its plain writer leaves out.
    expect(tex).toContain(`\\begin{abstract}\n${escapeLatex(outline.abstract!)}\n\\end{abstract}`);
    expect(missingInOrder(text, outline.notes)).toBeNull();
  });

  it('escapes TeX so that every character means itself', () => {
    expect(escapeLatex('50% & $5 #1 a_b {x} \\y ~ ^')).toBe('50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textbackslash{}y \\textasciitilde{} \\textasciicircum{}');
    expect(escapeLatex("-- '' ``")).toBe("-{}- '{}' `{}`");
    const text = fold(pandoc(outlineLatex(hostileOutline(), 'x.bib'), 'latex'));
    for (const part of ['Title with *stars* and {braces}', '# Not a heading ##', 'Second paragraph > not quoted', '$math$', '\\emph{tex}', '50% & {braces} ~ ^']) expect(text).toContain(fold(part));
  });
});

import { spawnSync } from 'node:child_process';
function spawnHtml(md: string): string {
  return spawnSync('pandoc', ['-f', 'markdown', '-t', 'html'], { input: md }).stdout.toString('utf8');
}

describe('a map whose every node is 5,000 characters (bad input the issue names)', () => {
  it('gives Word, Markdown and LaTeX outlines at once, with every node\u2019s whole text, in order', async () => {
    const map = shippedMap();
    const words = 'The letter of 27 August 1950 weighs the boycott against the war in Korea; ';
    for (const n of Object.values(map.nodes)) n.text = words.repeat(80).slice(0, 5000);
    const started = Date.now();
    const long = await outlineOf(map);
    const docx = await outlineDocx(long);
    const md = outlineMarkdown(long);
    const tex = outlineLatex(long, 'long.bib');
    expect(Date.now() - started).toBeLessThan(30_000);
    // Every block of 5,000 characters arrives whole: the readers find the outline's text in order.
    expect(outlineText(long).some((t) => fold(t).length >= fold(words.repeat(80).slice(0, 5000)).length - 2)).toBe(true);
    expect(missingInOrder(pandoc(docx.bytes, 'docx'), expected(long))).toBeNull();
    expect(missingInOrder(pandoc(md, 'markdown'), expected(long))).toBeNull();
    // As above: Pandoc keeps a LaTeX title and abstract as metadata, which its plain writer leaves out.
    expect(missingInOrder(pandoc(tex, 'latex'), outlineText(long).filter((t) => t !== long.title && t !== long.abstract))).toBeNull();
  }, 120_000);
});
