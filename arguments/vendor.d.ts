// Libraries of the domain that ship no types: only what arguments/ calls.

declare module 'edtf' {
  /** A parsed EDTF value (months in `values` are zero-based, as in JavaScript's Date). */
  export interface EdtfParse {
    type: 'Date' | 'Year' | 'Season' | 'Interval' | 'Decade' | 'Century' | 'List' | 'Set';
    level: number;
    /** Date/Year/Season: the numeric parts; Interval: its two ends (Infinity for an open end "..", null for an unknown one). */
    values: (number | EdtfParse | null)[];
    /** Level 1: true for the whole date; level 2: a bitmask. */
    approximate?: boolean | number;
    uncertain?: boolean | number;
    /** Bitmask of the digits written X: 1–8 the year's digits, 16/32 the month's, 64/128 the day's. */
    unspecified?: number;
  }
  export function parse(input: string, constraints?: { level?: 0 | 1 | 2 | 3; types?: string[] }): EdtfParse;
}

declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string; generateGraph?: boolean });
    data: Record<string, unknown>[];
  }
  export const plugins: { config: { get(name: string): unknown } };
}

declare module '@citation-js/plugin-bibtex';

// elkjs types its worker build as a Worker; in Node and bundlers it is a CommonJS module whose
// exports carry its FakeWorker class (layout/elkInThread.ts reads it).
declare module 'elkjs/lib/elk-worker.min.js' {
  const mod: unknown;
  export = mod;
}
