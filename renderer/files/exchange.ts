// Argdown and AIF files given to Open (or dropped): imported into a new map, through the same
// domain importers as `argmap import`. The importers (Argdown's parser is large) load only when
// such a file is first opened. No DOM here, so Node tests run it.
import type { ImportResult } from '../../arguments/interop/problems';
import type { ExchangeFormat } from '../../arguments/interop/recognise';

export const EXCHANGE_FORMAT_NAMES = { argdown: 'Argdown', aif: 'AIF' } as const satisfies Record<ExchangeFormat, string>;

/** The imported file read as a map (or why not), in the importer's words. */
export async function importExchangeFile(name: string, bytes: Uint8Array, format: ExchangeFormat, now: string): Promise<ImportResult> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ code: 'invalid-map', message: `The file is not UTF-8 text, so it cannot be read as ${EXCHANGE_FORMAT_NAMES[format]}; save it as UTF-8 and open it again.` }] };
  }
  if (format === 'argdown') {
    // Without a folder to read from, a file with @include is refused with its line (use `argmap import`).
    const { importArgdown } = await import('../../arguments/interop/argdown/import');
    return importArgdown(text, { now, name });
  }
  const { importAif } = await import('../../arguments/interop/aif/import');
  return importAif(text, { now, name });
}

/** "debate.argdown" -> "debate.argmap.json": the new map's name until it is saved. */
export function mapNameForImport(name: string): string {
  return name.replace(/\.(argdown|ad)$/i, '').replace(/(\.aif)?\.json$/i, '') + '.argmap.json';
}
