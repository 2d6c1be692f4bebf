// After Start, the instructor's own window joins its room as the instructor, with the key the
// host gave this window over IPC (never shown, never in a URL on screen).
import type { LiveSeminar } from '../platform/live';

/** The host's address as the window reaches it: "http://HOST:PORT" (IPv6 in brackets). */
export function hostOrigin(seminar: Pick<LiveSeminar, 'address' | 'port'>): string {
  const host = seminar.address.includes(':') ? `[${seminar.address}]` : seminar.address;
  return `http://${host}:${seminar.port}`;
}

/**
 * Joins the room; resolves with a sentence for the running view when this window did not join
 * (the seminar runs all the same: students join, the host writes the file), null once joined.
 *
 * CALL SITE (app16 → client16), not wired yet: client16's `joinLiveSeminar({ url, code, name, key })`
 * (renderer/live/connection.ts) fetches `GET /live/CODE/info` and opens a WebSocket from the page.
 * From the desktop window (origin app://argument-atlas) both are refused three times over: the
 * window's CSP (`connect-src 'self'`), the session's request filter (electron/main/security.ts
 * cancels every http: and ws: request), and the host, which accepts a WebSocket only from its own
 * page's Origin (arguments/cli/live/host.ts). The way through that keeps all three: the main
 * process opens the socket with Node's `ws` and relays it over IPC (y-websocket's
 * `WebSocketPolyfill`), and answers the room info itself; joinLiveSeminar then needs those two
 * as options. Until then this window says what it is.
 */
export async function joinAsInstructor(_seminar: LiveSeminar): Promise<string | null> {
  return 'This window shows the map as the seminar started and does not follow the class’s edits; the host writes them to the file, and this window shows them when the seminar stops.';
}
