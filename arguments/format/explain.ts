// Turns the validator's issues into sentences a historian can act on.
import type { z } from 'zod';
import { MAX_COORDINATE } from '../limits';
import { issue, quote, type LoadErrorCode, type LoadIssue } from './errors';

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text ${quote(v, 40)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the value ${v}`;
  if (Array.isArray(v)) return 'a list';
  return 'an object';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** What a field is, in words, from the last segment of its path. */
function fieldWord(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'kind' && parent !== undefined && path[0] === 'nodes') return 'the kind of node';
  if (last === 'kind' && path[0] === 'relations') return 'the kind of relation';
  if (last === 'id' || (typeof last === 'number' && (path[path.length - 2] === 'from' || path[path.length - 2] === 'collapsed' || path[path.length - 2] === 'quotes'))) return 'an id';
  if (typeof last === 'number') return 'this entry';
  return quote(String(last));
}

export function explainIssue(zi: z.core.$ZodIssue): LoadIssue {
  const path = zi.path;
  const input = (zi as { input?: unknown }).input;
  const field = fieldWord(path);
  let message: string;
  let code: LoadErrorCode = 'invalid';
  switch (zi.code) {
    case 'invalid_type':
      message =
        input === undefined
          ? `${field} is missing.`
          : `${field} should be ${EXPECTED[zi.expected] ?? zi.expected}, but the file has ${describeValue(input)}.`;
      break;
    case 'invalid_value':
      message =
        zi.values.length === 1
          ? `${field} should be ${JSON.stringify(zi.values[0])}, but the file has ${describeValue(input)}.`
          : `${describeValue(input)} is not a valid value for ${field}; use one of: ${zi.values.join(', ')}.`;
      break;
    case 'invalid_format':
      if (zi.format === 'regex' && field === 'an id')
        message = `${describeValue(input)} is not a usable id: ids start with a letter and use only letters, digits and _ . : - (at most 128 characters).`;
      else if (zi.format === 'datetime')
        message = `${describeValue(input)} is not a date and time in ISO 8601 form, such as 2026-11-26T14:30:00Z.`;
      else message = `${describeValue(input)} is not in the expected form for ${field}.`;
      break;
    case 'too_big':
      // Every maximum of the schema is a limit of arguments/limits.ts, worded there.
      code = zi.origin === 'string' ? 'too-long' : zi.origin === 'array' ? 'too-many' : 'out-of-range';
      message = zi.message;
      break;
    case 'too_small':
      if (zi.origin === 'number' && Number(zi.minimum) === -MAX_COORDINATE) {
        code = 'out-of-range';
        message = zi.message;
        break;
      }
      message =
        zi.origin === 'array'
          ? `${field} needs at least ${String(zi.minimum)} entr${zi.minimum === 1 ? 'y' : 'ies'}.`
          : zi.origin === 'string'
            ? `${field} must not be empty.`
            : `${field} must be at least ${String(zi.minimum)}.`;
      break;
    case 'invalid_key':
      message = `${describeValue(input)} is not a usable id for ${field}.`;
      break;
    case 'custom':
      // Shared rules (dates.ts, language.ts) word their own sentence.
      message = zi.message;
      break;
    default:
      message = `${field}: ${zi.message}.`;
  }
  return issue(code, path, message.charAt(0).toUpperCase() + message.slice(1));
}
