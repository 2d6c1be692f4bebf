import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../../arguments/format/schema';

describe('the published JSON Schema', () => {
  it('is the one generated from the runtime validator (run `npm run schema` after changing the format)', () => {
    const published = JSON.parse(readFileSync(new URL('../../../arguments/format/argmap.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(jsonSchema());
  });

  it('describes the envelope, the node kinds and the relation kinds', () => {
    const s = jsonSchema() as any;
    expect(s.properties.format.const).toBe('argument-atlas/argmap');
    expect(s.properties.version.const).toBe(1);
    expect(s.properties.nodes.items.properties.kind.enum).toEqual(['thesis', 'claim', 'premise', 'evidence', 'counter', 'rebuttal', 'note']);
    expect(s.properties.relations.items.properties.kind.enum).toEqual(['supports', 'opposes', 'qualifies', 'undercuts']);
    expect(s.required).toEqual(['format', 'version', 'meta', 'sources', 'nodes', 'relations', 'view']);
  });
});
