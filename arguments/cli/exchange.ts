// Files of other tools brought in as maps: Argdown (by its extension) and AIF (JSON recognised
// by its content: a list of nodes with AIF's types and a list of edges). Used by `argmap import`
// and the interop conformance run; anything else is not an exchange file (null).
import { dirname, join, relative, sep } from 'node:path';
import { importAif } from '../interop/aif/import';
import { importArgdown } from '../interop/argdown/import';
import type { IncludeReader } from '../interop/argdown/include';
import type { ImportResult } from '../interop/problems';
import { exchangeFormat, type ExchangeFormat } from '../interop/recognise';
import { EXCHANGE_FILE, ReadError, readBytes } from './read';

export { exchangeFormat, isArgdownName, type ExchangeFormat } from '../interop/recognise';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** Reads the files an Argdown file includes, relative to its folder (include.ts keeps them inside it). */
function includeReader(file: string): IncludeReader {
  const folder = dirname(file);
  return {
    read(path) {
      const target = join(folder, ...path.split('/'));
      if (relative(folder, target).split(sep)[0] === '..') return { ok: false, why: 'the file is outside the imported file’s folder.' };
      try {
        return { ok: true, text: decode(readBytes(target, EXCHANGE_FILE)) };
      } catch (err) {
        return { ok: false, why: err instanceof ReadError ? err.message : 'the file cannot be read.' };
      }
    },
  };
}

/** Imports an exchange file already read; null when it is none. */
export function importExchange(file: string, bytes: Uint8Array, now: string): { format: ExchangeFormat; result: ImportResult } | null {
  const format = exchangeFormat(file, bytes);
  if (format === null) return null;
  const name = file.split(/[\\/]/).pop()!;
  const text = decode(bytes);
  const result = format === 'argdown' ? importArgdown(text, { now, name, includes: includeReader(file) }) : importAif(text, { now, name });
  return { format, result };
}
