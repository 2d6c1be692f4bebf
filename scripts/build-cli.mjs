// Bundles the argmap CLI (TypeScript in arguments/cli) into one ES module, dist/argmap.mjs.
import { build } from 'esbuild';

await build({
  entryPoints: ['arguments/cli/main.ts'],
  outfile: 'dist/argmap.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
