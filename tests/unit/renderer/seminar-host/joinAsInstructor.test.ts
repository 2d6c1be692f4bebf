// The instructor's window in its own room (renderer/seminar-host/joinAsInstructor.ts) and Stop
// (seminarHostState.ts: seminarStopped): a window still in the room goes back to the file the host
// wrote; one that left the room first (Leave, another map) keeps what it shows now, and its
// running view no longer says it is in the room. The connection is a stand-in that records the
// join request and leaves as the real one does (onLeave once, inLiveSeminar false after).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JoinRequest } from '../../../../renderer/live/connection';

const fake = vi.hoisted(() => ({ request: null as JoinRequest | null, inRoom: false, reverts: 0 }));

vi.mock('../../../../renderer/live/connection', () => ({
  joinLiveSeminar: async (request: JoinRequest) => {
    fake.request = request;
    fake.inRoom = true;
    return request.info;
  },
  leaveLiveSeminar: () => {
    if (!fake.inRoom) return;
    fake.inRoom = false;
    fake.request?.onLeave?.();
  },
  inLiveSeminar: () => fake.inRoom,
}));

vi.mock('../../../../renderer/files/fileCommands', () => ({
  revertMap: async () => {
    fake.reverts++;
    return true;
  },
}));

const { joinAsInstructor, leaveAsInstructor, LEFT_NOTE, INSTRUCTOR_NAME } = await import('../../../../renderer/seminar-host/joinAsInstructor');
const { seminarHost, seminarStarted, seminarStopped } = await import('../../../../renderer/seminar-host/seminarHostState');
const { leaveLiveSeminar } = await import('../../../../renderer/live/connection');
const { documentState, editor, isDirty, replaceDocument, run } = await import('../../../../renderer/store/store');
const { editNode } = await import('../../../../arguments/operations');
const { sampleMap } = await import('../fakes');

const seminar = { code: 'HK7M3Q', address: '192.168.1.20', port: 4780, joinUrl: 'http://192.168.1.20:4780/#HK7M3Q', mapName: 'seminar.argmap.json', notice: null } as never;
const socket = {
  roomInfo: async () => ({ code: 'HK7M3Q', mode: 'open', role: 'instructor', name: INSTRUCTOR_NAME, title: 'T', mayEdit: 'everything' }),
  open: () => new Promise<number>(() => undefined),
  send: () => undefined,
  close: () => undefined,
  onEvent: () => undefined,
};

/** Start as the dialog does: the seminar runs, the window joins, and the dialog keeps how it leaves. */
async function start(): Promise<void> {
  seminarStarted(seminar);
  const note = await joinAsInstructor(seminar, { socket } as never);
  expect(note).toBeNull();
  seminarHost.setState({ joinNote: note, leave: note === null ? leaveAsInstructor : null });
}

describe('the instructor’s window and Stop', () => {
  beforeEach(() => {
    fake.request = null;
    fake.inRoom = false;
    fake.reverts = 0;
    replaceDocument(documentState(sampleMap(), 'seminar.argmap.json', 'ref:seminar'));
  });

  it('in the room at Stop: leaves it and reads the file the host wrote', async () => {
    await start();
    expect(seminarHost.getState().leave).not.toBeNull();
    seminarStopped('stopped');
    expect(fake.inRoom).toBe(false);
    expect(fake.reverts).toBe(1);
    expect(editor.getState()).toMatchObject({ name: 'seminar.argmap.json', fileRef: 'ref:seminar' });
  });

  it('in the room at a Stop whose last save failed: keeps the room’s map, unsaved, instead of reading the older file', async () => {
    await start();
    expect(run(editNode('c1', { text: 'The class’s latest words.' }))).toBe(true);
    seminarStopped('The live seminar stopped, but the map could not be saved (ENOSPC). The file keeps its last saved state.', false);
    expect(fake.inRoom).toBe(false);
    expect(fake.reverts).toBe(0);
    expect(isDirty()).toBe(true);
    expect(editor.getState().history.present.nodes.c1!.text).toBe('The class’s latest words.');
    expect(editor.getState()).toMatchObject({ name: 'seminar.argmap.json', fileRef: 'ref:seminar' });
    expect(editor.getState().notice?.title).toBe('The class’s map was not saved');
  });

  it('left the room and opened another map: the running view says so, and Stop neither marks that map saved nor reloads it', async () => {
    await start();
    leaveLiveSeminar();
    expect(seminarHost.getState()).toMatchObject({ leave: null, joinNote: LEFT_NOTE });
    // Another map, with an unsaved change of its own.
    replaceDocument(documentState(sampleMap(), 'other.argmap.json', 'ref:other'));
    expect(run(editNode('c1', { text: 'Mine, not saved.' }))).toBe(true);
    expect(isDirty()).toBe(true);
    seminarStopped('stopped');
    expect(fake.reverts).toBe(0);
    expect(isDirty()).toBe(true);
    expect(editor.getState()).toMatchObject({ name: 'other.argmap.json', fileRef: 'ref:other' });
    expect(editor.getState().notice?.title).toBe('The live seminar ended');
  });

  it('Stop after the window left without the onLeave note (the connection gone): still leaves the open map alone', async () => {
    await start();
    fake.inRoom = false;
    replaceDocument(documentState(sampleMap(), 'other.argmap.json', 'ref:other'));
    run(editNode('c1', { text: 'Mine, not saved.' }));
    expect(leaveAsInstructor()).toBe(false);
    expect(isDirty()).toBe(true);
    expect(editor.getState().name).toBe('other.argmap.json');
  });
});
