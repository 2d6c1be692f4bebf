// Opening a figure as a map: an SVG, PNG or PDF exported by Argument Atlas carries the whole
// .argmap.json, which the file layer then loads like any map file.
import { mapJsonOfFigure } from '../../arguments/export/embed';
import { FILE_EXTENSION } from '../../arguments/format/schema';

const KIND = { svg: 'an SVG', png: 'a PNG', pdf: 'a PDF' } as const;

/**
 * The map document inside a figure, as the bytes of an .argmap.json, for the file layer's
 * usual loadMap; null when `bytes` are not an SVG, PNG or PDF at all (open them as a map).
 * Throws an Error worded for the user when they are a figure that carries no map, or a damaged
 * one (saying what is damaged).
 */
export async function figureToMapBytes(name: string, bytes: Uint8Array): Promise<Uint8Array | null> {
  const found = await mapJsonOfFigure(bytes);
  if (!found) return null;
  if (found.problem) throw new Error(`“${name}” cannot be opened as a map. ${found.problem.message}`);
  if (found.json === null)
    throw new Error(`“${name}” is ${KIND[found.kind]} without an argument map in it: only figures exported by Argument Atlas can be opened as maps.`);
  return new TextEncoder().encode(found.json);
}

/**
 * The document name for a map opened from a figure: "figure.pdf" -> "figure.argmap.json".
 * The figure is not the map's file: Save must ask where to save it (file reference null).
 */
export function mapNameForFigure(name: string): string {
  return name.replace(/(\.(print|screen|compact))?\.(svg|png|pdf)$/i, '') + FILE_EXTENSION;
}
