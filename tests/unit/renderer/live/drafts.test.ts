// The instructor's page reading the students' drafts (renderer/live/drafts): over HTTP with the key
// from the real host (a browser instructor), through the desktop bridge, each refusal in words;
// and Compare & bring…: the draft becomes the comparison's student map, never the document, and a
// node the student added comes into the open map as one undo step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { serializeMap } from '../../../../arguments/format/serialize';
import { addNode } from '../../../../arguments/operations';
import { draftRoom, type RoomInfo } from '../../../../arguments/live/protocol';
import { bringIntoMap, closeComparison, compareStore } from '../../../../renderer/compare/compareState';
import { setFilePlatform, showDocument } from '../../../../renderer/files/fileCommands';
import { bridgeDraftsSource, changedWords, httpDraftsSource, readDraftList, type DraftsSource } from '../../../../renderer/live/drafts/draftsSource';
import { compareDraft } from '../../../../renderer/live/drafts/pullDraft';
import { editor, getMap, isDirty, undoChange } from '../../../../renderer/store/store';
import { readFileSync } from 'node:fs';
import { SHIPPED, setup, until } from '../../cli/live/fixture';
import { fakePlatform } from '../fakes';

let t = setup();
afterEach(async () => {
  await t.cleanup();
  t = setup();
});

const loaded = loadMap(readFileSync(SHIPPED));
if (!loaded.ok) throw new Error('the shipped map does not load');
const classMap = loaded.map;
const OWN = 'Gottwald answered within the week, and in Czech.';

/** A host where Ada added a node of her own in her draft; its id. */
async function adaDrafted() {
  const { mapPath } = t.tempMap();
  const host = await t.host({ mapPath });
  const info = (await (await fetch(`http://127.0.0.1:${host.port}/live/${host.code}/info?name=Ada`)).json()) as RoomInfo;
  await t.client(host, 'Ada', undefined, host.code, info.token);
  const draft = await t.client(host, 'Ada', undefined, draftRoom(host.code, 'Ada'), info.token);
  const id = draft.session.freshId('n');
  expect(draft.session.apply(addNode({ id, kind: 'claim', text: OWN }, { x: 0, y: 900 })).ok).toBe(true);
  await until(() => host.drafts()[0]?.nodes === Object.keys(classMap.nodes).length + 1, 'Ada’s node on the host');
  return { host, id, origin: `http://127.0.0.1:${host.port}` };
}

describe('reading the drafts', () => {
  it('over HTTP with the key: the list and a draft’s bytes; a wrong key, a missing draft and a host gone are said in words', async () => {
    const { host, id, origin } = await adaDrafted();
    const source = httpDraftsSource(origin, host.code, host.key);
    expect(await source.list()).toEqual([expect.objectContaining({ name: 'Ada', open: true, nodes: Object.keys(classMap.nodes).length + 1 })]);
    const map = loadMap(await source.read('Ada'));
    expect(map.ok && map.map.nodes[id]?.text).toBe(OWN);
    await expect(httpDraftsSource(origin, host.code, 'x'.repeat(32)).list()).rejects.toThrow('The host did not take this page’s instructor key. Open the instructor link the host shows again.');
    await expect(source.read('Bea')).rejects.toThrow(/^Bea has no draft in this seminar/);
    await host.close();
    await expect(source.list()).rejects.toThrow(/^The seminar’s host \(127\.0\.0\.1:\d+\) does not answer/);
  }, 20_000);

  it('refuses an answer that is not a list of drafts of students’ names', async () => {
    const good = { name: 'Ada', open: false, changedAt: '2026-12-02T16:00:00.000Z', nodes: 3 };
    expect(readDraftList({ drafts: [good, { ...good, name: 'Bea', nodes: null }] })).toHaveLength(2);
    for (const bad of [null, [], { drafts: 'Ada' }, { drafts: [{ ...good, name: '<img src=x>' }] }, { drafts: [{ ...good, open: 'yes' }] }, { drafts: [{ ...good, changedAt: 'yesterday' }] }, { drafts: [{ ...good, nodes: -1 }] }, { drafts: [{ ...good, nodes: '3' }] }])
      expect(() => readDraftList(bad), JSON.stringify(bad)).toThrow(/not a list of drafts/);
  });

  it('through the desktop bridge: its list checked the same way, the text handed to the loader as bytes', async () => {
    const text = serializeMap(classMap);
    const source = bridgeDraftsSource({ drafts: async () => [{ name: 'Ada', open: true, changedAt: '2026-12-02T16:00:00.000Z', nodes: 3 }], draft: async (name) => (name === 'Ada' ? text : Promise.reject(new Error(`${name} has no draft in this seminar.`))) });
    expect((await source.list())[0]!.name).toBe('Ada');
    expect(new TextDecoder().decode(await source.read('Ada'))).toBe(text);
    await expect(source.read('Bea')).rejects.toThrow('Bea has no draft in this seminar.');
    await expect(bridgeDraftsSource({ drafts: async () => [{ name: '../x' } as never], draft: async () => '' }).list()).rejects.toThrow(/not a list of drafts/);
  });

  it('says when a draft last changed in words', () => {
    const now = Date.parse('2026-12-02T16:30:00.000Z');
    expect(changedWords('2026-12-02T16:29:40.000Z', now)).toBe('just now');
    expect(changedWords('2026-12-02T16:18:00.000Z', now)).toBe('12 min ago');
    expect(changedWords('2026-12-02T10:05:00.000Z', now)).toMatch(/^at /);
    expect(changedWords('2026-11-25T10:05:00.000Z', now)).toMatch(/^on /);
  });
});

describe('Compare & bring… a draft', () => {
  beforeEach(() => {
    setFilePlatform(fakePlatform().platform);
    showDocument(classMap, 'seminar.argmap.json', 'ref-class', null);
    closeComparison();
  });

  it('shows the draft as “Ada’s draft” beside the class map, and brings the node she added in one undo step', async () => {
    const { host, id, origin } = await adaDrafted();
    // Looking into a draft, the instructor is shown the class map before the comparison opens on it.
    const shown: string[] = [];
    const classMapFirst = () => void shown.push(compareStore.getState().session ? 'after the comparison' : 'class map');
    expect(await compareDraft(httpDraftsSource(origin, host.code, host.key), 'Ada', classMapFirst)).toBeNull();
    expect(shown).toEqual(['class map']);
    const s = compareStore.getState().session!;
    expect(s.studentName).toBe('Ada’s draft');
    expect(s.comparison.extra).toEqual([id]);
    // The draft is not the document: the class map is as it was.
    expect(editor.getState().name).toBe('seminar.argmap.json');
    expect(Object.hasOwn(getMap().nodes, id)).toBe(false);
    expect(isDirty()).toBe(false);

    expect(bringIntoMap([id])).toBe(true);
    expect(getMap().nodes[id]?.text).toBe(OWN);
    expect(compareStore.getState().session!.comparison.extra).toEqual([]);
    undoChange();
    expect(Object.hasOwn(getMap().nodes, id)).toBe(false);
  }, 20_000);

  it('says why a draft cannot be compared, and changes nothing', async () => {
    const failing: DraftsSource = { list: async () => [], read: async () => Promise.reject(new Error('Ada’s draft holds what a map may not (node n1: kind …).')) };
    const switched: string[] = [];
    expect(await compareDraft(failing, 'Ada', () => void switched.push('class map'))).toBe('Ada’s draft could not be read: Ada’s draft holds what a map may not (node n1: kind …).');
    const garbled: DraftsSource = { list: async () => [], read: async () => new TextEncoder().encode('{"nodes": ') };
    expect(await compareDraft(garbled, 'Ada')).toMatch(/^Could not read “Ada’s draft”; nothing was changed\. /);
    expect(compareStore.getState().session).toBeNull();
    expect(getMap()).toBe(classMap);
    // A draft that cannot be read leaves the instructor on the map shown.
    expect(switched).toEqual([]);
  });
});
