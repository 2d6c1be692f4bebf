// The citation processor's WebAssembly module in Node (the CLI, tests, bench): the `_cjs` build
// of @citeproc-rs/wasm reads its .wasm file beside itself, so it is imported, not bundled
// (scripts/build-cli.mjs keeps it external), and only when a citation is first rendered.
//
// In a browser the `_web` build must be initialised with the URL of its .wasm first, once
// (initialising again invalidates every Driver), and the page's CSP needs 'wasm-unsafe-eval':
//   import init, { Driver } from '@citeproc-rs/wasm/_web/citeproc_rs_wasm.js';
//   import wasmUrl from '@citeproc-rs/wasm/_web/citeproc_rs_wasm_bg.wasm?url';
//   const ready = init(wasmUrl);
//   const makeDriver: MakeDriver = async (options) => { await ready; return new Driver(options); };
import { createCiteProcessor, type CiteProcessor, type MakeDriver } from '../cite/processor';
import { CHICAGO_STYLES } from '../cite/styles/styles';

export const makeNodeDriver: MakeDriver = async (options) => {
  const { Driver } = await import('@citeproc-rs/wasm');
  // citeproc-rs accepts a null locale ("not available"), which its typings do not say.
  return new Driver(options as ConstructorParameters<typeof Driver>[0]);
};

/** A Chicago processor with the shipped styles; dispose() it when done. */
export function nodeCiteProcessor(): Promise<CiteProcessor> {
  return createCiteProcessor(makeNodeDriver, CHICAGO_STYLES);
}
