// Builds the Electron shell into dist/electron: main.cjs (the main process) and preload.cjs
// (one self-contained CommonJS file: a sandboxed preload can require nothing but 'electron').
// The renderer is built separately (npm run build:web, into dist/renderer).
//
// With --stage it also lays out dist/app, the application electron-builder packages
// (build/electron-builder.yml): a package.json with no dependencies, electron/ and renderer/
// (the same relative layout as dist/, so main.cjs finds ../renderer in both).
import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'electron');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { version } = pkg;
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'electron/main/main.ts')],
    outfile: join(out, 'main.cjs'),
    platform: 'node',
    target: 'node22',
    define: { __APP_VERSION__: JSON.stringify(version) },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/preload.ts')],
    outfile: join(out, 'preload.cjs'),
    // The preload runs in the renderer's sandbox: browser globals, no Node built-ins.
    platform: 'browser',
    target: 'chrome130',
  }),
]);

// The window icon on Linux and Windows (macOS takes the bundle's).
const icon = join(root, 'build', 'icons', '512x512.png');
if (existsSync(icon)) copyFileSync(icon, join(out, 'icon.png'));

console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');

if (process.argv.includes('--stage')) {
  const renderer = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(renderer)) {
    console.error('dist/renderer is missing: run `npm run build:web` first.');
    process.exit(1);
  }
  const app = join(root, 'dist', 'app');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  cpSync(out, join(app, 'electron'), { recursive: true });
  cpSync(join(root, 'dist', 'renderer'), join(app, 'renderer'), { recursive: true });
  const staged = {
    name: pkg.name,
    productName: 'Argument Atlas',
    version,
    description: pkg.description,
    author: { name: 'Argument Atlas contributors', email: 'maintainers@argument-atlas.invalid' },
    main: 'electron/main.cjs',
    private: true,
  };
  writeFileSync(join(app, 'package.json'), JSON.stringify(staged, null, 2) + '\n');
  console.log('Staged dist/app for electron-builder');
}
