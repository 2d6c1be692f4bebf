// The live host in a process of its own, as the instructor's app or `argmap serve` runs it, for
// the loopback test: its fsyncs and judging then take their own core, not the clients' turns.
//   node --import tsx tests/net/host-process.ts MAP STORE_DIR
//   stdout: {"port":N,"code":"…"} once it listens; SIGTERM saves, closes and exits 0.
import { startLiveHost } from '../../arguments/cli/live/host';

const [mapPath, storeDir] = process.argv.slice(2);
if (!mapPath || !storeDir) {
  process.stderr.write('usage: host-process.ts MAP STORE_DIR\n');
  process.exit(2);
}
const host = await startLiveHost({ mapPath, storeDir, host: '127.0.0.1', port: 0, mode: 'open', onError: (e) => process.stderr.write(`${e.message}\n`) });
process.stdout.write(`${JSON.stringify({ port: host.port, code: host.code })}\n`);
process.on('SIGTERM', () => {
  void host.close().then(() => process.exit(0));
});
