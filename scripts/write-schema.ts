// Writes the published JSON Schema of the current file format from the runtime validator (zod),
// and that schema compiled into the loader's fast path (scripts/schema-validator.ts).
// Version 1's (argmap.v1.schema.json) is frozen: written once, never regenerated (a test pins it).
import { writeFileSync } from 'node:fs';
import { jsonSchema } from '../arguments/format/schema';
import { GENERATED_VALIDATOR, validatorSource } from './schema-validator';

const schema = jsonSchema();
writeFileSync(new URL('../arguments/format/argmap.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
writeFileSync(GENERATED_VALIDATOR, validatorSource(schema));
