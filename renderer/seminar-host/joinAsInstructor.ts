// After Start, the instructor's own window joins its room as the instructor, with the key the
// host gave this window over IPC (never shown, never in a URL on screen).
import type { LiveSeminar } from '../platform/live';

/** The host's address as the window reaches it: "http://HOST:PORT" (IPv6 in brackets). */
export function hostOrigin(seminar: Pick<LiveSeminar, 'address' | 'port'>): string {
  const host = seminar.address.includes(':') ? `[${seminar.address}]` : seminar.address;
  return `http://${host}:${seminar.port}`;
}

/**
 * Joins the room; resolves with a sentence for the dialog when the window could not join (the
 * seminar still runs: students can join, the file is written), null once joined.
 *
 * CALL SITE (app16 → client16): client16's `joinLiveSeminar({ url, code, name, key })` in
 * renderer/live/connection.ts was not on main when this was written; once it is merged this
 * becomes `await joinLiveSeminar({ url: hostOrigin(seminar), code: seminar.code, name, key: seminar.key })`.
 */
export async function joinAsInstructor(_seminar: LiveSeminar): Promise<string | null> {
  return 'The seminar is running and students can join; this window has not joined the room yet, so edit the map from a browser with the instructor link, or wait for the next version.';
}
