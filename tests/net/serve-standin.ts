// `argmap serve MAP --host ADDR --port N --code CODE --open` on the stand-in host (standin.ts), for
// the network-namespace test until host16's `argmap serve` exists. SIGTERM saves and exits.
import { startStandInHost } from './standin';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const mapPath = args[0];
const host = opt('--host');
if (!mapPath || !host || !args.includes('--open')) {
  process.stderr.write('usage: serve-standin.ts MAP --host ADDR --port N [--code CODE] --open\n');
  process.exit(2);
}
const live = await startStandInHost({ mapPath, host, port: Number(opt('--port') ?? 0), mode: 'open', ...(opt('--code') ? { code: opt('--code')! } : {}) });
process.stdout.write(`Live seminar at ${live.joinUrl}\n`);
process.on('SIGTERM', () => {
  void live.close().then(() => process.exit(0));
});
