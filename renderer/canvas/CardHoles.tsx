// Arrows are drawn above every card (so none hides under a card it does not touch), but a click
// on a card must reach the card. The arrows' hit areas are clipped to the space outside the cards:
// one clip path in flow coordinates (the user space of the edge paths that reference it), a
// clockwise frame with each card cut out counter-clockwise, so overlapping cards stay holes.
import { memo } from 'react';
import type { Rect } from '../../arguments/geometry';
import { MAX_COORDINATE } from '../../arguments/limits';

export const CARD_HOLES_ID = 'aa-outside-cards';

export function cardHolesPath(cards: readonly Rect[]): string {
  const e = MAX_COORDINATE * 2;
  const frame = `M${-e},${-e}H${e}V${e}H${-e}Z`;
  return frame + cards.map((r) => `M${r.x},${r.y}V${r.y + r.h}H${r.x + r.w}V${r.y}Z`).join('');
}

export const CardHoles = memo(function CardHoles({ cards }: { cards: readonly Rect[] }) {
  return (
    <svg className="aa-markers" aria-hidden="true" width="0" height="0">
      <defs>
        <clipPath id={CARD_HOLES_ID} clipPathUnits="userSpaceOnUse">
          <path d={cardHolesPath(cards)} clipRule="nonzero" />
        </clipPath>
      </defs>
    </svg>
  );
});
