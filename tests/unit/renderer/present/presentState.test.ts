// A presentation of a seminar's map (renderer/present/presentState.ts): a peer's edit reaches the
// step on screen at once (not at the next step), with the view left where it is.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../../arguments/format/load';
import { toYDoc } from '../../../../arguments/live/mirror';
import { LiveSession } from '../../../../arguments/live/session';
import { editNode } from '../../../../arguments/operations';
import type { ArgumentMap } from '../../../../arguments/model';
import { bindLiveDocument, type LiveBinding } from '../../../../renderer/live/binding';
import { DEFAULT_PRESENT_OPTIONS, goToStep, present, startPresentation, stopPresentation } from '../../../../renderer/present/presentState';
import { editor, getMap, presentedDocument, select } from '../../../../renderer/store/store';

const SHIPPED = readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));
function load(): ArgumentMap {
  const r = loadMap(SHIPPED);
  if (!r.ok) throw new Error('seed');
  return r.map;
}

let binding: LiveBinding | null = null;
afterEach(() => {
  // Node has no document: the presentation ends out of full screen.
  vi.stubGlobal('document', { fullscreenElement: null });
  stopPresentation();
  vi.unstubAllGlobals();
  binding?.unbind();
  binding = null;
});

describe('presenting a seminar’s map', () => {
  it('shows a peer’s edit of a node on screen in the step shown, without moving the view or losing the selection', () => {
    const a = toYDoc(load());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(b, u, 'wire'));
    b.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(a, u, 'wire'));
    const theirs = new LiveSession(b);
    binding = bindLiveDocument(new LiveSession(a), { code: 'K7QM4P', mode: 'open', role: 'instructor', name: 'Instructor', title: 'T', mayEdit: 'everything' }, () => undefined);
    startPresentation({ ...DEFAULT_PRESENT_OPTIONS, fullScreen: false });
    goToStep(1);
    const step = present.getState().steps;
    const onScreen = Object.keys(getMap().nodes);
    const id = step[1]!.nodes.find((n) => onScreen.includes(n))!;
    expect(id).toBeDefined();
    select({ nodes: [id], relations: [] });
    const fit = editor.getState().fitRequest;
    expect(theirs.apply(editNode(id, { text: 'Changed by a student.' })).ok).toBe(true);
    expect(getMap().nodes[id]!.text).toBe('Changed by a student.');
    expect(presentedDocument()!.nodes[id]!.text).toBe('Changed by a student.');
    expect(Object.keys(getMap().nodes).sort()).toEqual(onScreen.sort());
    expect(editor.getState().fitRequest).toBe(fit);
    expect(editor.getState().selection.nodes).toEqual([id]);
    expect(present.getState().at).toBe(1);
  });
});
