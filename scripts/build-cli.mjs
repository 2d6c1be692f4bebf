// Bundles the argmap CLI (TypeScript in arguments/cli) into one ES module, dist/argmap.mjs.
// `--outfile PATH` bundles elsewhere (tests build their own copy, so parallel test files never
// read a bundle another one is rewriting); keep it under the repository so node_modules resolves.
import { build } from 'esbuild';

const at = process.argv.indexOf('--outfile');
const outfile = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'dist/argmap.mjs';

await build({
  entryPoints: ['arguments/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
  // Loaded from node_modules at run time: resvg is a native module, PDFKit reads its data
  // files (standard font metrics, ICC profile) relative to itself, and `export` imports
  // them only when it draws a PNG or PDF; citeproc-rs reads its .wasm beside itself
  // (arguments/cli/citeproc-node.ts imports it when a citation is first rendered).
  external: ['@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'fontkit', '@citeproc-rs/wasm'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
