// Figure themes. Kinds of node differ by border (double, solid, thin, barred, dashed, dotted,
// folded corner), icon and label in every theme, relations by line pattern and arrowhead, so
// colour is never the only signal: the print and compact themes have none at all.
import type { NodeKind, RelationKind } from '../model';

export const THEME_NAMES = ['screen', 'print', 'compact'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export const THEME_LABELS: Record<ThemeName, string> = {
  screen: 'Screen (colour)',
  print: 'Print (grayscale, serif)',
  compact: 'Compact (two-column journals)',
};

export interface KindPaint {
  fill: string;
  stroke: string;
  /** The kind label, icon and (for evidence) the left bar. */
  ink: string;
}

export interface Theme {
  name: ThemeName;
  background: string;
  ink: string;
  muted: string;
  node: { width: number; padX: number; padY: number; radius: number; gap: number };
  /** Font sizes in px. */
  size: { text: number; kind: number; title: number; quote: number; attribution: number; voice: number; edgeLabel: number; caption: number; legend: number };
  lineHeight: number;
  /** Space between rows of nodes, between nodes in a row, around the figure. */
  rowGap: number;
  colGap: number;
  margin: number;
  /** Line widths: thin (premise, evidence, note borders), normal (claim, counter, rebuttal), edges. */
  stroke: { thin: number; normal: number; edge: number };
  kinds: Record<NodeKind, KindPaint>;
  relations: Record<RelationKind, string>;
  quoteBar: string;
  inference: { fill: string; stroke: string };
  linkedBox: { fill: string; stroke: string };
  voice: string;
}

const GRAY_KINDS: Record<NodeKind, KindPaint> = {
  thesis: { fill: '#ececec', stroke: '#000000', ink: '#000000' },
  claim: { fill: '#f6f6f6', stroke: '#000000', ink: '#000000' },
  premise: { fill: '#ffffff', stroke: '#333333', ink: '#333333' },
  evidence: { fill: '#ffffff', stroke: '#333333', ink: '#333333' },
  counter: { fill: '#ffffff', stroke: '#000000', ink: '#000000' },
  rebuttal: { fill: '#ffffff', stroke: '#000000', ink: '#000000' },
  note: { fill: '#ffffff', stroke: '#555555', ink: '#444444' },
};
const GRAY_RELATIONS: Record<RelationKind, string> = { supports: '#000000', opposes: '#000000', qualifies: '#333333', undercuts: '#000000' };

const screen: Theme = {
  name: 'screen',
  background: '#ffffff',
  ink: '#1b1f24',
  muted: '#4a5360',
  node: { width: 260, padX: 10, padY: 8, radius: 6, gap: 5 },
  size: { text: 13, kind: 10, title: 13, quote: 12.5, attribution: 10.5, voice: 10, edgeLabel: 11, caption: 13, legend: 11 },
  lineHeight: 1.3,
  rowGap: 64,
  colGap: 40,
  margin: 24,
  stroke: { thin: 1, normal: 2, edge: 2 },
  // The app's light palette (renderer/theme/colours.css, the first value of each light-dark()).
  kinds: {
    thesis: { fill: '#eef3fa', stroke: '#1d3557', ink: '#1d3557' },
    claim: { fill: '#f5f9fd', stroke: '#2f5d8a', ink: '#234a70' },
    premise: { fill: '#ffffff', stroke: '#5b6b80', ink: '#48566a' },
    evidence: { fill: '#fdfaf3', stroke: '#8a6d3b', ink: '#6b5229' },
    counter: { fill: '#fdf4f3', stroke: '#b3261e', ink: '#8b1a12' },
    rebuttal: { fill: '#f3faf3', stroke: '#2e7d32', ink: '#1e5a22' },
    note: { fill: '#fffbe6', stroke: '#a08a00', ink: '#6b5c00' },
  },
  relations: { supports: '#2b5f36', opposes: '#a3271d', qualifies: '#8a5a00', undercuts: '#5b2c83' },
  quoteBar: '#8a6d3b',
  inference: { fill: '#ffffff', stroke: '#4a5360' },
  linkedBox: { fill: '#f7f9f7', stroke: '#2b5f36' },
  voice: '#4a5360',
};

const print: Theme = {
  name: 'print',
  background: '#ffffff',
  ink: '#000000',
  muted: '#333333',
  node: { width: 250, padX: 9, padY: 7, radius: 5, gap: 4 },
  size: { text: 12, kind: 9, title: 12, quote: 11.5, attribution: 9.5, voice: 9, edgeLabel: 10, caption: 12, legend: 10 },
  lineHeight: 1.3,
  rowGap: 58,
  colGap: 36,
  margin: 20,
  stroke: { thin: 0.8, normal: 1.6, edge: 1.3 },
  kinds: GRAY_KINDS,
  relations: GRAY_RELATIONS,
  quoteBar: '#555555',
  inference: { fill: '#ffffff', stroke: '#000000' },
  linkedBox: { fill: '#fafafa', stroke: '#333333' },
  voice: '#333333',
};

const compact: Theme = {
  ...print,
  name: 'compact',
  node: { width: 176, padX: 6, padY: 5, radius: 4, gap: 3 },
  size: { text: 9, kind: 6.5, title: 9, quote: 8.5, attribution: 7, voice: 6.5, edgeLabel: 7.5, caption: 9, legend: 7.5 },
  lineHeight: 1.25,
  rowGap: 40,
  colGap: 16,
  margin: 10,
  stroke: { thin: 0.6, normal: 1.1, edge: 0.9 },
};

export const THEMES: Record<ThemeName, Theme> = { screen, print, compact };

export function isThemeName(name: string): name is ThemeName {
  return (THEME_NAMES as readonly string[]).includes(name);
}
