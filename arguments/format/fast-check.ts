// The loader's fast path: a valid file, which is almost every file, is checked by the published
// JSON Schema compiled to plain code (schema-validator.generated.js, ~4× faster than zod and free
// of eval, so as fast under the renderer's CSP) and by the rules the schema cannot state
// (SOURCE_FIELD_RULES). It only ever says "valid": a file it refuses goes to zod, which words
// every problem. zod is the validator of record; a test holds the two to the same verdicts.
import validate from './schema-validator.generated.js';
import { SOURCE_FIELD_RULES, type MapFile } from './schema';

const RULED = Object.entries(SOURCE_FIELD_RULES) as [keyof typeof SOURCE_FIELD_RULES, (value: string) => string | null][];

/** True when `file` passes every check of `fileSchema`; false when zod must look (and word why). */
export function passesSchema(file: unknown): file is MapFile {
  if (!validate(file)) return false;
  for (const source of (file as MapFile).sources)
    for (const [field, rule] of RULED) {
      const value = source[field];
      if (value !== undefined && rule(value) !== null) return false;
    }
  return true;
}
