import { describe, expect, it } from 'vitest';
import { cardHolesPath } from '../../../../renderer/canvas/cardHoles';

// The arrows' hit band is clipped to this path: a card inside it must be a hole, or a click on
// a card under an arrow selects the arrow instead.
describe('cardHolesPath', () => {
  it('is a clockwise frame with each card cut out counter-clockwise', () => {
    const d = cardHolesPath([{ x: 10, y: 20, w: 100, h: 50 }]);
    expect(d).toMatch(/^M-20000000,-20000000H20000000V20000000H-20000000Z/);
    expect(d).toContain('M10,20V70H110V20Z');
  });

  it('is the frame alone when there are no cards (every arrow stays clickable)', () => {
    expect(cardHolesPath([])).toBe('M-20000000,-20000000H20000000V20000000H-20000000Z');
  });
});
