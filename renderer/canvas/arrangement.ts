// The arrangement the arrows are drawn against, registered by the canvas whenever it settles
// (not on drag frames): which way the map reads (arrows leave along it), and the cards' boxes,
// where the words on arrows ("opposes", "undercuts", "linked premises") may never go. Each label
// takes the first free place along its line; labels are drawn above the cards as well, so even
// a card dragged over one never hides it.
import { createStore, useStore } from 'zustand';
import { Obstacles } from '../../arguments/export/obstacles';
import type { Rect } from '../../arguments/geometry';
import { LAYOUT_DIRECTION, type FlowDirection } from '../../arguments/layout/direction';

interface Arrangement {
  direction: FlowDirection;
  cards: Obstacles;
}

const arrangement = createStore<Arrangement>(() => ({ direction: LAYOUT_DIRECTION, cards: new Obstacles() }));

export function setArrangement(direction: FlowDirection, cards: Iterable<Rect>): void {
  const grid = new Obstacles();
  for (const r of cards) grid.add(r);
  arrangement.setState({ direction, cards: grid });
}

/** Changes rarely (a map rearranged the other way): every arrow subscribes to it. */
export const useDirection = (): FlowDirection => useStore(arrangement, (s) => s.direction);
/** Changes whenever the arrangement settles: only labels subscribe to it. */
export const useLabelObstacles = (): Obstacles => useStore(arrangement, (s) => s.cards);

/** The label's font on the canvas (CSS `.aa-edge-label`): 11 px italic. */
export const LABEL_FONT_PX = 11;
const LABEL_HEIGHT = 15;
/** Wide enough for 11 px italic sans (about 0.55 em a character) with a margin either side. */
export const labelBox = (text: string, at: { x: number; y: number }): Rect => {
  const w = text.length * LABEL_FONT_PX * 0.6 + 8;
  return { x: at.x - w / 2, y: at.y - LABEL_HEIGHT / 2, w, h: LABEL_HEIGHT };
};

/** The first candidate point whose label box touches no card; null when every one does. */
export function freePlace(cards: Obstacles, text: string, candidates: readonly { x: number; y: number }[]): { x: number; y: number } | null {
  return candidates.find((p) => !cards.hits(labelBox(text, p))) ?? null;
}

/** Where along a line (0 to 1) a label is tried: the middle first, then either way. */
export const LABEL_TRIES: readonly number[] = [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2, 0.88, 0.12];
