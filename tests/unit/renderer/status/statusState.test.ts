// The status of the open map under the counted voices (renderer/status/statusState.ts): it
// follows voices and evaluations at once, is not recomputed by a drag, and keeps the object of
// every entry that did not change (so only the cards whose label changed re-render).
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { moveNodes, setEvaluation } from '../../../../arguments/operations';
import { documentState, replaceDocument, run, undoChange } from '../../../../renderer/store/store';
import { countOnly, layers, setCounted } from '../../../../renderer/status/layersState';
import { statusStore } from '../../../../renderer/status/statusState';

const loaded = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!loaded.ok) throw new Error('the shipped map does not load');
const label = (id: string) => statusStore.getState().status.nodes.get(id)?.label;
const CLAIMS = ['T', 'C1', 'C2', 'C3', 'C4'];

describe('the status of the open map', () => {
  beforeEach(() => {
    layers.setState({ uncounted: [], visibility: {} });
    replaceDocument(documentState(loaded.map, 'shipped.argmap.json', null));
  });

  it('follows the counted voices: analyst only, then analyst + critic, as the CLI says', () => {
    const all = statusStore.getState().voices.map((v) => v.voice);
    expect(all).toEqual(['analyst', 'critic', 'translator']);
    countOnly(all, ['analyst']);
    expect(CLAIMS.map(label)).toEqual(['stands', 'stands', 'stands', 'stands', 'stands']);
    expect(label('O7')).toBeUndefined();
    countOnly(all, ['analyst', 'critic']);
    expect(CLAIMS.map(label)).toEqual(['stands', 'falls', 'stands', 'falls', 'falls']);
    setCounted('critic', false);
    expect(label('C4')).toBe('stands');
  });

  it('follows an evaluation and its undo', () => {
    countOnly(['analyst', 'critic', 'translator'], ['analyst']);
    run(setEvaluation('P1a', 'analyst', 'reject'));
    expect([label('P1a'), label('C1'), label('T')]).toEqual(['falls', 'falls', 'stands']);
    undoChange();
    expect([label('P1a'), label('C1')]).toEqual(['stands', 'stands']);
  });

  it('is not recomputed by a move, and keeps the entries that did not change', () => {
    const before = statusStore.getState();
    run(moveNodes({ T: { x: 5, y: 5 } }));
    expect(statusStore.getState()).toBe(before);
    const t = before.status.nodes.get('T');
    const c1 = before.status.nodes.get('C1');
    run(setEvaluation('C4', 'analyst', 'reject'));
    const after = statusStore.getState().status.nodes;
    expect(after.get('T')).toBe(t);
    expect(after.get('C1')).toBe(c1);
    expect(after.get('C4')?.reason).toContain('rejected by analyst');
  });
});
