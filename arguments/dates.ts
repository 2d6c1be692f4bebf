/// <reference path="./vendor.d.ts" />
// Source dates are EDTF (Extended Date/Time Format, ISO 8601-2) levels 0 and 1: a day, month
// or year ("1950-08-27", "1950-08", "1950"), approximate "~" or uncertain "?" ("1950-08~",
// "1950?", both "%"), unspecified digits ("195X": the 1950s), seasons ("1950-21": spring 1950)
// and spans ("1949/1950", "1950-08-27/1950-09-02", open "1950/..", unknown "/1950").
// This module is the one rule for them: the file format validates with checkEdtf, the citation
// code takes CSL dates from edtfToCslDate, the app shows formatEdtf. The `edtf` package parses;
// the checks it does not make (29 February 1950, a span that ends before it begins, a time of
// day) are made here.
import { parse, type EdtfParse } from 'edtf';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASONS: Record<number, string> = { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' };
const EXAMPLES = 'for example 1950-08-27, 1950-08, 1950, 1950-08~ (circa), 1950? (uncertain), 195X (the 1950s) or 1949/1950 (a span)';

/** One point in time as EDTF gives it: the year always, the month and day when known. */
interface Point {
  /** Astronomical year: 0 is 1 BCE. */
  year: number;
  /** 1–12. */
  month?: number;
  day?: number;
  /** EDTF season code 21–24. */
  season?: number;
  /** How many trailing digits of the year are X (1: a decade, 2: a century, 4: unknown). */
  unknownDigits: number;
  approximate: boolean;
  uncertain: boolean;
}
type End = Point | 'open' | 'unknown';
type Parsed = { kind: 'point'; point: Point } | { kind: 'span'; start: End; end: End };

function quoted(value: string): string {
  return `"${value.length > 40 ? value.slice(0, 37) + '…' : value}"`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(2000 + (((year % 400) + 400) % 400), month, 0)).getUTCDate();
}

/** Level-0-shaped values whose numbers are out of range get a message naming the number. */
function checkNumbers(value: string): string | null {
  for (const part of value.split('/')) {
    const m = /^(-?\d{4})-(\d{2})(?:-(\d{2}))?[~?%]?$/.exec(part);
    if (!m) continue;
    const [year, month] = [Number(m[1]), Number(m[2])];
    if ((month < 1 || month > 12) && !(month >= 21 && month <= 24 && m[3] === undefined))
      return `${quoted(value)} has month ${m[2]}, which does not exist: months run from 01 to 12 (21–24 are the seasons spring to winter).`;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const last = daysIn(year, month);
      if (day < 1 || day > last)
        return month === 2 && day === 29
          ? `${quoted(value)} is not a date: ${year} is not a leap year, so February has 28 days.`
          : `${quoted(value)} is not a date: ${MONTHS[month - 1]} has ${last} days.`;
    }
  }
  return null;
}

/** A sentence for what people commonly write instead of EDTF. */
function hint(value: string): string {
  if (/^\d{1,2}\s*[./ ]\s*(\d{1,2}|[A-Za-z]+\.?)\s*[./ ,]\s*\d{2,4}$/.test(value) || /^[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}$/.test(value))
    return `${quoted(value)} is not an EDTF date: write it year first, with numbers (27 August 1950 is 1950-08-27).`;
  if (/^\d{3,4}\s*([-–—]|\s+to\s+)\s*\d{2,4}$/.test(value))
    return `${quoted(value)} is not an EDTF date: a span is written with a slash, such as 1949/1950.`;
  if (/^\d{1,3}$/.test(value)) return `${quoted(value)} is not an EDTF date: give the year with four digits, such as 1950 (0950 for the year 950).`;
  if (/^(c\.|ca\.?|circa|about|approx\.?)\s*\d/i.test(value))
    return `${quoted(value)} is not an EDTF date: mark an approximate date with ~ after it, such as 1950~ (circa 1950).`;
  if (/^\d{4}s$/.test(value)) return `${quoted(value)} is not an EDTF date: write a decade with an X, such as 195X for the 1950s.`;
  if (/^-?\d{4}-\d(\D|$)|^-?\d{4}-\d{2}-\d(\D|$)/.test(value))
    return `${quoted(value)} is not an EDTF date: give months and days with two digits, such as 1950-08-07.`;
  if (/^-?\d{4}(-\d{2}){0,2}T/.test(value)) return `${quoted(value)} has a time of day; give the date alone, such as ${value.slice(0, value.indexOf('T'))}.`;
  return `${quoted(value)} is not a date in EDTF form; ${EXAMPLES}.`;
}

function toPoint(p: EdtfParse): Point | string {
  const nums = p.values as number[];
  if (p.type === 'Season') return { year: nums[0]!, season: nums[1]!, unknownDigits: 0, approximate: Boolean(p.approximate), uncertain: Boolean(p.uncertain) };
  if (nums.length > 3) return 'time';
  const mask = p.unspecified ?? 0;
  const unknownDigits = [1, 2, 4, 8].filter((b) => (mask & b) !== 0).length;
  const point: Point = { year: nums[0]!, unknownDigits, approximate: Boolean(p.approximate), uncertain: Boolean(p.uncertain) };
  if (nums.length >= 2 && (mask & 48) === 0) point.month = nums[1]! + 1;
  if (nums.length >= 3 && point.month !== undefined && (mask & 192) === 0) point.day = nums[2]!;
  return point;
}

/** The earliest and latest day a point covers, as comparable numbers (yyyymmdd). */
function bounds(p: Point): [number, number] {
  const span = 10 ** p.unknownDigits;
  const y0 = p.unknownDigits ? Math.floor(p.year / span) * span : p.year;
  const y1 = y0 + (p.unknownDigits ? span - 1 : 0);
  const m0 = p.month ?? (p.season ? (p.season - 21) * 3 + 3 : 1);
  const m1 = p.month ?? (p.season ? (p.season - 21) * 3 + 5 : 12);
  return [y0 * 10000 + m0 * 100 + (p.day ?? 1), y1 * 10000 + m1 * 100 + (p.day ?? 31)];
}

// A figure or a list of sources asks for the same few dates once per quote: the EDTF grammar
// (a chart parser) is run once per distinct value. Results are frozen; the cache stays small.
const analysed = new Map<string, Parsed | string>();
const ANALYSED_MAX = 512;

function analyse(value: string): Parsed | string {
  const known = analysed.get(value);
  if (known !== undefined) return known;
  const result = analyseOnce(value);
  if (analysed.size >= ANALYSED_MAX) analysed.clear();
  analysed.set(value, typeof result === 'string' ? result : deepFreeze(result));
  return result;
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v !== null && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

function analyseOnce(value: string): Parsed | string {
  if (value.trim() === '') return 'The date is empty: give one such as 1950-08-27, or leave the date out.';
  if (value !== value.trim()) return `${quoted(value)} has spaces around it; remove them.`;
  const numbers = checkNumbers(value);
  if (numbers) return numbers;
  let result: EdtfParse;
  try {
    result = parse(value, { level: 1, types: ['Date', 'Year', 'Season', 'Interval'] });
  } catch {
    return hint(value);
  }
  if (result.type !== 'Interval') {
    const point = toPoint(result);
    return typeof point === 'string' ? hint(value) : { kind: 'point', point };
  }
  const raw = value.split('/');
  // An open end ("..") parses as Infinity, an unknown one ("") as null.
  const ends = result.values.map((v, i): End | string => (v === null || typeof v !== 'object' ? (raw[i] === '..' ? 'open' : 'unknown') : toPoint(v)));
  const [start, end] = ends as [End | string, End | string];
  if (typeof start === 'string' && start !== 'open' && start !== 'unknown') return hint(value);
  if (typeof end === 'string' && end !== 'open' && end !== 'unknown') return hint(value);
  if (typeof start !== 'object' && typeof end !== 'object')
    return `The span ${quoted(value)} has no known end; give at least one date, such as 1950/.. (from 1950).`;
  if (typeof start === 'object' && typeof end === 'object' && bounds(end)[1] < bounds(start)[0])
    return `The span ${quoted(value)} ends before it begins; write the earlier date first, such as ${raw[1]}/${raw[0]}.`;
  return { kind: 'span', start, end };
}

/** null when `value` is an EDTF date (levels 0 and 1) a source can have; else what is wrong, with an example. */
export function checkEdtf(value: string): string | null {
  const parsed = analyse(value);
  return typeof parsed === 'string' ? parsed : null;
}

function yearText(year: number): string {
  return year <= 0 ? `${1 - year} BCE` : String(year);
}

function pointText(p: Point, style: 'long' | 'short', withYear = true): string {
  let text: string;
  if (p.unknownDigits >= 4) text = 'undated';
  else if (p.unknownDigits > 0) text = `${yearText(Math.floor(p.year / 10 ** p.unknownDigits) * 10 ** p.unknownDigits)}s`;
  else {
    const months = style === 'long' ? MONTHS : MONTHS_SHORT;
    const parts: string[] = [];
    if (p.season !== undefined) parts.push(SEASONS[p.season]!);
    if (p.day !== undefined) parts.push(String(p.day));
    if (p.month !== undefined) parts.push(months[p.month - 1]!);
    if (withYear) parts.push(yearText(p.year));
    text = parts.join(' ');
  }
  if (p.approximate) text = `${style === 'long' ? 'circa' : 'c.'} ${text}`;
  if (p.uncertain) text += '?';
  return text;
}

const join = (a: string, b: string) => (a.includes(' ') || b.includes(' ') ? `${a} – ${b}` : `${a}–${b}`);

function spanText(start: End, end: End, style: 'long' | 'short'): string {
  // analyse() refuses spans with no known end.
  if (typeof start !== 'object') return start === 'open' ? `until ${pointText(end as Point, style)}` : join('?', pointText(end as Point, style));
  if (typeof end !== 'object') return end === 'open' ? `from ${pointText(start, style)}` : join(pointText(start, style), '?');
  const plain = (p: Point) => !p.approximate && !p.uncertain && p.unknownDigits === 0 && p.season === undefined;
  if (plain(start) && plain(end) && start.year === end.year) {
    if (start.day !== undefined && end.day !== undefined && start.month === end.month)
      return `${start.day}–${end.day} ${pointText({ ...end, day: undefined }, style)}`;
    if (start.day !== undefined && end.day !== undefined) return `${pointText(start, style, false)} – ${pointText(end, style)}`;
    if (start.day === undefined && end.day === undefined && start.month !== undefined && end.month !== undefined)
      return `${pointText(start, style, false)}–${pointText(end, style)}`;
  }
  return join(pointText(start, style), pointText(end, style));
}

/**
 * "27 August 1950" (long) / "27 Aug 1950" (short), "circa August 1950", "1950?", "the 1950s" as
 * "1950s", "spring 1950", "1949–1950", "27 August – 2 September 1950", "from 1950". A value that
 * is not EDTF comes back unchanged (the caller shows what the historian wrote).
 */
export function formatEdtf(value: string, style: 'long' | 'short'): string {
  const parsed = analyse(value);
  if (typeof parsed === 'string') return value;
  return parsed.kind === 'point' ? pointText(parsed.point, style) : spanText(parsed.start, parsed.end, style);
}

/** A CSL-JSON date: date-parts (one or two), or a literal where CSL has no structured form. */
export interface CslDate {
  'date-parts'?: (number | string)[][];
  season?: number | string;
  circa?: boolean | number | string;
  literal?: string;
  raw?: string;
}

/** CSL numbers years without a year 0: -43 is 43 BC, EDTF's -0042. */
const cslYear = (year: number) => (year <= 0 ? year - 1 : year);

function cslParts(p: Point): number[] {
  const parts = [cslYear(p.year)];
  if (p.month !== undefined) parts.push(p.month);
  if (p.month !== undefined && p.day !== undefined) parts.push(p.day);
  return parts;
}

/**
 * The CSL date of an EDTF value: `date-parts` for days, months, years and spans between them,
 * `season` for seasons, `circa` for approximate and uncertain dates (CSL has one flag for both),
 * and a `literal` for what CSL cannot structure (decades, open or unknown ends). undefined for a
 * value that is not EDTF or a wholly unknown date (the processor then says "n.d.").
 */
export function edtfToCslDate(value: string): CslDate | undefined {
  const parsed = analyse(value);
  if (typeof parsed === 'string') return undefined;
  const qualified = (p: Point) => p.approximate || p.uncertain;
  if (parsed.kind === 'point') {
    const p = parsed.point;
    if (p.unknownDigits >= 4) return undefined;
    if (p.unknownDigits > 0) return { literal: formatEdtf(value, 'long') };
    const date: CslDate = { 'date-parts': [cslParts(p)] };
    if (p.season !== undefined) date.season = p.season - 20;
    if (qualified(p)) date.circa = true;
    return date;
  }
  const { start, end } = parsed;
  const structured = (e: End): e is Point => typeof e === 'object' && e.unknownDigits === 0 && e.season === undefined;
  if (!structured(start) || !structured(end)) return { literal: formatEdtf(value, 'long') };
  const date: CslDate = { 'date-parts': [cslParts(start), cslParts(end)] };
  if (qualified(start) || qualified(end)) date.circa = true;
  return date;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function edtfYear(cslYearValue: number): string {
  const y = cslYearValue < 0 ? cslYearValue + 1 : cslYearValue;
  return (y < 0 ? '-' : '') + pad(y, 4);
}

/** The EDTF form of a CSL date from an imported record, or undefined when it has none that is valid. */
export function cslDateToEdtf(date: unknown): string | undefined {
  if (date === null || typeof date !== 'object') return undefined;
  const d = date as CslDate;
  let text: string | undefined;
  const parts = d['date-parts'];
  if (Array.isArray(parts) && parts.length >= 1 && parts.length <= 2 && parts.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 3)) {
    const ends = parts.map((p) => p.map((n) => Number(n)));
    if (ends.every((p) => p.every((n) => Number.isInteger(n)))) {
      const one = (p: number[]) => [edtfYear(p[0]!), ...p.slice(1).map((n) => pad(n, 2))].join('-');
      const season = Number(d.season);
      text = ends.length === 1 && Number.isInteger(season) && season >= 1 && season <= 4 && ends[0]!.length === 1 ? `${one(ends[0]!)}-${season + 20}` : ends.map(one).join('/');
      if (d.circa && ends.length === 1) text += '~';
    }
  }
  if (text === undefined && typeof d.raw === 'string') text = d.raw.trim();
  if (text === undefined && typeof d.literal === 'string') text = d.literal.trim();
  return text !== undefined && checkEdtf(text) === null ? text : undefined;
}
