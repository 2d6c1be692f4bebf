// Which exchange format a file is, if any: Argdown by its name (.argdown, .ad), AIF by its
// content (JSON with a list of nodes and a list of edges, bare or under "AIF"). One rule for the
// CLI's `argmap import` and the app's File > Open.
import { looksLikeAif } from './aif/read';

export type ExchangeFormat = 'argdown' | 'aif';

export const isArgdownName = (file: string) => /\.(argdown|ad)$/i.test(file);

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** The file's format when it is an exchange file: Argdown by name, AIF by content; null otherwise. */
export function exchangeFormat(file: string, bytes: Uint8Array): ExchangeFormat | null {
  if (isArgdownName(file)) return 'argdown';
  const head = decode(bytes.subarray(0, 64)).replace(/^\ufeff/, '').trimStart();
  if (!head.startsWith('{')) return null;
  try {
    return looksLikeAif(JSON.parse(decode(bytes).replace(/^\ufeff/, ''))) ? 'aif' : null;
  } catch {
    return null;
  }
}
