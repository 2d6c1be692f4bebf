// Arrows are drawn above every card (so none hides under a card it does not touch), but a click
// on a card must reach the card. The arrows' hit areas are clipped to the space outside the cards:
// one clip path in flow coordinates (the user space of the edge paths that reference it), a
// clockwise frame with each card cut out counter-clockwise, so overlapping cards stay holes.
import { memo } from 'react';
import type { Rect } from '../../arguments/geometry';
import { CARD_HOLES_ID, cardHolesPath } from './cardHoles';

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
