// What the host, the students' browsers and the instructor's app agree on for a live seminar.
// The wire protocol is y-websocket's (sync + awareness from y-protocols), unchanged, so a
// department can run the same rooms on a y-websocket server or Hocuspocus; this module only fixes
// the names around it: the join code, the addresses, the roles and the presence record.
// - A student opens `http://HOST:PORT/#CODE` (the host serves the web build); the page asks for a
//   name and connects to `ws://HOST:PORT/live/CODE?name=NAME`. The room name is the join code.
// - The instructor's app (or `argmap serve`'s instructor link) adds `key=KEY`, a secret the host
//   makes at start and never shows to students: the key, not a name, makes a peer the instructor.
// - The host, not the page, decides what a peer may change (roles.ts enforces it on every update)
//   and who a peer is (the name of the connection, whatever its awareness claims).
import type { ArgNode, Id } from '../model';

/** The path under which the host accepts y-websocket connections: `/live/CODE`. */
export const LIVE_PATH = '/live';

/** What peers other than the instructor may change in a room. */
export const ROOM_MODES = ['students-read-only', 'students-own-voice', 'open', 'read-only'] as const;
export type RoomMode = (typeof ROOM_MODES)[number];

export const ROOM_MODE_LABELS = {
  'students-read-only': 'Students follow and read; only the instructor edits',
  'students-own-voice': 'Students add and edit their own nodes (their voice) and comments',
  open: 'Everyone edits (a workshop of equals)',
  'read-only': 'No one edits, not even the instructor (a display)',
} as const satisfies Record<RoomMode, string>;

export type LiveRole = 'instructor' | 'student';

/** Join codes: six letters and digits without look-alikes (no 0/O, 1/I/L), read aloud in a room. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/** A new join code from `random` (crypto bytes from the caller: this module does no I/O). */
export function makeJoinCode(random: Uint8Array): string {
  if (random.length < 6) throw new Error('makeJoinCode needs six random bytes');
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[random[i]! % CODE_ALPHABET.length];
  return code;
}

/** Normalises what a person typed ("abc 23k" → "ABC23K"); null when it cannot be a code. */
export function readJoinCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return CODE_PATTERN.test(code) ? code : null;
}

/** A student's name: what others see and what their voice is made of. */
export const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .'-]{0,39}$/u;

export function readStudentName(typed: string): string | null {
  const name = typed.normalize('NFC').trim().replace(/\s+/g, ' ');
  return NAME_PATTERN.test(name) ? name : null;
}

/** The name the instructor's desktop window joins its room under (what the students' People list shows). */
export const INSTRUCTOR_NAME = 'Instructor';

/**
 * Whether `name` is kept for the key holder: a student who took "Instructor" (or "instructor") first
 * would keep the instructor's own window out of the room and pass for the instructor.
 */
export const keptForInstructor = (name: string): boolean => name.toLocaleLowerCase('en-US') === INSTRUCTOR_NAME.toLocaleLowerCase('en-US');

/** The voice of a student's own nodes: `student:NAME`. */
export const studentVoice = (name: string): string => `student:${name}`;

/**
 * The largest WebSocket message the host takes (ws's maxPayload) and the instructor's relay
 * passes on: far above any map's update, below what would exhaust the host's memory.
 */
export const MAX_LIVE_MESSAGE_BYTES = 64 * 1024 * 1024;

/** The host's origin, "http://HOST:PORT", as a URL writes it (an IPv6 address in brackets). */
export function hostOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The page's address for a join: what the host shows as text and as a QR code. */
export function joinUrl(host: string, port: number, code: string): string {
  return `${hostOrigin(host, port)}/#${code}`;
}

/** The instructor's address: the join address with the key (never shown to students). */
export const instructorUrl = (host: string, port: number, code: string, key: string): string =>
  `${joinUrl(host, port, code)}?key=${encodeURIComponent(key)}`;

/** Reads `#CODE` or `#CODE?key=KEY` from a page's location hash; null for any other hash. */
export function readJoinHash(hash: string): { code: string; key?: string } | null {
  const m = /^#([A-Za-z0-9]{6})(?:\?key=([A-Za-z0-9_-]{16,128}))?$/.exec(hash);
  if (!m) return null;
  const code = readJoinCode(m[1]!);
  if (!code) return null;
  return m[2] ? { code, key: m[2] } : { code };
}

/** A student's private draft is a room of its own: only that student and the instructor join it. */
export const draftRoom = (code: string, name: string): string => `${code}.draft.${encodeURIComponent(name)}`;

/** What each peer publishes through y-protocols awareness (the host overwrites `user`). */
export interface Presence {
  user: { name: string; role: LiveRole; color: string };
  /** The ids of the nodes and relations this person has selected. */
  selection: Id[];
  /** The instructor's presentation step (index into the stored order), for "follow the instructor". */
  step?: number;
}

/** Colours for presence outlines: distinct on light and dark canvases, paired with the name. */
export const PRESENCE_COLORS = ['#c2410c', '#1d4ed8', '#15803d', '#7e22ce', '#be123c', '#0f766e', '#a16207', '#4338ca'] as const;

export function presenceColor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PRESENCE_COLORS[h % PRESENCE_COLORS.length]!;
}

/** Whether a student in own-voice mode owns a node: it is in their voice. */
export const ownsNode = (node: Pick<ArgNode, 'voice'> | undefined, name: string): boolean =>
  node !== undefined && node.voice === studentVoice(name);

/**
 * What a page asks before it joins: `GET /live/CODE/info?name=NAME[&key=KEY]` answers this JSON
 * (404 for an unknown code, 400 for a bad name, 409 when the name is someone else's: taken by a
 * connected peer, or given out before and asked without its `token`; 429 for a name whose changes
 * were refused again and again, 503 when the host keeps no more names), so the page can show its
 * role and lock its editing before the first sync. Every refusal is JSON `{ error: SENTENCE }`.
 */
export interface RoomInfo {
  code: string;
  mode: RoomMode;
  role: LiveRole;
  /** The name the host will give this connection (the typed one, normalised). */
  name: string;
  /** The map's title, for the join page. */
  title: string;
  /** Whether this peer's updates reach the room (the host drops them otherwise). */
  mayEdit: 'everything' | 'own-voice' | 'nothing';
  /**
   * Changes when the host starts the room anew from the map file (the file was changed while no
   * seminar ran) instead of resuming its store: a page keeps its IndexedDB copy under
   * code + epoch, and drops a copy of another epoch (its structs would duplicate the map). This
   * host always sends it (optional for rooms served by a stock y-websocket server).
   */
  epoch?: string;
  /**
   * A student's proof of their name: handed out by the first answer under that name; every later
   * info query and connection under it adds `token=TOKEN` (else 409), and one that does while its
   * old connection lingers ends that one. The page keeps it with its copy of the room (per code,
   * epoch and name). Not sent to the instructor (the key proves them).
   */
  token?: string;
}

/**
 * Close codes of the host's WebSocket (4000–4999 are the application's). `refused`: the peer sent
 * a change it may not make; the host dropped it and told why (a y-protocols auth "permission
 * denied" message just before). The page cannot take its own structs back: it must start a fresh
 * Y.Doc from the host's state (and clear its IndexedDB copy), or every later change of its would
 * be refused as well. The host acknowledges an update by relaying it (to its sender too): it
 * relays only what is in its store. `replaced`: the same person joined again under this name (with
 * its token) and this older connection was ended; a page that gets it is open elsewhere and should
 * not reconnect by itself (two tabs would take the name from each other in turn).
 */
export const LIVE_CLOSE = { refused: 4403, replaced: 4409, stopped: 1001 } as const;

export const infoPath = (code: string): string => `${LIVE_PATH}/${code}/info`;

/**
 * `GET /live/CODE/info` without a name: what the join page shows before a name is typed (the
 * map's title), 404 for an unknown code. Nothing about the peers.
 */
export interface RoomPreview {
  code: string;
  mode: RoomMode;
  title: string;
}

/**
 * A student's draft as the instructor's list shows it: `GET /live/CODE/drafts?key=KEY` answers
 * `{ drafts: DraftSummary[] }`, and `GET /live/CODE/drafts/NAME?key=KEY` the draft itself as a map
 * file's text (.argmap.json, what the loader reads); 403 without the key, 404 for a draft this
 * seminar has not, 422 for one whose map the loader refuses (`{ error: SENTENCE }` as for info).
 */
export interface DraftSummary {
  /** The student's name. */
  name: string;
  /** Whether someone (the student, the instructor) has it open now: it may change as you read it. */
  open: boolean;
  /** When its log last took a change (ISO 8601). */
  changedAt: string;
  /** How many nodes it holds; null when its log cannot be read on the host (reading it says why). */
  nodes: number | null;
}

export const draftsPath = (code: string): string => `${LIVE_PATH}/${code}/drafts`;
export const draftPath = (code: string, name: string): string => `${draftsPath(code)}/${encodeURIComponent(name)}`;

/** The address of the drafts' list on the host at `origin` ("http://HOST:PORT"), with the instructor's key. */
export function draftsUrl(origin: string, code: string, key: string): string {
  const url = new URL(draftsPath(code), origin);
  url.searchParams.set('key', key);
  return url.href;
}

/** The address of one student's draft, with the instructor's key. */
export function draftUrl(origin: string, code: string, name: string, key: string): string {
  const url = new URL(draftPath(code, name), origin);
  url.searchParams.set('key', key);
  return url.href;
}
