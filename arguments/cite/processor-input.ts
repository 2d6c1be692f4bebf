// What citeproc-rs is given: a CSL item reduced to the variables it reads, in the shapes it
// accepts (a malformed field from an imported file would make it throw), with user text escaped.
// citeproc-rs reads CSL "rich text" in every field: <i>, <b>, <span class="nocase"> format, any
// other tag is dropped and entities are decoded. Escaping & < > keeps a title such as
// "<img src=x onerror=alert(1)>" as those characters, in the plain and (escaped) HTML output.
import { edtfToCslDate, type CslDate } from '../dates';
import { cslType, isCslDate, isCslName, variableKind, type CslItem } from './csl-item';

export type ProcessorItem = { id: string; type: string; archive_location?: string } & Record<string, unknown>;

export const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const NAME_PARTS = ['family', 'given', 'suffix', 'literal', 'dropping-particle', 'non-dropping-particle'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function date(value: CslDate): CslDate | undefined {
  const out: CslDate = {};
  const parts = value['date-parts']?.map((p) => p.map((n) => Number(n)));
  if (parts) {
    // citeproc-rs 0.2 garbles a day range across months within one year ("August–September 2,
    // 27, 1950"): give it as the en-US text Chicago would print, "August 27–September 2, 1950".
    const [a, b] = parts;
    if (a && b && a.length === 3 && b.length === 3 && a[0] === b[0] && a[1] !== b[1] && a[0]! > 0)
      return { literal: `${MONTHS[a[1]! - 1]} ${a[2]}–${MONTHS[b[1]! - 1]} ${b[2]}, ${a[0]}` };
    out['date-parts'] = parts;
    if (value.circa) out.circa = true;
    const season = Number(value.season);
    if (Number.isInteger(season) && season >= 1 && season <= 4) out.season = season;
    return out;
  }
  if (typeof value.raw === 'string') return edtfToCslDate(value.raw.trim()) ?? { literal: escapeMarkup(value.raw) };
  if (typeof value.literal === 'string') return { literal: escapeMarkup(value.literal) };
  return undefined;
}

/** The item as citeproc-rs reads it: known variables only, well-formed, text escaped. */
export function processorItem(item: CslItem): ProcessorItem {
  const out: ProcessorItem = { id: item.id, type: cslType(item.type) ?? 'manuscript' };
  for (const [variable, value] of Object.entries(item)) {
    switch (variableKind(variable)) {
      case 'standard':
      case 'number':
        if (typeof value === 'string') out[variable] = escapeMarkup(value);
        else if (typeof value === 'number' && Number.isFinite(value)) out[variable] = variableKind(variable) === 'number' ? value : String(value);
        break;
      case 'date':
        if (isCslDate(value)) {
          const d = date(value);
          if (d) out[variable] = d;
        }
        break;
      case 'name':
        if (Array.isArray(value)) {
          const names = value.filter(isCslName).map((n: object) => {
            const name: Record<string, string> = {};
            for (const part of NAME_PARTS) {
              const text = (n as Record<string, unknown>)[part];
              if (typeof text === 'string') name[part] = escapeMarkup(text);
            }
            return name;
          });
          if (names.length) out[variable] = names;
        }
        break;
      case undefined:
        break;
    }
  }
  return out;
}

/** "l. 71", "ll. 71–72", escaped. */
export function folioText(folio: string): string {
  const value = folio.trim().replace(/\s*[-–]\s*/, '–');
  return escapeMarkup(`${/[–,]/.test(value) ? 'll.' : 'l.'} ${value}`);
}

/** The archive location with its folio range replaced by the leaf a note names: "…, d. 62, l. 71". */
export function withFolioLocation(location: string, folio: string): string {
  const leaf = folioText(folio);
  return /(^|,\s*)ll?\.\s*[^,]*$/.test(location) ? location.replace(/(^|,\s*)ll?\.\s*[^,]*$/, `$1${leaf}`) : `${location}, ${leaf}`;
}
