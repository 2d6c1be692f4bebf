// After Start, the instructor's own window joins its room as the instructor. The window may not
// reach the host itself (its CSP allows only 'self', the session's request filter cancels http:
// and ws:, and the host takes another page's socket only with the key), so the main process asks
// for the room's info and relays the room's socket (electron/main/liveRelay.ts,
// renderer/live/ipcSocket.ts); the key stays in main. While joined, the window's map is the
// room's: the host writes it to the file, so Save over it is refused with that reason (main's
// saveRefusal), and when the seminar stops the window reads the file again.
import { hostOrigin, INSTRUCTOR_NAME } from '../../arguments/live/protocol';
import type { LiveHostBridge, LiveSeminar } from '../platform/live';
import { inLiveSeminar, joinLiveSeminar, leaveLiveSeminar } from '../live/connection';
import { ipcWebSocketClass } from '../live/ipcSocket';
import { editor, markSaved } from '../store/store';
import { seminarHost } from './seminarHostState';

export { INSTRUCTOR_NAME };


/** The window's file before it joined: it is the file the host writes, and the window goes back to it. */
let hostedFile: { name: string; fileRef: unknown } | null = null;

export const LEFT_NOTE = 'This window left the room, so it no longer follows the class’s edits; the host still writes them to the file.';

/** The window left its room before the seminar stopped (Leave, another map): Stop then leaves its map alone. */
function left(): void {
  if (!hostedFile) return;
  hostedFile = null;
  seminarHost.setState({ leave: null, joinNote: LEFT_NOTE });
}

/**
 * Joins the room; resolves with a sentence for the running view when this window could not join
 * (the seminar runs all the same: students join, the host writes the file), null once joined.
 */
export async function joinAsInstructor(seminar: LiveSeminar, live: Pick<LiveHostBridge, 'socket'>): Promise<string | null> {
  const before = editor.getState();
  const file = { name: before.name, fileRef: before.fileRef };
  try {
    const info = await live.socket.roomInfo(INSTRUCTOR_NAME);
    await joinLiveSeminar({ url: hostOrigin(seminar.address, seminar.port), code: seminar.code, name: info.name, info, WebSocketPolyfill: ipcWebSocketClass(live.socket), onLeave: left });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return `This window could not join the seminar (${why}), so it does not follow the class’s edits; the host writes them to the file, and this window shows them when the seminar stops.`;
  }
  // The room's map under the file's name: Save goes to the file and main says the host saves it.
  hostedFile = file;
  markSaved(file.name, file.fileRef);
  return null;
}

/**
 * The seminar stopped: the window leaves the room and keeps the file's name (true), or was not in
 * it any more (false: what it shows now is another map or its own copy, not the room's). `saved`
 * false (the host's last save failed): the room's map stays as it is, under the file's name but
 * unsaved, since the file is behind it.
 */
export function leaveAsInstructor(saved = true): boolean {
  const file = hostedFile;
  hostedFile = null;
  if (!file || !inLiveSeminar()) return false;
  leaveLiveSeminar();
  if (saved) markSaved(file.name, file.fileRef);
  return true;
}
