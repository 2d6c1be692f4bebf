// `argmap serve MAP`: the live seminar's host without the app (live/host.ts, the one the app's
// main process runs), for a seminar room's own machine or a department server. It listens on
// 127.0.0.1 unless told otherwise: opening it to the room's network is the user's choice. It
// runs until SIGTERM or SIGINT, then saves and exits 0.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOM_MODE_LABELS, type RoomMode } from '../../live/protocol';
import { LiveHostError, startLiveHost, type PeerInfo } from '../live/host';
import { CliError, say, type Io } from '../io';
import { parseOptions, positional } from '../options';
import { shown } from '../quote';
import { COMMAND_USAGE } from './usage';

const MODE_FLAGS = { open: 'open', 'read-only': 'read-only', 'own-voice': 'students-own-voice' } as const satisfies Record<string, RoomMode>;
type ModeFlag = keyof typeof MODE_FLAGS;

/** The web build (`npm run build:web`: dist/renderer) of the package this CLI belongs to. */
export function findWebBuild(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = resolve(from);
  for (let i = 0; i < 6; i++) {
    for (const candidate of basename(dir) === 'dist' ? [join(dir, 'renderer')] : [join(dir, 'dist', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html')) && statSync(candidate).isDirectory()) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

export interface ServeSignals {
  /** Resolves when the host should stop (default: SIGTERM or SIGINT). */
  stop: () => Promise<string>;
}

const onSignal = (): Promise<string> =>
  new Promise((resolveStop) => {
    const handler = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', handler);
      process.off('SIGINT', handler);
      resolveStop(signal);
    };
    process.on('SIGTERM', handler);
    process.on('SIGINT', handler);
  });

export async function run(rest: string[], io: Io, signals: ServeSignals = { stop: onSignal }): Promise<number> {
  const spec = { command: 'serve', valued: ['host', 'port', 'code', 'web'], flags: ['open', 'read-only', 'own-voice'], usage: COMMAND_USAGE.serve } as const;
  const parsed = parseOptions(rest, spec);
  const [mapPath] = positional(parsed, ['MAP'], spec) as [string];
  const modes = (Object.keys(MODE_FLAGS) as ModeFlag[]).filter((f) => parsed.flags.has(f));
  if (modes.length > 1) throw new CliError(`argmap serve: give one of --open, --read-only and --own-voice, not ${modes.map((m) => `--${m}`).join(' and ')}.`, 2, spec.usage);
  const mode: RoomMode = modes.length === 1 ? MODE_FLAGS[modes[0]!] : 'students-read-only';
  const portText = parsed.values.get('port') ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new CliError(`argmap serve: --port ${shown(portText)} is not a port; give a number from 1 to 65535 (0: any free port).`, 2, spec.usage);
  const host = parsed.values.get('host') ?? '127.0.0.1';
  const web = parsed.values.get('web');
  const webRoot = web !== undefined ? resolve(web) : findWebBuild();
  if (webRoot === null) throw new CliError('argmap serve: the web build is not there (dist/renderer beside the CLI); run `npm run build:web` first, or give it with --web DIR.');
  if (!existsSync(join(webRoot, 'index.html'))) throw new CliError(`argmap serve: ${shown(webRoot)} holds no index.html; give the folder of the web build (npm run build:web makes dist/renderer).`);

  const seen = new Map<string, boolean>();
  let stopping = false;
  let live;
  try {
    const code = parsed.values.get('code');
    live = await startLiveHost({
      mapPath,
      host,
      port: Number(portText),
      mode,
      webRoot,
      ...(code !== undefined ? { code } : {}),
      onPeers: (peers) => announce(peers),
      onError: (e) => say(io.err, `argmap serve: ${e.message}`),
    });
  } catch (err) {
    if (err instanceof LiveHostError) throw new CliError(`argmap serve: ${err.message}`, err.code === 'map-invalid' ? 1 : 2);
    throw err;
  }
  function announce(peers: PeerInfo[]): void {
    if (stopping) return;
    for (const p of peers) {
      if (seen.get(p.name) === p.connected) continue;
      seen.set(p.name, p.connected);
      say(io.out, `${p.name} (${p.role}) ${p.connected ? 'joined' : 'left'}`);
    }
  }
  if (live.notice) say(io.err, `argmap serve: note: ${live.notice}`);
  say(io.out, `Live seminar on ${shown(mapPath)}: ${ROOM_MODE_LABELS[mode]}.`);
  say(io.out, `Join code: ${live.code}`);
  say(io.out, `Students open: ${live.joinUrl}`);
  say(io.out, `Instructor (keep private): ${live.instructorUrl}`);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') say(io.out, 'Only this computer can join; give --host with this computer’s address on the room’s network to let students in.');
  say(io.out, 'Stop with Ctrl+C (or SIGTERM): the map is saved first.');
  const signal = await signals.stop();
  stopping = true;
  try {
    await live.close();
  } catch (err) {
    throw new CliError(`argmap serve: stopped (${signal}), but ${err instanceof Error ? err.message : String(err)}`, 1);
  }
  say(io.out, `Stopped (${signal}); ${shown(mapPath)} is saved.`);
  return 0;
}
