// Writes the published JSON Schema of the file format from the runtime validator (zod).
import { writeFileSync } from 'node:fs';
import { jsonSchema } from '../arguments/format/schema';

writeFileSync(new URL('../arguments/format/argmap.schema.json', import.meta.url), JSON.stringify(jsonSchema(), null, 2) + '\n');
