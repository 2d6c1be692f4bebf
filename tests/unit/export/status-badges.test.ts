// Status badges in figures (FigureOptions.statusBadges): each node's label as a badge with its
// word, the status legend, the counted voices; absent unless asked.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE_OPTIONS, renderFigure, type FigureOptions } from '../../../arguments/export/figure';
import { countedWords } from '../../../arguments/export/layout';
import { THEME_NAMES } from '../../../arguments/export/themes';
import { parseXmlStrict, shippedMap, textsIn, walk, type XmlElement } from './helpers';

const map = shippedMap();
const figure = (options: Partial<FigureOptions> = {}) => renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, ...options });

function byId(doc: XmlElement, id: string): XmlElement | undefined {
  return [...walk(doc)].find((e) => e.attrs.id === id);
}

/** The word on node `id`'s status badge, or undefined when it has none. */
function badgeWord(doc: XmlElement, id: string): string | undefined {
  const badge = byId(doc, `status-${id}`);
  return badge ? textsIn(badge).join(' ') : undefined;
}

describe('status badges in a figure', () => {
  it('are absent by default: no badge, no status legend', () => {
    const doc = parseXmlStrict(figure({ legend: true }).svg);
    expect([...walk(doc)].filter((e) => /^status-|^legend-status-/.test(e.attrs.id ?? ''))).toEqual([]);
  });

  it('show the shipped map, analyst + critic, as the status engine labels it: T stands, C1 falls, C2 stands, C3 falls, C4 falls', () => {
    const doc = parseXmlStrict(figure({ statusBadges: true, statusVoices: ['analyst', 'critic'] }).svg);
    expect(['T', 'C1', 'C2', 'C3', 'C4'].map((id) => badgeWord(doc, id))).toEqual(['stands', 'falls', 'stands', 'falls', 'falls']);
    // Each badge sits in its node's group, so it moves and scopes with the node.
    expect(byId(byId(doc, 'node-C1')!, 'status-C1')).toBeDefined();
  });

  it('are drawn with the status legend (a badge for each label) and the counted voices, even without the kinds legend', () => {
    const doc = parseXmlStrict(figure({ statusBadges: true, statusVoices: ['analyst', 'critic'], legend: false }).svg);
    expect(['stands', 'falls', 'open'].map((l) => textsIn(byId(doc, `legend-status-${l}`)!).join(' '))).toEqual(['stands', 'falls', 'open']);
    expect(textsIn(byId(doc, 'legend-status-counted')!).join(' ')).toBe('What stands counts the voices analyst, critic.');
    // The kinds are not in the legend unless asked.
    expect(textsIn(byId(doc, 'legend')!).join(' ')).not.toMatch(/thesis/i);
  });

  it('tell the labels apart without colour: each label has its own border pattern and mark', () => {
    const doc = parseXmlStrict(figure({ theme: 'print', statusBadges: true }).svg);
    const border = (l: string) => {
      const rect = byId(doc, `legend-status-${l}`)!.children.find((c) => typeof c !== 'string' && c.name === 'rect') as XmlElement;
      return `${rect.attrs['stroke-dasharray'] ?? 'solid'} ${rect.attrs['stroke-width']}`;
    };
    expect(new Set(['stands', 'falls', 'open'].map(border)).size).toBe(3);
    const marks = (l: string) => [...walk(byId(doc, `legend-status-${l}`)!)].filter((e) => e.name === 'path').map((p) => p.attrs.d).join('|');
    expect(new Set(['stands', 'falls', 'open'].map(marks)).size).toBe(3);
  });

  it('count every voice when no voices are named, and follow the voices counted', () => {
    const all = parseXmlStrict(figure({ statusBadges: true }).svg);
    expect(textsIn(byId(all, 'legend-status-counted')!).join(' ')).toBe(countedWords(null));
    const analyst = parseXmlStrict(figure({ statusBadges: true, statusVoices: ['analyst'] }).svg);
    // With the analyst's voice only, nothing attacks the claims: they stand; the critic's nodes get no badge.
    expect(['T', 'C1', 'C3', 'C4'].map((id) => badgeWord(analyst, id))).toEqual(['stands', 'stands', 'stands', 'stands']);
    const critics = Object.values(map.nodes).filter((n) => n.voice === 'critic').map((n) => n.id);
    expect(critics.length).toBeGreaterThan(0);
    for (const id of critics) expect(badgeWord(analyst, id)).toBeUndefined();
  });

  it('make room for themselves: a node with a badge is taller, and the badge is inside it, in every theme', () => {
    for (const theme of THEME_NAMES) {
      const plain = figure({ theme });
      const badged = figure({ theme, statusBadges: true });
      const h = (f: typeof plain, id: string) => f.layout.nodes.find((n) => n.id === id)!;
      const c1 = h(badged, 'C1');
      expect(c1.h).toBeGreaterThan(h(plain, 'C1').h);
      const b = c1.status!.box;
      expect(b.x >= c1.x && b.y >= c1.y && b.x + b.w <= c1.x + c1.w && b.y + b.h <= c1.y + c1.h).toBe(true);
    }
  });
});
