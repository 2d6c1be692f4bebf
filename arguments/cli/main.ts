// Entry point bundled into dist/argmap.mjs (see scripts/build-cli.mjs).
import { run } from './argmap';

process.exitCode = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  now: () => new Date().toISOString(),
});
