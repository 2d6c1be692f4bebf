// What an exchange with another tool (Argdown, AIF) could not carry, said in words: the import
// or export report. Nothing is dropped silently: every part of a map or a file that the other
// side has no place for is named here, grouped by what it is, with the items it concerns.
import { quote } from '../format/errors';

export const LOSS_CODES = [
  // what a map has and the other format has not
  'quotes',
  'sources',
  'voices',
  'relation-voices',
  'positions',
  'kinds',
  'titles',
  'texts',
  'qualifications',
  'undercut-targets',
  'map-details',
  // what the other format has and a map has not
  'formulations',
  'data',
  'argument-descriptions',
  'sketched-relations',
  'contraries',
  'entailments',
  'tags',
  'sections',
  'inference-rules',
  'self-relations',
  'duplicates',
  'schemes',
  'rephrases',
  'preferences',
  'dialogue',
  'includes',
  'front-matter',
] as const;
export type LossCode = (typeof LOSS_CODES)[number];

export interface Loss {
  code: LossCode;
  /** One sentence: what is not carried, and what became of it. */
  message: string;
  /** What it concerns (ids, titles, tags), in the order met; `count` says how many in all. */
  items: string[];
  count: number;
}

export interface ExchangeReport {
  losses: Loss[];
}

/** At most this many items are kept per loss (the count says how many there were). */
export const MAX_ITEMS = 50;

/** Collects losses: one entry per code and sentence, with every item it concerns counted. */
export class ReportBuilder {
  private readonly byKey = new Map<string, Loss>();

  add(code: LossCode, message: string, item?: string): void {
    const key = `${code}\n${message}`;
    let loss = this.byKey.get(key);
    if (!loss) this.byKey.set(key, (loss = { code, message, items: [], count: 0 }));
    if (item === undefined) return;
    loss.count++;
    if (loss.items.length < MAX_ITEMS) loss.items.push(item);
  }

  report(): ExchangeReport {
    return { losses: [...this.byKey.values()] };
  }
}

/** The report as lines for a person: one per loss, its items quoted ("… and 12 more"). */
export function describeReport(report: ExchangeReport, shownItems = 8): string[] {
  return report.losses.map((l) => {
    if (l.count === 0) return l.message;
    const named = l.items.slice(0, shownItems).map((i) => quote(i, 80));
    const more = l.count - named.length;
    return `${l.message}: ${named.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}.`;
  });
}
