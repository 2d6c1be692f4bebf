// The outline of the shipped map: what a historian reads in the exported paper, section by section.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Outline } from '../../../arguments/outline/model';
import { outlineText } from '../../../arguments/outline/model';
import { emptyMap } from '../../../arguments/model';
import { outlineOf, shippedMap } from './helpers';

let outline: Outline;
let withStatus: Outline;
const map = shippedMap();

beforeAll(async () => {
  outline = await outlineOf(map);
  withStatus = await outlineOf(map, { status: { voices: null } });
});

const paragraphs = (o: Outline) => o.blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph').map((b) => b.content.map((i) => ('text' in i ? i.text : 'emphasis' in i ? i.emphasis : '')).join(''));
const headings = (o: Outline, level: 1 | 2) => o.blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level === level).map((b) => b.text);

describe('buildOutline on the shipped map', () => {
  it('has the title, the thesis first and a section per claim in their numbered order', () => {
    expect(outline.title).toBe(map.meta.title);
    expect(headings(outline, 1)).toEqual(['Thesis', 'Claim 1', 'Claim 2', 'Claim 2a: Europe first', 'Claim 3', 'Claim 3a: no rapprochement', 'Claim 4']);
  });

  it('quotes every quoted node once, byte-exact from its source, each with its own note, numbered in order', () => {
    const quotations = outline.blocks.filter((b): b is Extract<Block, { type: 'quotation' }> => b.type === 'quotation');
    expect(quotations.map((q) => q.note)).toEqual(quotations.map((_, k) => k + 1));
    expect(outline.notes).toHaveLength(quotations.length);
    for (const q of quotations) {
      const c = outline.citations[q.note! - 1]!;
      expect(map.sources[c.source]!.text.includes(q.text), q.text).toBe(true);
    }
    // The source's own spelling of the passage (its spacing kept); evidence for two things is quoted under each.
    const folded = quotations.map((q) => q.text.replace(/\s+/g, ' '));
    for (const n of Object.values(map.nodes).filter((n) => n.quote)) expect(folded.includes(n.quote!.exact.replace(/\s+/g, ' ')), n.id).toBe(true);
    expect(outline.warnings).toEqual([]);
  });

  it('cites in Chicago notes style: a source in full first, then short, with the folios', () => {
    const letter = outline.citations.findIndex((c) => c.source === 'letter');
    const later = outline.citations.findIndex((c, k) => k > letter && c.source === 'letter');
    expect(outline.notes[letter]).toMatch(/Gottwald/);
    expect(outline.notes[later]).toBe('Stalin to Gottwald, August 27, 1950, ll. 71–72.');
    expect(outline.notes[later]!.length).toBeLessThan(outline.notes[letter]!.length);
    expect(outline.bibliography.map((b) => b.source).sort()).toEqual([...new Set(outline.citations.map((c) => c.source))].sort());
  });

  it('writes linked premises as one inference, said to support only together', () => {
    const claim1 = paragraphs(outline).find((p) => p.startsWith('Linked premises'))!;
    expect(claim1).toMatch(/^Linked premises, which support the claim only together: \(a\) Stalin names .*\(b\) Stalin says the boycott/);
  });

  it('gathers counters and rebuttals under "Objections and replies", in their voices', () => {
    expect(headings(outline, 2)).toContain('Objections and replies');
    const text = paragraphs(outline).join('\n');
    expect(text).toMatch(/The critic questions the inference from premise \(a\) and premise \(b\) to the claim \(Objection: when and to whom\)/);
    expect(text).toMatch(/The translator adds a caveat to/);
    const ids = new Set(Object.values(map.nodes).filter((n) => n.kind === 'counter' || n.kind === 'rebuttal').map((n) => n.text));
    for (const t of ids) expect(text.includes(t.trim().replace(/\.$/, '')), t).toBe(true);
  });

  it('leaves nothing out: every statement of the map is in the outline', () => {
    const all = outlineText(outline).join('\n');
    for (const n of Object.values(map.nodes)) expect(all.includes(n.text.trim().replace(/\.$/, '')), n.id).toBe(true);
  });

  it('says the dialectical status of each thesis and claim only when asked', () => {
    expect(headings(outline, 2)).not.toContain('Status');
    const status = paragraphs(withStatus).filter((p) => p.startsWith('Dialectical status'));
    expect(status).toHaveLength(7);
    expect(status[1]).toMatch(/^Dialectical status \(every voice counted\): falls/);
  });
});

describe('buildOutline on other maps', () => {
  it('says that an empty map has no statements, and cites nothing', async () => {
    const o = await outlineOf(emptyMap('2026-01-01T00:00:00Z', 'Empty'));
    expect(outlineText(o)).toEqual(['Empty', 'This map has no statements yet.']);
    expect(o.notes).toEqual([]);
    expect(o.bibliography).toEqual([]);
  });

  it('prints a quote not found in its source as stored, and warns', async () => {
    const m = structuredClone(map);
    m.nodes.E1a!.quote = { source: 'letter', exact: 'Words the letter never says.' };
    const o = await outlineOf(m);
    expect(outlineText(o)).toContain('Words the letter never says.');
    expect(o.warnings.join(' ')).toMatch(/quote of E1a is not in its source \(letter\)/);
  });
});
