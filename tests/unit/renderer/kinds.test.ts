// Each kind's Alt+digit and minimap fill (renderer/kinds.ts).
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../arguments/model';
import { ADD_KIND_DIGIT, ADD_KIND_SHORTCUT, kindOfAddKey, MINIMAP_FILL } from '../../../renderer/kinds';

describe('kinds in the editor', () => {
  it('Alt+1 … Alt+7 add the kinds in the toolbar’s order, one digit each', () => {
    expect(NODE_KINDS.map((k) => kindOfAddKey(`Digit${ADD_KIND_DIGIT[k]}`))).toEqual([...NODE_KINDS]);
    expect(new Set(Object.values(ADD_KIND_DIGIT)).size).toBe(NODE_KINDS.length);
    expect(kindOfAddKey('Digit1')).toBe('thesis');
    expect(kindOfAddKey('Digit5')).toBe('counter');
    for (const other of ['Digit0', 'Digit8', 'Digit9', 'Numpad1', 'KeyA', 'Digit11', 'digit1', '', 'toString', 'constructor']) expect(kindOfAddKey(other), other).toBeNull();
  });

  it('the shortcut table says so', () => {
    expect(ADD_KIND_SHORTCUT).toEqual(['Alt+1 … Alt+7', 'Add thesis, claim, premise, evidence, counter-consideration, rebuttal, note']);
  });

  it('every kind has its own minimap fill, a theme variable', () => {
    const fills = NODE_KINDS.map((k) => MINIMAP_FILL[k]);
    expect(new Set(fills).size).toBe(NODE_KINDS.length);
    for (const f of fills) expect(f).toMatch(/^var\(--aa-minimap-[a-z]+\)$/);
  });
});
