// The pure decisions behind File > Start Live Seminar…: which addresses of this computer are
// offered (this computer only first, then each LAN address with its interface's name; never
// 0.0.0.0), what a start request may say (port, mode, an offered address), the sentence for a
// host that could not start, and the question asked when a hosting window closes.
// No Electron and no I/O: live.ts and ipc.ts apply them, tests/unit/electron/liveChoices.test.ts checks them.
import type { NetworkInterfaceInfo } from 'node:os';
import { ROOM_MODES, type RoomMode } from '../../arguments/live/protocol';
import { ANY_FREE_PORT, LOWEST_PORT, portProblem, type LiveAddress, type LiveStartRequest } from '../../renderer/platform/live';

export const LOOPBACK_LABEL = 'This computer only';

type Interfaces = Readonly<Record<string, readonly NetworkInterfaceInfo[] | undefined>>;

/**
 * The addresses a seminar can listen on, from os.networkInterfaces(): 127.0.0.1 first ("this
 * computer only"), then every LAN IPv4 address, then every routable IPv6 address (link-local
 * fe80:: is left out: a browser cannot open an address that needs a zone id). Other loopback
 * addresses and the wildcard are never offered.
 */
export function listLiveAddresses(interfaces: Interfaces): LiveAddress[] {
  const v4: LiveAddress[] = [];
  const v6: LiveAddress[] = [];
  const seen = new Set<string>();
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 said 4 and 6.
      const raw = info.family as unknown;
      const family = raw === 'IPv4' || raw === 4 ? 'IPv4' : raw === 'IPv6' || raw === 6 ? 'IPv6' : null;
      if (!family || info.internal || seen.has(info.address)) continue;
      if (family === 'IPv4' && (info.address === '0.0.0.0' || info.address.startsWith('127.') || info.address.startsWith('169.254.'))) continue;
      if (family === 'IPv6' && (info.address === '::' || info.address === '::1' || /^fe[89ab]/i.test(info.address))) continue;
      seen.add(info.address);
      (family === 'IPv4' ? v4 : v6).push({ address: info.address, family, interface: name, label: `${info.address} (${name}: computers on this network)`, loopback: false });
    }
  }
  const byAddress = (a: LiveAddress, b: LiveAddress) => a.interface.localeCompare(b.interface) || a.address.localeCompare(b.address);
  const loopback: LiveAddress = { address: '127.0.0.1', family: 'IPv4', interface: 'loopback', label: `127.0.0.1 (${LOOPBACK_LABEL.toLowerCase()}: for trying it out)`, loopback: true };
  return [loopback, ...v4.sort(byAddress), ...v6.sort(byAddress)];
}

export class LiveRequestError extends Error {
  override name = 'LiveRequestError';
  constructor(
    readonly code: 'bad-request' | 'bad-address' | 'bad-port' | 'bad-mode',
    message: string,
  ) {
    super(message);
  }
}

const isMode = (value: unknown): value is RoomMode => typeof value === 'string' && (ROOM_MODES as readonly string[]).includes(value);

/**
 * A start request as it arrives over IPC, checked field by field: a plain object with exactly
 * an address (one of `offered`), a port and a room mode. Throws LiveRequestError otherwise.
 */
export function readLiveStartRequest(value: unknown, offered?: readonly LiveAddress[]): LiveStartRequest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new LiveRequestError('bad-request', 'The seminar’s settings must be an object.');
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new LiveRequestError('bad-request', 'The seminar’s settings must be a plain object.');
  const extra = Object.keys(value).filter((k) => k !== 'address' && k !== 'port' && k !== 'mode');
  if (extra.length > 0) throw new LiveRequestError('bad-request', `The seminar’s settings have unexpected fields: ${extra.join(', ')}.`);
  const { address, port, mode } = value as Record<string, unknown>;
  if (typeof address !== 'string' || address.length === 0 || address.length > 64) throw new LiveRequestError('bad-address', 'Choose the address the seminar listens on.');
  if (address === '0.0.0.0' || address === '::') throw new LiveRequestError('bad-address', 'The seminar listens on one address you choose, not on every address of this computer.');
  if (offered && !offered.some((a) => a.address === address)) throw new LiveRequestError('bad-address', `${address} is not an address of this computer now (the network may have changed); choose one from the list.`);
  const problem = portProblem(port);
  if (problem) throw new LiveRequestError('bad-port', problem);
  if (!isMode(mode)) throw new LiveRequestError('bad-mode', `The room mode must be one of ${ROOM_MODES.join(', ')}.`);
  return { address, port: port as number, mode };
}

/**
 * The sentence for a host that could not start listening, from Node's error code: host.ts's
 * LiveHostError('listen-failed') carries Node's errno error as its cause, and its own message is
 * the CLI's (which speaks of port 0), so the app names the cause in its own terms.
 */
export function hostStartMessage(err: unknown, request: Pick<LiveStartRequest, 'address' | 'port'>): string {
  const codeOf = (e: unknown) => (typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '');
  const code = codeOf((err as { cause?: unknown } | null)?.cause) || codeOf(err);
  const port = request.port === ANY_FREE_PORT ? 'a free port' : `port ${request.port}`;
  if (code === 'EADDRINUSE') return `Port ${request.port} is already in use on ${request.address} (another seminar or program has it). Choose another port, or “any free port”.`;
  if (code === 'EADDRNOTAVAIL') return `${request.address} is no longer an address of this computer (the network changed?). Choose another address.`;
  if (code === 'EACCES' || code === 'EPERM') return `This computer does not allow listening on ${port} of ${request.address}. Choose a port above ${LOWEST_PORT}, or another address.`;
  const detail = err instanceof Error && err.message ? err.message : String(err);
  return `The live seminar could not start on ${request.address}: ${detail}`;
}

/** The question when a window that hosts a seminar is closed or the app quits. */
export function liveClosePrompt(mapName: string, connected: number, forQuit: boolean) {
  const people = connected === 0 ? 'No one is connected now.' : connected === 1 ? 'One person is connected.' : `${connected} people are connected.`;
  return {
    type: 'question' as const,
    message: `Stop the live seminar on “${mapName}”?`,
    detail: `${people} ${forQuit ? 'Quitting' : 'Closing this window'} ends the seminar for everyone; the map is saved first.`,
    buttons: ['Stop Seminar', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

export const LIVE_STOP_FAILED = 'The live seminar’s map could not be saved';

/** Said over the window when its seminar stopped but the last save failed (the sentence is live.ts's stopFailure). */
export function liveStopFailedBox(failure: string) {
  return { type: 'error' as const, message: LIVE_STOP_FAILED, detail: failure, buttons: ['OK'], noLink: true };
}
