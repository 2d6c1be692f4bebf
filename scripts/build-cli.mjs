// Bundles the argmap CLI (TypeScript in arguments/cli) into dist/argmap.mjs, an ES module, and
// the chunks it imports only when a command needs them (dist/argmap-chunks/: citation-js for
// `import-bib`, the citation styles for `cite`, the figure backends for `export`), so a command
// that needs none of them starts as fast as the others.
// `--outfile PATH` bundles elsewhere (tests build their own copy, so parallel test files never
// read a bundle another one is rewriting; its chunks go to PATH without .mjs + "-chunks/");
// keep it under the repository so node_modules resolves.
import { readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const at = process.argv.indexOf('--outfile');
const outfile = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'dist/argmap.mjs';
const name = basename(outfile).replace(/\.mjs$/, '');
const chunks = join(dirname(outfile), `${name}-chunks`);

// Node's modules are taken with require(), not import: importing one as ESM builds its facade,
// which reads every export, and lazy ones load more of Node (fs.ReadStream loads the streams,
// node:crypto its whole binding layer): 50-70 ms of `argmap export`'s start-up, measured.
const BUILTIN = new RegExp(`^(node:)?(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: BUILTIN }, (a) => (a.namespace === 'builtin' ? { path: a.path, external: true } : { path: a.path.replace(/^node:/, ''), namespace: 'builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (a) => ({ contents: `module.exports = require(${JSON.stringify(`node:${a.path}`)});`, loader: 'js' }));
  },
};

const result = await build({
  plugins: [builtinsByRequire],
  entryPoints: { [name]: 'arguments/cli/main.ts' },
  outdir: dirname(outfile),
  outExtension: { '.js': '.mjs' },
  chunkNames: `${name}-chunks/[name]-[hash]`,
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
  metafile: true,
  // Loaded from node_modules at run time, each only by the command that needs it: resvg is a
  // native module, PDFKit reads its data files (standard font metrics, ICC profile) relative
  // to itself, and `export` imports them only when it draws a PNG or PDF; citeproc-rs reads
  // its .wasm beside itself (arguments/cli/citeproc-node.ts imports it for `cite`); pdf.js's
  // Node build loads its worker relative to itself and mammoth is large (`source add` imports
  // them for a PDF or a .docx); libavoid-js reads its .wasm beside itself (`export` routes arrows).
  external: ['libavoid-js', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'fontkit', '@citeproc-rs/wasm', 'pdfjs-dist', 'mammoth'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// Chunks of an earlier build are removed once this one is written (their names carry a content
// hash; the same sources give the same names, so a CLI running meanwhile keeps its files).
const written = new Set(Object.keys(result.metafile.outputs).map((f) => resolve(f)));
for (const f of readdirSync(chunks)) if (!written.has(resolve(chunks, f))) rmSync(join(chunks, f), { force: true });
