// A child process that speaks one JSON object a line (tests/net/student.ts), with its output kept
// so a test can wait, bounded, for what it expects.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Proc {
  child: ChildProcess;
  events: Record<string, unknown>[];
  /** Everything it wrote that was not an event (its errors, the host's banner). */
  log: string[];
  send(cmd: Record<string, unknown>): void;
  waitFor<T extends Record<string, unknown>>(what: string, pred: (e: Record<string, unknown>) => boolean, ms: number, from?: number): Promise<T>;
  /** Sends `cmd` and waits for the first event after it that `pred` accepts. */
  ask<T extends Record<string, unknown>>(cmd: Record<string, unknown>, pred: (e: Record<string, unknown>) => boolean, ms?: number): Promise<T>;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
}

export function start(name: string, command: string, args: string[], cwd: string): Proc {
  const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  const log: string[] = [];
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      log.push(line);
    }
    wake();
  });
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (resolve(code), wake())));
  const proc: Proc = {
    child,
    events,
    log,
    send: (cmd) => child.stdin!.write(`${JSON.stringify(cmd)}\n`),
    waitFor(what, pred, ms, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.slice(from).find(pred);
          if (hit) return done(() => resolve(hit as never));
          if (child.exitCode !== null || child.signalCode !== null) return done(() => reject(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before ${what}:\n${log.join('\n')}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${name}: no ${what} within ${ms} ms\n${log.join('\n')}`))), ms);
        const done = (f: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          f();
        };
        waiters.add(check);
        check();
      });
    },
    ask(cmd, pred, ms = 10_000) {
      const from = events.length;
      proc.send(cmd);
      return proc.waitFor(JSON.stringify(cmd), pred, ms, from);
    },
    exited,
    kill: (signal = 'SIGTERM') => void child.kill(signal),
  };
  return proc;
}
