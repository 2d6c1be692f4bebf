// What the instructor's window and the desktop host say to each other about a live seminar
// (issue 16): the addresses the host may listen on, the start request, the running seminar and
// its people. The host itself is the main process's (electron/main/live.ts runs
// arguments/cli/live/host.ts); the browser has none, so `Platform.live` is absent there.
// No DOM types: Node tests and the main process import it.
import type { DraftSummary, LiveRole, RoomInfo, RoomMode } from '../../arguments/live/protocol';
import type { FileRef } from './types';

/** The port a seminar listens on unless the instructor chooses another; 0 means any free port. */
export const DEFAULT_LIVE_PORT = 4780;
export const ANY_FREE_PORT = 0;
/** Ports below this need administrator rights on most systems. */
export const LOWEST_PORT = 1024;
export const HIGHEST_PORT = 65535;

/**
 * Whether a port can be asked for: 0 (any free port) or LOWEST_PORT–HIGHEST_PORT; the sentence
 * otherwise. The Start dialog says it before asking, and main refuses with it (liveChoices.ts).
 */
export function portProblem(port: unknown): string | null {
  if (port === ANY_FREE_PORT) return null;
  if (typeof port !== 'number' || !Number.isInteger(port)) return `The port must be a whole number between ${LOWEST_PORT} and ${HIGHEST_PORT}, or “any free port”.`;
  if (port < LOWEST_PORT || port > HIGHEST_PORT) return `The port must be between ${LOWEST_PORT} and ${HIGHEST_PORT} (ports below ${LOWEST_PORT} need administrator rights), or “any free port”.`;
  return null;
}

/** A port as typed in the Start dialog: digits only, else NaN (which portProblem refuses). */
export function readTypedPort(typed: string): number {
  const t = typed.trim();
  return /^\d{1,5}$/.test(t) ? Number(t) : Number.NaN;
}

/** An address of this computer the host can listen on, as the Start dialog offers it. */
export interface LiveAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
  /** The network interface's name (eth0, Wi-Fi, en0); "loopback" for this computer only. */
  interface: string;
  /** What the dialog shows: the address and what it reaches. */
  label: string;
  /** 127.0.0.1 or ::1: no other computer can join. */
  loopback: boolean;
}

export interface LiveStartRequest {
  address: string;
  /** LOWEST_PORT–HIGHEST_PORT, or 0 for any free port (portProblem). */
  port: number;
  mode: RoomMode;
}

export interface LivePeer {
  name: string;
  role: LiveRole;
  connected: boolean;
}

/**
 * A running seminar, as the instructor's own window knows it. Not its key: the main process
 * keeps it and joins the window to its room itself (electron/main/liveRelay.ts).
 */
export interface LiveSeminar {
  code: string;
  /** What students open (shown as text and as a QR code): `http://HOST:PORT/#CODE`. */
  joinUrl: string;
  address: string;
  port: number;
  mode: RoomMode;
  /** The hosted file's name, without folders. */
  mapName: string;
  /** Said once at start when the room did not resume its live store (the file changed since the last seminar). */
  notice?: string;
}

/** The seminar a window hosts as it finds it after a reload: who is connected now, and the hosted file. */
export interface LiveNow {
  seminar: LiveSeminar;
  peers: LivePeer[];
  /** The hosted file, as this window may read it again. */
  ref: FileRef;
}

/** The desktop host's side of Start Live Seminar…; absent in the browser. */
export interface LiveHostBridge {
  /** The machine's addresses to listen on: this computer only first, then the LAN's. */
  addresses(): Promise<LiveAddress[]>;
  /** Hosts the map saved at `ref`; throws an Error worded for the user (port taken, unsaved map…). */
  start(ref: FileRef, request: LiveStartRequest): Promise<LiveSeminar>;
  /** Saves the map, disconnects everyone and stops listening. */
  stop(): Promise<void>;
  /** The seminar this window hosts, if any: a reloaded window reads its file again and rejoins its room with it. */
  current(): Promise<LiveNow | null>;
  /** Who is connected, each time it changes. */
  onPeers(listener: (peers: LivePeer[]) => void): void;
  /**
   * The seminar ended without the dialog asking (Stop Live Seminar in the menu), or its last save
   * failed: why, or null, and whether that save reached the file.
   */
  onEnded(listener: (reason: string | null, saved: boolean) => void): void;
  /** The host hit a problem and goes on (a save that failed): a sentence for the instructor. */
  onProblem(listener: (message: string) => void): void;
  /** This window's own connection to its room, relayed by the main process (renderer/live/ipcSocket.ts). */
  socket: LiveSocketBridge;
  /** The students' drafts of this window's seminar, as its host lists them; throws an Error worded for the user. */
  drafts(): Promise<DraftSummary[]>;
  /** One student's draft as a map file's text (.argmap.json), read by the host; throws an Error worded for the user (no such draft, a draft the loader refuses). */
  draft(name: string): Promise<string>;
}

/** What the relayed socket of the window says (electron/main/liveRelay.ts). */
export type LiveSocketEvent = { kind: 'open'; id: number } | { kind: 'message'; id: number; bytes: Uint8Array } | { kind: 'close'; id: number; code: number; reason: string };

/**
 * The window in its own seminar: the main process keeps the key, asks the host for the room's
 * info and opens the room's socket; the window sees frames only.
 */
export interface LiveSocketBridge {
  /** The instructor's RoomInfo of this window's seminar; throws an Error worded for the user. */
  roomInfo(name: string): Promise<RoomInfo>;
  /** Opens the room as its instructor named `name`; the socket's id. Throws when the window hosts no seminar. */
  open(name: string): Promise<number>;
  send(id: number, bytes: Uint8Array): void;
  close(id: number): void;
  /** Every socket's events, in order (one listener: the last one set). */
  onEvent(listener: (event: LiveSocketEvent) => void): void;
}
