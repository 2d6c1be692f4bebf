// The live host the network tests run: host16's `startLiveHost` (arguments/cli/live/host.ts) when
// it is in the tree, else the stand-in on the stock @y/websocket-server (standin.ts). The types
// are the agreed API, repeated here so the tests type-check before the real host lands.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LiveRole, RoomMode } from '../../arguments/live/protocol';
import { startStandInHost } from './standin';

export interface LiveHostOptions {
  mapPath: string;
  host: string;
  port: number;
  code?: string;
  mode?: RoomMode;
  webRoot?: string;
  storeDir?: string;
  onPeers?: (peers: PeerInfo[]) => void;
  onError?: (e: Error) => void;
}
export interface PeerInfo {
  name: string;
  role: LiveRole;
  connected: boolean;
}
export interface LiveHost {
  code: string;
  key: string;
  address: string;
  port: number;
  joinUrl: string;
  instructorUrl: string;
  peers(): PeerInfo[];
  save(): Promise<void>;
  close(): Promise<void>;
}

const REAL = fileURLToPath(new URL('../../arguments/cli/live/host.ts', import.meta.url));

/** Which host runs: 'real' (host16's) unless it is absent or AA_NET_HOST=standin asks otherwise. */
export const hostKind = (): 'real' | 'standin' => (process.env.AA_NET_HOST !== 'standin' && existsSync(REAL) ? 'real' : 'standin');

export async function startHost(options: LiveHostOptions): Promise<LiveHost> {
  if (hostKind() === 'standin') return startStandInHost(options);
  const mod = (await import(/* @vite-ignore */ REAL)) as { startLiveHost(o: LiveHostOptions): Promise<LiveHost> };
  return mod.startLiveHost(options);
}
