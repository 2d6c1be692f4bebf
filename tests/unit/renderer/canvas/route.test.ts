import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import type { ArgumentMap } from '../../../../arguments/model';
import { neighbourAfterDelete, step } from '../../../../renderer/canvas/route';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

describe('the arrow keys’ route on the canvas', () => {
  const map = seed();
  it('↑ to what a node bears on, ↓ to the leftmost of what bears on it, ← → along its neighbours left to right', () => {
    expect(step(map, 'C1', 'up')?.node).toBe('T');
    const down = step(map, 'T', 'down')!.node!;
    const children = ['C1', 'C2', 'C3', 'C4', 'P0', 'P0b'];
    expect(children).toContain(down);
    const x = (id: string) => map.view.positions[id]!.x;
    expect(Math.min(...children.map(x))).toBe(x(down));
    const right = step(map, down, 'right')!.node!;
    expect(x(right)).toBeGreaterThanOrEqual(x(down));
    expect(step(map, right, 'left')?.node).toBe(down);
    expect(step(map, 'T', 'up')).toBeNull();
  });
  it('a node reached by a second arrow goes ↑ back the way it was reached, not to its first place', () => {
    // E0a supports O1 (its first place), P0 and O8.
    expect(step(map, 'E0a', 'up')?.node).toBe('O1');
    expect(step(map, 'E0a', 'up', new Set(), 'r/r.E0a.P0')?.node).toBe('P0');
    expect(step(map, 'E0a', 'up', new Set(), 'r/r.E0a.O8')?.node).toBe('O8');
    // A key that is not this node's place is ignored.
    expect(step(map, 'E0a', 'up', new Set(), 'r/r.E2b.P4a')?.node).toBe('O1');
  });
  it('skips nodes hidden by a collapse', () => {
    const hidden = new Set(['P1a', 'P1b', 'O1', 'K1']);
    expect(step(map, 'C1', 'down', hidden)).toBeNull();
  });
  it('after a delete, focus goes to a neighbour that remains, else what the deleted node bore on', () => {
    const next = neighbourAfterDelete(map, { nodes: ['E1b'], relations: [] });
    // E1b and E1c both support P1b.
    expect(next).toBe('E1c');
    expect(neighbourAfterDelete(map, { nodes: ['E1b', 'E1c'], relations: [] })).toBe('P1b');
    expect(neighbourAfterDelete(map, { nodes: [], relations: ['r.C1.T'] })).toBe('C1');
  });
});
