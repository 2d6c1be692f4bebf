// The analyst's map of Stalin's letter to Gottwald, bundled into the app: it opens when
// there is no file to open.
import seedText from '../../arguments/maps/stalin-gottwald-1950.argmap.json?raw';
import { loadMap } from '../../arguments/format/load';
import type { ArgumentMap } from '../../arguments/model';

export const SEED_NAME = 'stalin-gottwald-1950.argmap.json';

export function seedMap(): ArgumentMap {
  const r = loadMap(seedText);
  if (!r.ok) throw new Error(`The bundled map does not load: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.map;
}
