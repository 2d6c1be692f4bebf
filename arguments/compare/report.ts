// The feedback (feedback.ts) as a file for the student: Markdown (every user text escaped, so it
// reads as the text it is, never as markup) or one self-contained HTML page (user text escaped,
// no script, no external file, a CSP that allows nothing but its own inline style). Invisible
// bidirectional controls in a node's text are shown as marks (⟨RLO⟩), never applied.
import type { ArgumentMap } from '../model';
import { escapeMarkdown } from '../outline/markdown';
import { visibleControls } from '../text/controls';
import type { Comparison } from './compare';
import { feedback, type Segment } from './feedback';

export const REPORT_FORMATS = ['md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const shownText = (s: string) => visibleControls(s.replace(/\s+/g, ' ')).text;

function markdownLine(segments: readonly Segment[]): string {
  return segments.map((s) => ('user' in s ? escapeMarkdown(shownText(s.user)) : s.text)).join('');
}

export function reportMarkdown(c: Comparison, student: ArgumentMap, instructor: ArgumentMap): string {
  const f = feedback(c, student, instructor);
  const out = [`# ${f.title}`, '', markdownLine(f.maps), '', markdownLine(f.summary), ''];
  if (f.sections.length === 0) out.push('Your map has every point and connection of the model.', '');
  for (const s of f.sections) {
    out.push(`## ${s.heading}`, '', s.intro, '');
    for (const item of s.items) out.push(`- ${markdownLine(item.segments)}`);
    out.push('');
  }
  out.push(`*${f.scoreNote}*`, '');
  return out.join('\n');
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for an HTML element: markup characters as entities, controls HTML cannot show dropped. */
export const escapeHtml = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (ch) => ENTITY[ch]!);

function htmlLine(segments: readonly Segment[]): string {
  return segments.map((s) => ('user' in s ? `<span class="name">${escapeHtml(shownText(s.user))}</span>` : escapeHtml(s.text))).join('');
}

const STYLE = `body{font:16px/1.5 Georgia,"Times New Roman",serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1a1a1a;background:#fff}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}.intro{color:#444}.note{font-style:italic;color:#444;margin-top:2em}
.name{font-style:italic}li{margin:.3em 0}@media print{body{margin:0;max-width:none}}`;

export function reportHtml(c: Comparison, student: ArgumentMap, instructor: ArgumentMap): string {
  const f = feedback(c, student, instructor);
  const body: string[] = [`<h1>${escapeHtml(f.title)}</h1>`, `<p>${htmlLine(f.maps)}</p>`, `<p class="summary">${htmlLine(f.summary)}</p>`];
  if (f.sections.length === 0) body.push('<p>Your map has every point and connection of the model.</p>');
  for (const s of f.sections) {
    body.push(`<section aria-labelledby="s-${s.key}">`, `<h2 id="s-${s.key}">${escapeHtml(s.heading)}</h2>`, `<p class="intro">${escapeHtml(s.intro)}</p>`, '<ul>');
    for (const item of s.items) body.push(`<li>${htmlLine(item.segments)}</li>`);
    body.push('</ul>', '</section>');
  }
  body.push(`<p class="note">${escapeHtml(f.scoreNote)}</p>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(f.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Plain text for a terminal: one line per sentence (the CLI makes each line safe to print). */
export function reportText(c: Comparison, student: ArgumentMap, instructor: ArgumentMap): string[] {
  const f = feedback(c, student, instructor);
  const plain = (segments: readonly Segment[]) => segments.map((s) => ('user' in s ? shownText(s.user) : s.text)).join('');
  const out = [f.title, plain(f.maps), plain(f.summary)];
  if (f.sections.length === 0) out.push('', 'Your map has every point and connection of the model.');
  for (const s of f.sections) {
    out.push('', `${s.heading} (${s.items.length})`, s.intro);
    for (const item of s.items) out.push(`  - ${plain(item.segments)}`);
  }
  out.push('', f.scoreNote);
  return out;
}

const WRITERS = { md: reportMarkdown, html: reportHtml } satisfies Record<ReportFormat, typeof reportMarkdown>;

export function report(format: ReportFormat, c: Comparison, student: ArgumentMap, instructor: ArgumentMap): string {
  return WRITERS[format](c, student, instructor);
}
