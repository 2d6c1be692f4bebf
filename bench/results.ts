// Figures, their statistics, the goals they are held against, and the markdown table.
// A figure is a list of samples for the app (and for the baseline page, when there is one);
// the table shows the median and the min–max of the samples.

export type Unit = 'ms' | 'MB' | 'ms/event' | 'ms/key';

export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

export interface Goal {
  /** As shown in the table, e.g. "≤ 16 ms". */
  text: string;
  /** Met (true), not met (false), or cannot say (null) from the app's and baseline's statistics. */
  met(app: Stats, baseline: Stats | null): boolean | null;
}

export interface Figure {
  /** Stable key for JSON output, e.g. "browser.drag.cost". */
  key: string;
  label: string;
  size: number | null;
  unit: Unit;
  app: number[];
  /** null: there is no baseline for this figure (shown as n/a). */
  baseline: number[] | null;
  goal?: Goal;
  /** Set when the figure could not be measured. */
  error?: string;
  note?: string;
}

export function stats(xs: readonly number[]): Stats | null {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v[v.length - 1]!, n: v.length };
}

/** Digits that make sense for the magnitude: 1234 -> "1,234", 12.3 -> "12.3", 0.0123 -> "0.012". */
export function num(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function cell(s: Stats | null, unit: Unit): string {
  if (!s) return '—';
  const u = unit === 'MB' ? ' MB' : ' ms';
  if (s.n === 1 || s.min === s.max) return `${num(s.median)}${u}`;
  return `${num(s.median)}${u} (${num(s.min)}–${num(s.max)})`;
}

// ----- goals ---------------------------------------------------------------------------

/** The app's median is at most `limit`. */
export const atMost = (limit: number, text: string): Goal => ({ text, met: (a) => a.median <= limit });
/** The app's worst sample is at most `limit` (for "no frame gap over …"). */
export const worstAtMost = (limit: number, text: string): Goal => ({ text, met: (a) => a.max <= limit });
/** The app's median is at most `factor` times the baseline's. */
export const ratioAtMost = (factor: number, text: string): Goal => ({ text, met: (a, b) => (b ? a.median <= factor * b.median : null) });

// ----- the table -----------------------------------------------------------------------

export interface Row {
  figure: string;
  size: string;
  app: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: string;
}

export function row(f: Figure): Row {
  const size = f.size === null ? '—' : f.size.toLocaleString('en-US');
  if (f.error) return { figure: f.label, size, app: `error: ${f.error.split('\n')[0]!.slice(0, 120)}`, baseline: '', ratio: '', goal: f.goal?.text ?? '', met: '?' };
  const a = stats(f.app);
  const b = f.baseline ? stats(f.baseline) : null;
  const ratio = a && b && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : 'n/a';
  const met = f.goal && a ? f.goal.met(a, b) : null;
  return {
    figure: f.note ? `${f.label} ${f.note}` : f.label,
    size,
    app: cell(a, f.unit),
    baseline: f.baseline === null ? 'n/a' : cell(b, f.unit),
    ratio: f.baseline === null ? 'n/a' : ratio,
    goal: f.goal?.text ?? '',
    met: !f.goal ? '' : met === null ? '?' : met ? 'yes' : '**no**',
  };
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(figures: readonly Figure[]): string {
  const head = '| figure | size (nodes) | app | baseline | ratio | goal | met? |\n|---|---:|---:|---:|---:|---|---|';
  const lines = figures.map((f) => {
    const r = row(f);
    return `| ${[r.figure, r.size, r.app, r.baseline, r.ratio, r.goal, r.met].map(escapeCell).join(' | ')} |`;
  });
  return [head, ...lines].join('\n');
}

/** The app/baseline ratios, worst (largest) first. */
export function ratios(figures: readonly Figure[]): { figure: Figure; ratio: number }[] {
  const out: { figure: Figure; ratio: number }[] = [];
  for (const f of figures) {
    if (f.error || !f.baseline) continue;
    const a = stats(f.app);
    const b = stats(f.baseline);
    if (a && b && b.median > 0) out.push({ figure: f, ratio: a.median / b.median });
  }
  return out.sort((x, y) => y.ratio - x.ratio);
}
