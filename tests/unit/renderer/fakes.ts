// A Platform and BackupStore in memory, recording what the file layer asked of them.
import { vi } from 'vitest';
import { serializeMap } from '../../../arguments/format/serialize';
import { emptyMap, type ArgumentMap } from '../../../arguments/model';
import type { Backup, BackupStore, DocumentPurpose, OpenedDocument, OpenedFile, Platform, SavedFile } from '../../../renderer/platform/types';

export function sampleMap(title = 'Stalin to Gottwald'): ArgumentMap {
  const map = emptyMap('2026-01-02T03:04:05.000Z', title);
  map.nodes.c1 = { id: 'c1', kind: 'claim', text: 'Moscow approved the boycott.' };
  map.nodes.e1 = { id: 'e1', kind: 'evidence', text: 'The letter says so.' };
  map.relations.r1 = { id: 'r1', kind: 'supports', from: ['e1'], to: 'c1' };
  map.view.positions = { c1: { x: 0, y: 0 }, e1: { x: 0, y: 200 } };
  return map;
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);
export const sampleBytes = (title?: string) => bytesOf(serializeMap(sampleMap(title)));

export function fakeBackups() {
  let current: Backup | null = null;
  const store = {
    write: vi.fn(async (b: Backup) => {
      current = b;
    }),
    read: vi.fn(async () => current),
    clear: vi.fn(async () => {
      current = null;
    }),
    get current() {
      return current;
    },
  } satisfies BackupStore & { current: Backup | null };
  return store;
}

export interface FakeFiles {
  /** What openFile / reread return next. */
  next: OpenedFile | null;
  /** Files as written: ref -> text. */
  disk: Map<unknown, string>;
  /** Where Save As writes (null: the user cancels). */
  saveAsTarget: SavedFile | null;
  /** Thrown by saveFile when set. */
  failWith: Error | null;
  /** What openDocument returns next (null: the user cancels); `openDocument.mock.calls` says for which purpose. */
  nextDocument: OpenedDocument | null;
  /** Thrown by openDocument when set (a file the platform refused to read, with its sentence). */
  documentFailWith: Error | null;
}

export function fakePlatform(files: Partial<FakeFiles> = {}) {
  const state: FakeFiles = { next: null, disk: new Map(), saveAsTarget: { name: 'chosen.argmap.json', ref: 'ref-chosen' }, failWith: null, nextDocument: null, documentFailWith: null, ...files };
  const platform = {
    kind: 'web' as const,
    openFile: vi.fn(async () => state.next),
    saveFile: vi.fn(async (text: string, _suggestedName: string, ref: unknown): Promise<SavedFile | null> => {
      if (state.failWith) throw state.failWith;
      const target = ref != null ? { name: String(ref).replace(/^ref-/, '') + '.argmap.json', ref } : state.saveAsTarget;
      if (!target) return null;
      state.disk.set(target.ref, text);
      return target;
    }),
    openDocument: vi.fn(async (_purpose: DocumentPurpose): Promise<OpenedDocument | null> => {
      if (state.documentFailWith) throw state.documentFailWith;
      return state.nextDocument;
    }),
    reread: vi.fn(async (ref: unknown): Promise<OpenedFile> => {
      const text = state.disk.get(ref);
      if (text === undefined) throw new Error('The file is gone.');
      return { name: 'reread.argmap.json', bytes: bytesOf(text), ref };
    }),
    openDropped: vi.fn(async (f: { name: string; arrayBuffer(): Promise<ArrayBuffer> }) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), ref: null })),
    backups: fakeBackups(),
  } satisfies Platform;
  return { platform, state };
}
