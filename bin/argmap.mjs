#!/usr/bin/env node
// The argmap CLI, bundled from arguments/cli by `npm run build:cli` (run by npm ci / npm install)
// into dist/argmap-chunks/argmap.cjs and its launcher dist/argmap.mjs, which compiles the bundle
// with V8's code cache (arguments/cli/launch.ts).
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';

// Node 22.1+ keeps V8's compiled code of the launcher between runs too (in the OS temp folder,
// NODE_COMPILE_CACHE elsewhere); Node 20 has no such cache.
nodeModule.enableCompileCache?.();

const bundle = new URL('../dist/argmap.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('argmap: the CLI is not built yet; run `npm run build:cli` (npm install does it).\n');
  process.exit(2);
}
try {
  await import(bundle.href);
} catch (err) {
  // A build cut short (a chunk missing) is said in one line, not a stack trace.
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('argmap-chunks')) throw err;
  process.stderr.write('argmap: the CLI build is incomplete (a part of dist/argmap-chunks is missing); run `npm run build:cli` again.\n');
  process.exit(2);
}
