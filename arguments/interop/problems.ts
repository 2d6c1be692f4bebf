// Why a file could not be imported: a code and a sentence, with the line and column where the
// file says where (Argdown). An import that has any problem imports nothing.
import type { ArgumentMap } from '../model';
import type { ExchangeReport } from './report';

export const EXCHANGE_PROBLEM_CODES = [
  'empty',
  'too-large',
  'syntax',
  'include',
  'not-json',
  'not-aif',
  'invalid-aif',
  'unknown-node-type',
  'dangling-edge',
  'duplicate-node',
  'too-many',
  'invalid-map',
] as const;
export type ExchangeProblemCode = (typeof EXCHANGE_PROBLEM_CODES)[number];

export interface ExchangeProblem {
  code: ExchangeProblemCode;
  message: string;
  /** 1-based, where the file can say (Argdown syntax errors). */
  line?: number;
  column?: number;
  /** The included file the line is in, when it is not the file imported (Argdown @include). */
  file?: string;
}

export type ImportResult = { ok: true; map: ArgumentMap; report: ExchangeReport } | { ok: false; problems: ExchangeProblem[] };

/** "line 3, column 28: …" or the message alone. */
export function describeProblem(p: ExchangeProblem): string {
  const where = p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : '';
  const file = p.file !== undefined ? `${p.file}${where ? ', ' : ''}` : '';
  return file || where ? `${file}${where}: ${p.message}` : p.message;
}
