// Network namespaces for the seminar test: a host namespace with a bridge at 10.77.0.1/24 and
// student namespaces each joined to it by a veth pair (10.77.0.11, .12, …), so the host and the
// students talk over real interfaces that a test can cut (`ip link set … down`) as a wifi drop
// would. Names are unique per run; `remove` deletes every namespace (and with them their links).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export const HOST_ADDRESS = '10.77.0.1';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });

/** Why namespaces cannot be made here, or null when they can (tried with a namespace of its own). */
export function whyNoNamespaces(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not root (ip netns needs CAP_SYS_ADMIN)';
  if (spawnSync('ip', ['-V'], { stdio: 'ignore' }).status !== 0) return 'no `ip` command (apt package iproute2)';
  const probe = `aaprobe${randomBytes(3).toString('hex')}`;
  const r = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (r.status !== 0) return `ip netns add fails: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return null;
}

export interface Seminar {
  host: string;
  students: string[];
  /** The host-side end of student i's link (what `cut` takes down). */
  link(i: number): string;
  address(i: number): string;
  cut(i: number): void;
  restore(i: number): void;
  /** `ip netns exec NS` and the command, for spawn. */
  exec(ns: string, command: string[]): [string, string[]];
  remove(): void;
}

export function makeSeminar(studentCount: number): Seminar {
  const tag = `aa${randomBytes(3).toString('hex')}`;
  const host = `${tag}h`;
  const students = Array.from({ length: studentCount }, (_, i) => `${tag}s${i + 1}`);
  const seminar: Seminar = {
    host,
    students,
    link: (i) => `s${i + 1}`,
    address: (i) => `10.77.0.${11 + i}`,
    cut: (i) => ip('-n', host, 'link', 'set', seminar.link(i), 'down'),
    restore: (i) => ip('-n', host, 'link', 'set', seminar.link(i), 'up'),
    exec: (ns, command) => ['ip', ['netns', 'exec', ns, ...command]],
    remove() {
      for (const ns of [host, ...students]) spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    },
  };
  try {
    ip('netns', 'add', host);
    ip('-n', host, 'link', 'set', 'lo', 'up');
    ip('-n', host, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', host, 'addr', 'add', `${HOST_ADDRESS}/24`, 'dev', 'br0');
    ip('-n', host, 'link', 'set', 'br0', 'up');
    students.forEach((ns, i) => {
      ip('netns', 'add', ns);
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', host, 'link', 'add', seminar.link(i), 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
      ip('-n', host, 'link', 'set', seminar.link(i), 'master', 'br0');
      ip('-n', host, 'link', 'set', seminar.link(i), 'up');
      ip('-n', ns, 'addr', 'add', `${seminar.address(i)}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
    });
  } catch (e) {
    seminar.remove();
    throw e;
  }
  return seminar;
}
