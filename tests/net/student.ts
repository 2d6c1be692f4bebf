// A student's client as its own process, for the network-namespace test (run inside a student's
// namespace with `ip netns exec`): a stock y-websocket provider with a LiveSession, driven by one
// JSON command a line on stdin, answering one JSON event a line on stdout.
//   node --import tsx tests/net/student.ts ws://HOST:PORT/live CODE NAME
//   stdin:  {"cmd":"add","text":"…"} | {"cmd":"texts"} | {"cmd":"quit"}
//   stdout: {"event":"synced"} | {"event":"status","status":"connected"|"disconnected"}
//           | {"event":"added","id":"…"} | {"event":"refused","reason":"…"} | {"event":"texts","texts":[…]}
import { createInterface } from 'node:readline';
import { addNode } from '../../arguments/operations';
import { joinRoom } from './client';

const [serverUrl, code, name] = process.argv.slice(2);
if (!serverUrl || !code || !name) {
  process.stderr.write('usage: student.ts ws://HOST:PORT/live CODE NAME\n');
  process.exit(2);
}
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const client = joinRoom(serverUrl, code, name);
client.provider.on('sync', (synced: boolean) => synced && say({ event: 'synced' }));
client.provider.on('status', ({ status }: { status: string }) => say({ event: 'status', status }));

createInterface({ input: process.stdin }).on('line', (line) => {
  const c = JSON.parse(line) as { cmd: 'add'; text: string } | { cmd: 'texts' } | { cmd: 'quit' };
  if (c.cmd === 'add') {
    const id = client.session.freshId('n');
    const r = client.session.apply(addNode({ id, kind: 'claim', text: c.text }, { x: 40, y: 40 }));
    say(r.ok ? { event: 'added', id } : { event: 'refused', reason: r.reason });
  } else if (c.cmd === 'texts') say({ event: 'texts', texts: Object.values(client.session.map.nodes).map((n) => n.text).sort() });
  else {
    client.destroy();
    process.exit(0);
  }
});
