// The feedback report: nodes named by their text, user text escaped in Markdown and HTML, bidi
// controls shown as marks, the HTML page self-contained, and the score explained as feedback.
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../arguments/compare/compare';
import { feedback, nodeName } from '../../../arguments/compare/feedback';
import { reportHtml, reportMarkdown, reportText } from '../../../arguments/compare/report';
import { loadMap } from '../../../arguments/format/load';

const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!r.ok) throw new Error('the shipped map does not load');
const model = r.map;

const student = produce(model, (d) => {
  delete d.nodes.O5;
  delete d.relations['r.O5'];
  delete d.relations['r.E5.O5'];
  d.nodes.X = { id: 'X', kind: 'counter', text: '<img src=x onerror=alert(1)> # no *heading* [a](http://x) \u202Eevil' };
  d.relations['r.X'] = { id: 'r.X', kind: 'opposes', from: ['X'], to: 'C3' };
});
const c = compare(student, model);

describe('the feedback report', () => {
  it('names nodes by title and first words, and says what is missing and what is the student’s own', () => {
    expect(nodeName(model, 'C1')).toBe('Claim 1: Stalin not only predicted but actually wanted U.S. intervention in…');
    const f = feedback(c, student, model);
    expect(f.sections.map((s) => s.key)).toEqual(['missing', 'extra']);
    expect(f.sections[0]!.items[0]!.instructor).toEqual(['O5']);
    expect(reportText(c, student, model).join('\n')).toContain('Counter-consideration “Objection: the 1949 cable: In October 1949 Stalin, agreeing with Mao, advised that the Korean…” (in the model it opposes “Claim 3:');
  });

  it('escapes user text in Markdown and shows bidi controls as marks', () => {
    const md = reportMarkdown(c, student, model);
    expect(md).toContain('\\<img src\\=x onerror\\=alert(1)\\> \\# no \\*heading\\* \\[a\\](http://x) ⟨RLO⟩evil');
    expect(md).not.toContain('\u202E');
    expect(md).toMatch(/feedback on how much of the model’s argument your map reproduces, not a grade/);
  });

  it('writes one self-contained HTML page: escaped, no script, no request, a strict CSP', () => {
    const html = reportHtml(c, student, model);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script|<link|<a\s|<[^>]*\s(src|href)=|url\(|@import/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain('⟨RLO⟩evil');
    expect(html).toContain('<html lang="en">');
  });

  it('speaks to the student in the report and about the student in the instructor’s panel', () => {
    const forStudent = feedback(c, student, model);
    const forInstructor = feedback(c, student, model, 'instructor');
    expect(forStudent.sections.map((s) => s.heading)).toEqual(['Not yet in your map', 'Your own points']);
    expect(forInstructor.sections.map((s) => s.heading)).toEqual(['Not yet in the student’s map', 'The student’s own points']);
    expect(forInstructor.title).toBe('The student’s map compared with the model');
    const words = (f: typeof forStudent) =>
      [f.title, f.scoreNote, ...f.summary, ...f.maps, ...f.sections.flatMap((s) => [s.heading, s.intro, ...s.items.flatMap((i) => i.segments)])]
        .map((x) => (typeof x === 'string' ? x : 'text' in x ? x.text : ''))
        .join(' ');
    expect(words(forInstructor)).not.toMatch(/\b(you|your|yours)\b/i);
    expect(words(forInstructor)).toContain('of the student’s points are the model’s');
    // Same items, same ids: only the wording differs.
    expect(forInstructor.sections.map((s) => s.items.map((i) => [i.instructor, i.student]))).toEqual(forStudent.sections.map((s) => s.items.map((i) => [i.instructor, i.student])));
  });

  it('says so when the map has everything', () => {
    expect(reportMarkdown(compare(model, model), model, model)).toContain('Your map has every point and connection of the model.');
  });
});
