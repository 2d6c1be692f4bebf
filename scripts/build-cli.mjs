// Bundles the argmap CLI (TypeScript in arguments/cli) into one CommonJS bundle,
// dist/argmap-chunks/argmap.cjs, and dist/argmap.cjs, the launcher that runs it with V8's code
// cache (arguments/cli/launcher.ts; Node 20 keeps none of its own): compiling the code is most
// of a command's start-up above Node's. The bundle's commands, and what they alone import
// (citation-js for `import-bib`, the citation styles for `cite`, the figure backends for
// `export`), are initialised only when a command runs them.
// `--outfile PATH.cjs` puts the launcher elsewhere (tests build their own copy, so parallel test
// files never read a bundle another one is rewriting; its bundle goes to PATH + "-chunks/");
// keep it under the repository so node_modules resolves.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

const at = process.argv.indexOf('--outfile');
const outfile = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'dist/argmap.cjs';
if (!outfile.endsWith('.cjs')) {
  process.stderr.write(`build-cli: --outfile ${outfile} must end in .cjs: the launcher is a CommonJS module (bin/argmap.cjs runs dist/argmap.cjs).\n`);
  process.exit(2);
}
const name = basename(outfile).replace(/\.cjs$/, '');
const chunks = join(dirname(outfile), `${name}-chunks`);

const external = ['libavoid-js', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'fontkit', '@citeproc-rs/wasm', 'pdfjs-dist', 'mammoth', 'elkjs', 'docx', '@argdown/core', '@citation-js/core', '@citation-js/plugin-bibtex'];
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, logLevel: 'warning' };

mkdirSync(chunks, { recursive: true });
const bundle = join(chunks, `${name}.cjs`);
const built = await build({
  write: false,
  ...common,
  entryPoints: ['arguments/cli/main.ts'],
  outfile: bundle,
  format: 'cjs',
  sourcemap: 'linked',
  // Loaded from node_modules at run time, each only by the command that needs it: resvg is a
  // native module, PDFKit reads its data files (standard font metrics, ICC profile) relative
  // to itself, and `export` imports them only when it draws a PNG or PDF; citeproc-rs reads
  // its .wasm beside itself (arguments/cli/citeproc-node.ts imports it for `cite`); pdf.js's
  // Node build loads its worker relative to itself and mammoth is large (`source add` imports
  // them for a PDF or a .docx); libavoid-js reads its .wasm beside itself (`export` routes arrows).
  // ELK (1.5 MB, `export --page`'s layout), docx, Argdown's parser and citation-js are large and
  // each serves one command: outside the bundle, no other command reads or caches them.
  external,
  // Template literals as strings, comments dropped: so only regular expressions keep non-ASCII text (inAscii below).
  supported: { 'template-literal': false },
  legalComments: 'none',
  charset: 'ascii',
  // The bundle runs as a CommonJS module of its own path (launch.ts).
  define: { 'import.meta.url': '__argmapUrl' },
  banner: { js: "const __argmapUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// Node 20 drops a vm.Script's import() callback when the script comes from a code cache, so the
// bundle's import() of a package (all external) calls the launcher's own import, passed in as
// `__load` (launch.ts): a word of the same length, so the source map stays exact.
const external_ = new RegExp(`\\bimport\\("((?:${external.map((e) => e.replace(/[/]/g, '\\/')).join('|')})(?:/[^"]*)?)"\\)`, 'g');
const output = (ext) => built.outputFiles.find((f) => f.path.endsWith(ext));
let code = output('.cjs').text.replace(external_, '__load("$1")');
const left = code.match(/\bimport\((?!\))/g);
if (left) throw new Error(`build-cli: ${left.length} import() in the bundle are not of an external package; launch.ts cannot run them`);

/**
 * The bundle in ASCII: the launcher then reads it as one-byte text, which V8 reads and
 * deserialises 2–3× faster than the UTF-16 that a single non-ASCII character makes of all of it
 * (measured). esbuild escapes every string and identifier itself; with template literals lowered
 * to strings (a tagged one's raw text too) and no comments kept, what it leaves non-ASCII is in
 * regular expressions, where a \uXXXX escape matches the same character (a pair of them the
 * same astral one, with or without the u flag). One escaped by a backslash (`\–`) would not read
 * the same: then the bundle stays as it is, read as UTF-8. (Columns after an escape on its line
 * shift by 5 in the source map.)
 */
function inAscii(text) {
  for (const m of text.matchAll(/[^\x00-\x7f]/g)) if (/(^|[^\\])(\\\\)*\\$/.test(text.slice(Math.max(0, m.index - 16), m.index))) return null;
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const ascii = inAscii(code);
if (ascii !== null) code = ascii;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);

// Each file is written whole, then renamed into place, so a CLI running meanwhile reads the old
// files or the new ones. What an earlier build left (the chunks of the ES-module build, caches
// of other bundles: their names carry the hash, so V8 would never be offered them) goes.
const place = (file, data) => {
  writeFileSync(`${file}.${process.pid}.tmp`, data);
  renameSync(`${file}.${process.pid}.tmp`, file);
};
place(`${bundle}.map`, output('.cjs.map').contents);
place(bundle, code);

// The threads' scripts, each a file of its own beside the bundle (a thread starts from a file),
// run by Node as it is and taking libavoid or ELK by a real import(): the routing threads'
// (arguments/cli/routerPool.ts) and the ELK thread's (arguments/cli/elkThread.ts).
async function threadScript(entry, name) {
  const built = await build({
    write: false,
    ...common,
    entryPoints: [entry],
    outfile: join(chunks, name),
    format: 'cjs',
    external,
    legalComments: 'none',
    define: { 'import.meta.url': '__argmapUrl' },
    banner: { js: "const __argmapUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  place(join(chunks, name), built.outputFiles[0].contents);
}
await threadScript('arguments/cli/routerWorker.ts', 'routers.cjs');
await threadScript('arguments/cli/elkWorker.ts', 'elk.cjs');
for (const f of readdirSync(chunks)) if (![basename(bundle), `${basename(bundle)}.map`, 'routers.cjs', 'elk.cjs', 'code-cache'].includes(f)) rmSync(join(chunks, f), { recursive: true, force: true });
const caches = join(chunks, 'code-cache');
const current = `-${hash}-${statSync(bundle).size}-${Math.trunc(statSync(bundle).mtimeMs)}-`;
if (existsSync(caches)) for (const f of readdirSync(caches)) if (!f.includes(current)) rmSync(join(caches, f), { force: true });
rmSync(`${outfile}.map`, { force: true });
// The ES-module launcher that earlier builds made beside this one.
rmSync(join(dirname(outfile), `${name}.mjs`), { force: true });

// The launcher, what bin/argmap.cjs runs: CommonJS, since Node reads an ES module entry through
// its ESM loader, which loads fs/promises and readline first (about 10 ms of CPU of `argmap
// validate`'s 150, measured alternating with `node -e 0`), and an ES module's import of Node's
// own modules builds their facades, reading every export (require() does not).
await build({
  ...common,
  entryPoints: ['arguments/cli/launcher.ts'],
  outfile,
  format: 'cjs',
  define: {
    ARGMAP_BUNDLE: JSON.stringify(`./${basename(chunks)}/${basename(bundle)}`),
    ARGMAP_BUILD: JSON.stringify(hash),
    ARGMAP_ENCODING: JSON.stringify(ascii !== null ? 'latin1' : 'utf8'),
    'import.meta.url': '__launcherUrl',
  },
  banner: { js: "const __launcherUrl = require('node:url').pathToFileURL(__filename).href;" },
});
