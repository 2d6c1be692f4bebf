// The migration registry: real steps, pure on plain JSON, run in order from the file's version.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type JsonObject, type MigrationRegistry } from '../../../arguments/format/migrate';
import { CURRENT_VERSION } from '../../../arguments/format/schema';

const v1 = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/v1/${name}`, import.meta.url), 'utf8')) as JsonObject;

/** Frozen all the way down: a step that changed its input would throw (modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('the registry', () => {
  it('has one step per version up to the current one, each named by the version it makes', () => {
    expect(CURRENT_VERSION).toBe(2);
    for (let v = 1; v < CURRENT_VERSION; v++) expect(MIGRATIONS[v]?.id).toBe(`argmap/${v + 1}`);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([1]);
  });

  it('a current file is left as it is', () => {
    const file = { format: 'argument-atlas/argmap', version: 2, nodes: [] };
    expect(migrate(file, 2)).toEqual({ ok: true, file, notes: [] });
  });
});

describe('version 1 to 2', () => {
  it('adds the empty evaluation and comment layers and stamps version 2, without changing its input', () => {
    const file = deepFreeze(v1('minimal.argmap.json'));
    const before = JSON.stringify(file);
    const r = migrate(file, 1);
    if (!r.ok) throw new Error(r.reason);
    expect(JSON.stringify(file)).toBe(before);
    const { evaluations, comments, version, ...rest } = r.file;
    expect({ evaluations, comments, version }).toEqual({ evaluations: [], comments: [], version: 2 });
    const { version: _v, ...old } = file;
    expect(rest).toEqual(old);
    expect(r.notes).toEqual([]);
  });

  it('moves a field of its own named like a layer of version 2 aside, unchanged, and says so', () => {
    const file = deepFreeze(v1('full.argmap.json'));
    const r = migrate(file, 1);
    if (!r.ok) throw new Error(r.reason);
    expect(r.file.comments).toEqual([]);
    expect(r.file.keptFromVersion1).toEqual({ comments: file.comments });
    expect(r.notes).toEqual(['This version 1 file had a field "comments", a name version 2 uses for its own layers; it is kept, unchanged, under "keptFromVersion1".']);
  });

  it('never overwrites a field: when "keptFromVersion1" is taken, the next free name is used', () => {
    const r = migrate({ version: 1, evaluations: { mine: 1 }, comments: 'x', keptFromVersion1: 'theirs' }, 1);
    if (!r.ok) throw new Error(r.reason);
    expect(r.file).toEqual({ version: 2, evaluations: [], comments: [], keptFromVersion1: 'theirs', 'keptFromVersion1-2': { evaluations: { mine: 1 }, comments: 'x' } });
    expect(r.notes[0]).toMatch(/fields "evaluations" and "comments".*they are kept, unchanged, under "keptFromVersion1-2"/);
  });
});

describe('running steps', () => {
  const step = (n: number) => ({ id: `test/${n + 1}`, title: `step ${n}`, up: (f: Readonly<JsonObject>) => ({ ...f, steps: [...((f.steps as number[]) ?? []), n] }) });

  it('runs registered steps in order and stamps each version', () => {
    const registry: MigrationRegistry = { 1: step(1), 2: step(2) };
    expect(migrate({ version: 1 }, 1, 3, registry)).toEqual({ ok: true, file: { version: 3, steps: [1, 2] }, notes: [] });
  });

  it('a missing or failing step is reported, not thrown', () => {
    expect(migrate({}, 1, 3, { 1: step(1) })).toEqual({ ok: false, failedAt: 2, reason: 'no migration from version 2 to 3' });
    const failing: MigrationRegistry = { 1: { id: 'x', title: 'x', up: () => { throw new Error('bad data'); } } };
    expect(migrate({}, 1, 2, failing)).toEqual({ ok: false, failedAt: 1, reason: 'bad data' });
  });
});
