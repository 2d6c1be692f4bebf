import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../../arguments/format/schema';

const published = (name: string) => JSON.parse(readFileSync(new URL(`../../../arguments/format/${name}`, import.meta.url), 'utf8'));

describe('the published JSON Schemas', () => {
  it('version 2 is the one generated from the runtime validator (run `npm run schema` after changing the format)', () => {
    expect(published('argmap.schema.json')).toEqual(jsonSchema());
  });

  it('version 1 is frozen: byte for byte the schema version 1 was published with', () => {
    const bytes = readFileSync(new URL('../../../arguments/format/argmap.v1.schema.json', import.meta.url));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('fbc6920ddca2d509ef58979ca7a4d711aa90b78fa5dd76d95934a5b0c12056f7');
  });

  it('version 2 describes the envelope, the kinds, and the evaluation and comment layers', () => {
    const s = jsonSchema() as any;
    expect(s.$id).toBe('urn:argument-atlas:argmap:v2');
    expect(s.properties.format.const).toBe('argument-atlas/argmap');
    expect(s.properties.version.const).toBe(2);
    expect(s.properties.nodes.items.properties.kind.enum).toEqual(['thesis', 'claim', 'premise', 'evidence', 'counter', 'rebuttal', 'note']);
    expect(s.properties.relations.items.properties.kind.enum).toEqual(['supports', 'opposes', 'qualifies', 'undercuts']);
    expect(s.required).toEqual(['format', 'version', 'meta', 'sources', 'nodes', 'relations', 'evaluations', 'comments', 'view']);
    const evaluation = s.properties.evaluations.items;
    expect(evaluation.required).toEqual(['id', 'target', 'by', 'verdict']);
    expect(evaluation.properties.verdict.enum).toEqual(['accept', 'doubt', 'reject', 'solid', 'shaky', 'none', 'strong', 'weak']);
    expect(s.properties.evaluations.maxItems).toBe(100_000);
    const thread = s.properties.comments.items;
    expect(thread.required).toEqual(['id', 'target', 'resolved', 'messages']);
    expect(thread.properties.messages.minItems).toBe(1);
    expect(thread.properties.messages.items.required).toEqual(['id', 'author', 'at', 'text']);
    expect(thread.properties.messages.items.properties.text.maxLength).toBe(100_000);
  });

  it('version 1 has no layers and says version 1', () => {
    const s = published('argmap.v1.schema.json');
    expect(s.$id).toBe('urn:argument-atlas:argmap:v1');
    expect(s.properties.version.const).toBe(1);
    expect(s.required).toEqual(['format', 'version', 'meta', 'sources', 'nodes', 'relations', 'view']);
    expect(s.properties.evaluations).toBeUndefined();
  });
});
