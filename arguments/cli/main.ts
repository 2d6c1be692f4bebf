// Entry point of the CLI's CommonJS bundle, dist/argmap-chunks/argmap.cjs, which dist/argmap.cjs
// runs with V8's code cache (launcher.ts; see scripts/build-cli.mjs). CommonJS, so no top-level await.
import { run } from './argmap';

// `argmap cite map.json | head` closes the pipe early: stop quietly, as other tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw err;
});

void Promise.resolve(
  run(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    now: () => new Date().toISOString(),
  }),
).then((code) => {
  process.exitCode = code;
});
