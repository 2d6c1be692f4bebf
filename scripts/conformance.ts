// `npm run conformance -- [DIR]`: see arguments/cli/conformance.ts (DIR defaults to ../shared/corpora/grounded).
import { conformanceCommand } from '../arguments/cli/conformance';

process.exitCode = conformanceCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  now: () => new Date().toISOString(),
});
