// Where a CLI thread's script is: beside the CLI's bundle (scripts/build-cli.mjs writes it), or,
// run from source (tests, bench), the TypeScript module through tsx's require hook.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `bundled`: the script's file name beside the bundle; `source`: the module's file name beside the calling module `here`. */
export function threadScript(here: string, bundled: string, source: string): { script: string | URL; eval: boolean } {
  if (here.endsWith('.cjs')) return { script: new URL(`./${bundled}`, here), eval: false };
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  return { script: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(new URL(`./${source}`, here)))});`, eval: true };
}
