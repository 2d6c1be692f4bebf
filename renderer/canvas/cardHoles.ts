// The clip path of the arrows' hit bands (CardHoles.tsx): everything but the cards.
import type { Rect } from '../../arguments/geometry';
import { MAX_COORDINATE } from '../../arguments/limits';

export const CARD_HOLES_ID = 'aa-outside-cards';

export function cardHolesPath(cards: readonly Rect[]): string {
  const e = MAX_COORDINATE * 2;
  const frame = `M${-e},${-e}H${e}V${e}H${-e}Z`;
  return frame + cards.map((r) => `M${r.x},${r.y}V${r.y + r.h}H${r.x + r.w}V${r.y}Z`).join('');
}

