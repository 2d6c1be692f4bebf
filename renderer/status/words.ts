// How a label is said on screen: a symbol and a word (never colour alone), and a sentence for the legend.
import type { StatusLabel } from '../../arguments/analysis/status';

export const LABEL_SYMBOL = { stands: '✓', falls: '✗', open: '?' } as const satisfies Record<StatusLabel, string>;
export const LABEL_LEGEND = {
  stands: 'Stands: it has a basis, and every objection to it fails. Solid border round the card.',
  falls: 'Falls: an objection to it holds, or everything it rests on fails. Dashed border.',
  open: 'Open: what bears on it is not settled (objections that attack each other, a judge’s doubt). Dotted border.',
} as const satisfies Record<StatusLabel, string>;
export const STATUS_LABELS = ['stands', 'falls', 'open'] as const satisfies readonly StatusLabel[];
