// `npm run conformance:interop -- [DIR]`: see arguments/cli/conformance-interop.ts (DIR defaults to ../shared/corpora/interop).
import { interopConformanceCommand } from '../arguments/cli/conformance-interop';

process.exitCode = interopConformanceCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  now: () => new Date().toISOString(),
});
