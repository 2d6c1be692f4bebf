#!/usr/bin/env node
// The argmap CLI, bundled from arguments/cli by `npm run build:cli` (run by npm ci / npm install).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/argmap.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('argmap: the CLI is not built yet; run `npm run build:cli` (npm install does it).\n');
  process.exit(2);
}
await import(bundle.href);
