// Writes the published JSON Schema of the current file format from the runtime validator (zod).
// Version 1's (argmap.v1.schema.json) is frozen: written once, never regenerated (a test pins it).
import { writeFileSync } from 'node:fs';
import { jsonSchema } from '../arguments/format/schema';

writeFileSync(new URL('../arguments/format/argmap.schema.json', import.meta.url), JSON.stringify(jsonSchema(), null, 2) + '\n');
