// `argmap compare` in a real process: the JSON shape, the report on the terminal and in a file
// (Markdown, self-contained HTML with user text escaped), and bad input refused in the loader's words.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { serializeMap } from '../../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../../arguments/model';
import { applyEdits } from '../../compare/edits';
import { buildCli, expectRefusal, SHIPPED, type Cli } from '../helpers';

let cli: Cli;
let model: ArgumentMap;
let student: string;
beforeAll(() => {
  cli = buildCli('compare');
  const r = loadMap(readFileSync(SHIPPED));
  if (!r.ok) throw new Error('the shipped map does not load');
  model = r.map;
  const { map } = applyEdits(model, [{ type: 'delete', node: 'O3' }, { type: 'move', relation: 'r.E2a.C2', to: 'C3' }, { type: 'relink', relation: 'r.O7', kind: 'qualifies' }]);
  // A student's text that looks like markup, on a node still matched (worded differently).
  const o6 = { ...map.nodes.O6!, text: `<script>alert(1)</script> & "quoted" **bold** ${map.nodes.O6!.text}` };
  student = cli.file('student.argmap.json', serializeMap({ ...map, nodes: { ...map.nodes, O6: o6 } }));
});
afterAll(() => cli.remove());

describe('argmap compare', () => {
  it('--json gives missing, extra, misplaced, wrongRelation and the score, each entry an id or an object with an id', () => {
    const r = cli.argmap('compare', student, SHIPPED, '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    expect(json.missing).toEqual(['O3']);
    expect(json.extra).toEqual([]);
    expect(json.misplaced).toEqual([{ id: 'E2a', studentId: 'E2a', expected: 'C2', found: 'C3', foundInInstructor: 'C3', relation: 'r.E2a.C2', studentRelation: 'r.E2a.C2' }]);
    expect(json.wrongRelation).toEqual([{ id: 'r.O7', studentId: 'r.O7', from: 'O7', expected: 'opposes', found: 'qualifies', reversed: false }]);
    expect(json.score).toBeGreaterThan(0.8);
    expect(json.score).toBeLessThan(1);
    for (const key of ['missing', 'extra', 'misplaced', 'wrongRelation', 'split', 'joined', 'missingRelations', 'extraRelations', 'reworded', 'kindChanged'])
      for (const entry of json[key]) expect(typeof entry === 'string' || typeof entry.id === 'string', `${key}: ${JSON.stringify(entry)}`).toBe(true);
  });

  it('prints the feedback, naming nodes by their text', () => {
    const r = cli.argmap('compare', student, SHIPPED);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Not yet in your map (1)');
    expect(r.out).toContain('“Objection: no ranking: The letter says America is diverted');
    expect(r.out).toMatch(/“The United States diverted: an advantage in the global balance of…” bears on “Claim 3: China's intervention/);
    expect(r.out).toMatch(/not a grade/);
    expect(r.out).not.toMatch(/\bO3\b|\bE2a\b/);
  });

  it('a map compared with itself has nothing to say and scores 1', () => {
    const r = cli.argmap('compare', SHIPPED, SHIPPED, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect([json.missing, json.extra, json.misplaced, json.wrongRelation, json.score]).toEqual([[], [], [], [], 1]);
  });

  it('--out writes the report as Markdown', () => {
    const r = cli.argmap('compare', student, SHIPPED, '--out', 'feedback.md');
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toBe('feedback.md: feedback report (Markdown): 1 missing, 0 extra, 1 misplaced, 1 connected differently; overall ' + JSON.parse(cli.argmap('compare', student, SHIPPED, '--json').out).score.toFixed(2) + ' of 1');
    const md = readFileSync(`${cli.dir}/feedback.md`, 'utf8');
    expect(md).toMatch(/^# Your map compared with the model\n/);
    expect(md).toContain('## Connected differently');
    // User text is escaped: it reads as the text it is, never as markup.
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\& \\"quoted\\" \\*\\*bold\\*\\*');
  });

  it('--out writes a self-contained HTML page with user text escaped and no script', () => {
    // O6 is matched (reworded): its text appears in the "In your own words" section.
    const r = cli.argmap('compare', student, SHIPPED, '--out', 'feedback.html');
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(`${cli.dir}/feedback.html`, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(html).toContain('<h2 id="s-missing">Not yet in your map</h2>');
  });

  it('refuses bad input in the loader’s words, writing nothing', () => {
    expectRefusal(cli.argmap('compare', 'nowhere.argmap.json', SHIPPED), /nowhere\.argmap\.json/, 2);
    const broken = cli.file('broken.argmap.json', '{"format": "argument-atlas/argmap", "version": 2, ');
    expectRefusal(cli.argmap('compare', broken, SHIPPED, '--out', 'x.md'), /broken\.argmap\.json: The file ends in the middle of the map/, 1);
    const newer = cli.file('newer.argmap.json', JSON.stringify({ format: 'argument-atlas/argmap', version: 99 }));
    expectRefusal(cli.argmap('compare', SHIPPED, newer), /newer\.argmap\.json: version: This map was saved by a newer version of Argument Atlas/, 1);
    const invalid = cli.file('invalid.argmap.json', serializeMap(model).replace('"kind": "claim"', '"kind": "claimm"'));
    expectRefusal(cli.argmap('compare', invalid, SHIPPED), /invalid\.argmap\.json: nodes\[0\]\.kind: The text "claimm" is not a valid value/, 1);
    expectRefusal(cli.argmap('compare', student, SHIPPED, '--out', 'report.pdf'), /--out report\.pdf: the report is written as Markdown \(\.md\) or HTML \(\.html\)/, 2);
    expectRefusal(cli.argmap('compare', student), /give STUDENT and INSTRUCTOR/, 2);
    expect(() => readFileSync(`${cli.dir}/x.md`)).toThrow();
  });
});
