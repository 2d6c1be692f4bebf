#!/usr/bin/env node
// The argmap CLI, bundled from arguments/cli by `npm run build:cli` (run by npm ci / npm install)
// into dist/argmap-chunks/argmap.cjs and its launcher dist/argmap.cjs, which compiles the bundle
// with V8's code cache (arguments/cli/launch.ts). CommonJS, as the launcher: Node starts an ES
// module entry through its ESM loader, which costs a command about 10 ms of CPU more
// (scripts/build-cli.mjs).
'use strict';
const { existsSync } = require('node:fs');
const nodeModule = require('node:module');
const { join } = require('node:path');

// Node 22.1+ keeps V8's compiled code of the launcher between runs too (in the OS temp folder,
// NODE_COMPILE_CACHE elsewhere); Node 20 has no such cache.
nodeModule.enableCompileCache?.();

const launcher = join(__dirname, '../dist/argmap.cjs');
if (!existsSync(launcher)) {
  process.stderr.write('argmap: the CLI is not built yet; run `npm run build:cli` (npm install does it).\n');
  process.exit(2);
}
require(launcher);
