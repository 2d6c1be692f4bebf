import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type MigrationRegistry } from '../../../arguments/format/migrate';

describe('migrations', () => {
  it('version 1 is current: nothing to migrate, the file is unchanged', () => {
    const file = { format: 'argument-atlas/argmap', version: 1, nodes: [] };
    expect(Object.keys(MIGRATIONS)).toEqual([]);
    expect(migrate(file, 1)).toEqual({ ok: true, file });
  });

  it('runs registered steps in order and stamps each version', () => {
    const registry: MigrationRegistry = {
      1: (f) => ({ ...f, steps: [...((f.steps as number[]) ?? []), 1] }),
      2: (f) => ({ ...f, steps: [...(f.steps as number[]), 2] }),
    };
    expect(migrate({ version: 1 }, 1, 3, registry)).toEqual({ ok: true, file: { version: 3, steps: [1, 2] } });
  });

  it('a missing or failing step is reported, not thrown', () => {
    expect(migrate({}, 1, 3, { 1: (f) => f })).toEqual({ ok: false, failedAt: 2, reason: 'no migration from version 2 to 3' });
    expect(migrate({}, 1, 2, { 1: () => { throw new Error('bad data'); } })).toEqual({ ok: false, failedAt: 1, reason: 'bad data' });
  });
});
