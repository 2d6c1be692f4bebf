// Entry point bundled into dist/argmap.mjs (see scripts/build-cli.mjs).
import * as nodeModule from 'node:module';
import { run } from './argmap';

// Node 22.1+: the commands' chunks, imported later, are compiled from V8's cache (bin/argmap.mjs
// enables it before this bundle loads; run as `node dist/argmap.mjs`, from here). Not in Node 20.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// `argmap cite map.json | head` closes the pipe early: stop quietly, as other tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  now: () => new Date().toISOString(),
});
