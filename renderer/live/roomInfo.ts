// The question a page asks the host before it joins (protocol.ts: GET /live/CODE/info): the map's
// title, this peer's role and what it may edit, so the page locks its editing before the first
// sync. Every way it can fail is a typed error in words a student can act on.
import { draftRoom, infoPath, LIVE_PATH, readJoinCode, readStudentName, ROOM_MODES, type RoomInfo, type RoomPreview } from '../../arguments/live/protocol';
import { keepToken, tokenFor } from './nameToken';

export type JoinErrorCode = 'bad-name' | 'bad-code' | 'unknown-code' | 'name-taken' | 'unreachable' | 'bad-answer' | 'refused';

export class LiveJoinError extends Error {
  constructor(
    readonly code: JoinErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LiveJoinError';
  }
}

export const NAME_RULE = 'Use 1–40 letters, digits, spaces, full stops, apostrophes or hyphens, starting with a letter or digit.';

/** What is wrong with a typed name, in words (the join screen shows it, the join refuses with it); null when it is a name. */
export function nameProblem(typed: string): string | null {
  if (readStudentName(typed) !== null) return null;
  return typed.trim() === '' ? 'Type your name: the others see it next to your selection and your nodes.' : `“${typed.trim()}” cannot be a name here. ${NAME_RULE}`;
}

/** The WebSocket base of a host: "ws://HOST:PORT/live" (y-websocket appends "/CODE"). */
export function liveSocketBase(url: string): string {
  const u = new URL(url);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = LIVE_PATH;
  u.search = u.hash = '';
  return u.href.replace(/\/$/, '');
}

/** The info address of a room on the host at `base` ("http://HOST:PORT"): the class room `code`, or a draft's room (protocol.ts draftRoom). */
export function infoUrl(base: string, room: string, name: string, key?: string, token?: string): string {
  const url = new URL(infoPath(room), base);
  url.searchParams.set('name', name);
  if (key !== undefined) url.searchParams.set('key', key);
  if (token !== undefined) url.searchParams.set('token', token);
  return url.href;
}

/** The host's answer, checked: anything but a RoomInfo for this code is a bad answer. */
export function readRoomInfo(value: unknown, code: string): RoomInfo {
  const v = value as Partial<RoomInfo> | null;
  const ok =
    v !== null &&
    typeof v === 'object' &&
    v.code === code &&
    (ROOM_MODES as readonly unknown[]).includes(v.mode) &&
    (v.role === 'instructor' || v.role === 'student') &&
    typeof v.name === 'string' &&
    readStudentName(v.name) === v.name &&
    typeof v.title === 'string' &&
    (v.mayEdit === 'everything' || v.mayEdit === 'own-voice' || v.mayEdit === 'nothing') &&
    (v.epoch === undefined || typeof v.epoch === 'string') &&
    (v.token === undefined || typeof v.token === 'string');
  if (!ok) throw new LiveJoinError('bad-answer', 'The host answered with something that is not a seminar room. Check the address with your instructor.');
  return v as RoomInfo;
}

/**
 * Asks the host about room `code` for `typedName` (with the name's token when this page holds one,
 * nameToken.ts); throws a LiveJoinError in words.
 */
export async function fetchRoomInfo(base: string, typedCode: string, typedName: string, key?: string, fetcher: typeof fetch = fetch): Promise<RoomInfo> {
  const code = readJoinCode(typedCode);
  if (!code) throw new LiveJoinError('bad-code', `“${typedCode}” is not a join code: a code is six letters and digits, as your instructor shows it.`);
  const name = readStudentName(typedName);
  if (!name) throw new LiveJoinError('bad-name', nameProblem(typedName)!);
  // The host hands a name's token out once: kept here, so whoever asked, the join brings it.
  const info = await askHost(base, code, code, name, key, fetcher);
  keepToken(info);
  return info;
}

/**
 * Asks the host about the draft of student `of` in the room this page joined as `joined` (the
 * instructor with `key`): its info (mode 'open', what this peer may edit there). Throws a
 * LiveJoinError in words: 'refused' with the host's own sentence (not this student's draft, …).
 */
export function fetchDraftInfo(base: string, joined: RoomInfo, of: string, key?: string, fetcher: typeof fetch = fetch): Promise<RoomInfo> {
  return askHost(base, joined.code, draftRoom(joined.code, of), joined.name, key, fetcher);
}

async function askHost(base: string, code: string, room: string, name: string, key: string | undefined, fetcher: typeof fetch): Promise<RoomInfo> {
  let response: Response;
  try {
    response = await fetcher(infoUrl(base, room, name, key, key === undefined ? tokenFor(code, name) : undefined));
  } catch {
    throw new LiveJoinError('unreachable', `The seminar’s host (${new URL(base).host}) does not answer. Check that you are on the room’s network and that the instructor’s seminar is still running, then try again.`);
  }
  if (response.status === 404 && room === code) throw new LiveJoinError('unknown-code', `There is no seminar with the code ${code} on this host. Check the code with your instructor.`);
  if (response.status === 409) throw new LiveJoinError('name-taken', `Someone in the seminar already uses the name “${name}”. Add an initial or choose another name (if it was you, open the seminar again in the browser you joined with).`);
  if (response.status === 400) throw new LiveJoinError('bad-name', `The host does not accept the name “${name}”. ${NAME_RULE}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    // The host's refusals are JSON { error: SENTENCE } (protocol.ts RoomInfo): said as the host put them.
    const said = body !== null && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error.slice(0, 300) : '';
    if (said !== '' && (response.status === 403 || response.status === 404 || response.status === 429 || response.status === 503)) throw new LiveJoinError('refused', said);
    throw new LiveJoinError('unreachable', `The seminar’s host answered with an error (${response.status}). Try again in a moment.`);
  }
  return readRoomInfo(body, code);
}

/** The room's title for the join screen (no name yet); null when the host does not say. */
export async function fetchRoomPreview(base: string, code: string, fetcher: typeof fetch = fetch): Promise<RoomPreview | 'unknown-code' | null> {
  try {
    const response = await fetcher(new URL(infoPath(code), base).href);
    if (response.status === 404) return 'unknown-code';
    if (!response.ok) return null;
    const v = (await response.json()) as Partial<RoomPreview> | null;
    return v && v.code === code && typeof v.title === 'string' && (ROOM_MODES as readonly unknown[]).includes(v.mode) ? (v as RoomPreview) : null;
  } catch {
    return null;
  }
}
