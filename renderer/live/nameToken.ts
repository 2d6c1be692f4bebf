// A student's proof of their name in a room (protocol.ts RoomInfo.token): the host hands it out
// with the first answer under the name and wants it with every later info query and connection
// under that name. The page keeps it in its storage under the room's code and the name, with the
// epoch it came in (as the offline copy is kept), so a reload, a rejoin or a dropped connection
// brings it. A token of an earlier run is harmless: that host's successor knows no owner of the
// name and hands out a new one, which replaces it.
import type { RoomInfo } from '../../arguments/live/protocol';
import { readRemembered, remember } from '../export/remembered';

const keyOf = (code: string, name: string) => `argument-atlas-live-token:${code}:${name}`;

const inPage = new Map<string, string>();

/** The token this page holds for `name` in room `code`, if any. */
export function tokenFor(code: string, name: string): string | undefined {
  const key = keyOf(code, name);
  if (inPage.has(key)) return inPage.get(key);
  const kept = readRemembered(key).token;
  return typeof kept === 'string' ? kept : undefined;
}

/** Keeps the token of an answer (nothing when it has none: the instructor's, a stock server's). */
export function keepToken(info: RoomInfo): void {
  if (info.token === undefined) return;
  const key = keyOf(info.code, info.name);
  // Storage full or blocked: kept in the page only.
  inPage.set(key, info.token);
  remember(key, { epoch: info.epoch ?? '', token: info.token });
}
