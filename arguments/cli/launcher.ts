// Entry point of dist/argmap.cjs, the launcher bin/argmap.cjs runs (scripts/build-cli.mjs): runs the CLI's bundle with V8's code cache (launch.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './launch';

/** Set by scripts/build-cli.mjs: the bundle's path from this file, its content hash, how to read it. */
declare const ARGMAP_BUNDLE: string;
declare const ARGMAP_BUILD: string;
declare const ARGMAP_ENCODING: 'latin1' | 'utf8';

const bundle = fileURLToPath(new URL(ARGMAP_BUNDLE, import.meta.url));
launch({ bundle, build: ARGMAP_BUILD, encoding: ARGMAP_ENCODING, cacheDir: join(dirname(bundle), 'code-cache'), command: process.argv[2] });
