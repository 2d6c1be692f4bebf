// What the editor gives each kind of node besides its label and glyph: the Alt+digit that adds
// one (the toolbar's tooltips, the keyboard and the shortcut table read it here) and its fill on
// the minimap. Tables by kind, so a new kind cannot be left without either.
import { NODE_KIND_LABELS, NODE_KINDS, type NodeKind } from '../arguments/model';

/** Alt+digit adds a node of the kind (the toolbar's order). */
export const ADD_KIND_DIGIT = {
  thesis: 1,
  claim: 2,
  premise: 3,
  evidence: 4,
  counter: 5,
  rebuttal: 6,
  note: 7,
} as const satisfies Record<NodeKind, number>;

const KIND_OF_CODE = new Map<string, NodeKind>(NODE_KINDS.map((k) => [`Digit${ADD_KIND_DIGIT[k]}`, k]));

/** The kind Alt+`code` adds ("Digit3" -> premise); null for any other key. */
export function kindOfAddKey(code: string): NodeKind | null {
  return KIND_OF_CODE.get(code) ?? null;
}

const byDigit = [...NODE_KINDS].sort((a, b) => ADD_KIND_DIGIT[a] - ADD_KIND_DIGIT[b]);

/** The shortcut table's row: ["Alt+1 … Alt+7", "Add thesis, claim, …"]. */
export const ADD_KIND_SHORTCUT: [string, string] = [
  `Alt+${ADD_KIND_DIGIT[byDigit[0]!]} … Alt+${ADD_KIND_DIGIT[byDigit.at(-1)!]}`,
  `Add ${byDigit.map((k) => NODE_KIND_LABELS[k].toLowerCase()).join(', ')}`,
];

/**
 * Each kind's fill on the minimap: a theme variable (renderer/theme/colours.css), so the
 * overview follows the light and dark themes. React Flow sets it as an inline style.
 */
export const MINIMAP_FILL = {
  thesis: 'var(--aa-minimap-thesis)',
  claim: 'var(--aa-minimap-claim)',
  premise: 'var(--aa-minimap-premise)',
  evidence: 'var(--aa-minimap-evidence)',
  counter: 'var(--aa-minimap-counter)',
  rebuttal: 'var(--aa-minimap-rebuttal)',
  note: 'var(--aa-minimap-note)',
} as const satisfies Record<NodeKind, string>;
