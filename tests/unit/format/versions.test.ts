// Versions of the file format: the version 1 fixtures (kept as they were, the evidence of what
// version 1 files look like) open migrated to version 2, say so, and equal the version 2 fixture
// where the two overlap; version 2 fixtures load and save byte-stably; newer files are refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { MIGRATIONS, type MigrationRegistry } from '../../../arguments/format/migrate';
import { CURRENT_VERSION } from '../../../arguments/format/schema';
import { serializeMap } from '../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../arguments/model';
import { dataDifference } from '../arbitraries';

const text = (name: string) => readFileSync(new URL(`../../fixtures/${name}.argmap.json`, import.meta.url), 'utf8');

function load(name: string) {
  const r = loadMap(new TextEncoder().encode(text(name)));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r;
}

/** What a version 1 map and a version 2 map have in common: the argument, its sources and its view (not the title or the layers). */
const argumentOf = (map: ArgumentMap) => ({
  sources: map.sources,
  nodes: map.nodes,
  relations: map.relations,
  view: map.view,
  meta: { ...map.meta, title: '', description: '' },
});

describe('version 1 files', () => {
  for (const name of ['minimal', 'full'])
    it(`v1/${name} opens, migrated in memory, and says it was version 1`, () => {
      const r = load(`v1/${name}`);
      expect(r.fromVersion).toBe(1);
      expect(r.map.evaluations).toEqual({});
      expect(r.map.comments).toEqual({});
      const saved = JSON.parse(serializeMap(r.map));
      expect(saved.version).toBe(2);
      expect(saved.evaluations).toEqual([]);
      expect(saved.comments).toEqual([]);
    });

  it('the migrated v1/full equals v2/full wherever the two say the same thing', () => {
    const v1 = load('v1/full').map;
    const v2 = load('v2/full').map;
    expect(dataDifference(argumentOf(v1), argumentOf(v2))).toBeNull();
  });

  it('the migrated v1/minimal equals v2/minimal but for its title', () => {
    const v1 = load('v1/minimal').map;
    const v2 = load('v2/minimal').map;
    expect(dataDifference({ ...v1, meta: { ...v1.meta, title: '' } }, { ...v2, meta: { ...v2.meta, title: '' } })).toBeNull();
  });

  it('the field v1/full kept under the name "comments" survives, moved aside, and opening says where', () => {
    const r = load('v1/full');
    const original = JSON.parse(text('v1/full')).comments;
    expect(r.map.unknown).toEqual({ keptFromVersion1: { comments: original } });
    expect(r.warnings).toEqual([
      {
        code: 'migrated',
        path: '',
        message: 'This version 1 file had a field "comments", a name version 2 uses for its own layers; it is kept, unchanged, under "keptFromVersion1".',
      },
    ]);
    expect(JSON.parse(serializeMap(r.map)).keptFromVersion1.comments).toEqual(original);
  });

  it('once saved as version 2, a migrated file opens as version 2 and saves to the same bytes', () => {
    for (const name of ['v1/minimal', 'v1/full']) {
      const bytes = serializeMap(load(name).map);
      const again = loadMap(bytes);
      if (!again.ok) throw new Error(JSON.stringify(again.errors));
      expect(again.fromVersion).toBe(2);
      expect(again.warnings).toEqual([]);
      expect(serializeMap(again.map)).toBe(bytes);
    }
  });

  it('a broken version 1 file is named at its own paths (the migration adds, it never moves the argument)', () => {
    const f = JSON.parse(text('v1/full'));
    f.nodes[1].kind = 'claimm';
    const r = loadMap(JSON.stringify(f));
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'nodes[1].kind', message: expect.stringMatching(/^The text "claimm" is not a valid value for the kind of node/) });
  });
});

describe('version 2 files', () => {
  it('v2/minimal is in canonical form: it loads and saves to its own bytes', () => {
    const r = load('v2/minimal');
    expect(r.fromVersion).toBe(2);
    expect(r.warnings).toEqual([]);
    expect(serializeMap(r.map)).toBe(text('v2/minimal'));
  });

  it('v2/full loads every feature: evaluations of each kind of element, threads on a node, a relation and a deleted node', () => {
    const r = load('v2/full');
    expect(r.fromVersion).toBe(2);
    expect(r.warnings).toEqual([]);
    const evaluations = r.map.evaluations!;
    expect(Object.keys(evaluations).sort()).toEqual(['ev1', 'ev2', 'ev3', 'ev4', 'ev5', 'ev6', 'ev7', 'ev8']);
    expect(evaluations.ev1).toEqual({ id: 'ev1', target: 'c', by: 'critic', verdict: 'doubt', reason: 'The letter was written after the event.', at: '2026-11-27T09:00:00Z' });
    expect(new Set(Object.values(evaluations).map((e) => e.verdict))).toEqual(new Set(['doubt', 'solid', 'weak', 'reject', 'strong', 'none', 'accept', 'shaky']));
    const { th1, th2, th3 } = r.map.comments!;
    expect(th1).toMatchObject({ target: 'c', resolved: false, futureThreadField: 7 });
    expect(th1!.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(th1!.messages[1]).toMatchObject({ edited: '2026-11-27T09:31:00Z', futureMessageField: 'kept' });
    expect(th2).toMatchObject({ target: 'r5', resolved: true });
    expect(th3).toMatchObject({ target: 'k2', detached: { kind: 'counter', name: 'A caveat that was deleted.' } });
  });

  it('v2/full keeps the fields of a future version, in the layers too, and round-trips byte-stably', () => {
    const r = load('v2/full');
    const bytes = serializeMap(r.map);
    const saved = JSON.parse(bytes);
    expect(saved.futureLayer).toEqual([{ id: 'x1', on: 'c', kind: 'highlight' }]);
    expect(saved.evaluations.find((e: { id: string }) => e.id === 'ev3').futureEvaluationField).toEqual({ confidence: 0.4 });
    expect(saved.comments[0].futureThreadField).toBe(7);
    expect(saved.comments[0].messages[1].futureMessageField).toBe('kept');
    expect(saved.view.futureViewField).toBe('kept');
    const again = loadMap(bytes);
    expect(again.ok && serializeMap(again.map)).toBe(bytes);
  });

  it('the layers are saved in id order, with their keys in a fixed order', () => {
    const saved = serializeMap(load('v2/full').map);
    expect(saved).toContain('"evaluations": [\n    {\n      "id": "ev1",\n      "target": "c",\n      "by": "critic",\n      "verdict": "doubt",\n      "reason": "The letter was written after the event.",\n      "at": "2026-11-27T09:00:00Z"\n    },');
    expect(saved.indexOf('"relations"')).toBeLessThan(saved.indexOf('"evaluations"'));
    expect(saved.indexOf('"evaluations"')).toBeLessThan(saved.indexOf('"comments"'));
    expect(saved.indexOf('"comments"')).toBeLessThan(saved.indexOf('"view"'));
  });

  it('a version 2 file without its layers is refused in words (only version 1 files get them added)', () => {
    const f = JSON.parse(text('v2/minimal'));
    delete f.evaluations;
    const r = loadMap(JSON.stringify(f));
    expect(!r.ok && r.errors).toEqual([{ code: 'invalid', path: 'evaluations', message: '"evaluations" is missing.' }]);
  });
});

describe('newer and impossible versions', () => {
  it('a file from a newer version is refused, with its own error, and nothing is guessed', () => {
    const f = JSON.parse(text('v2/full'));
    f.version = CURRENT_VERSION + 1;
    const r = loadMap(JSON.stringify(f));
    expect(!r.ok && r.errors).toEqual([
      {
        code: 'newer-version',
        path: 'version',
        message: 'This map was saved by a newer version of Argument Atlas (file format 3); this version reads format 2 and older. Update Argument Atlas to open it; the file has not been changed.',
      },
    ]);
  });

  it('version 0 does not exist', () => {
    const f = JSON.parse(text('v1/minimal'));
    f.version = 0;
    const r = loadMap(JSON.stringify(f));
    expect(!r.ok && r.errors[0]?.code).toBe('unsupported-version');
  });

  it('a step that fails is reported with the versions it was between, in words', () => {
    const failing: MigrationRegistry = { 1: { ...MIGRATIONS[1]!, up: () => { throw new Error('the layers could not be added'); } } };
    const r = loadMap(text('v1/minimal'), { migrations: failing });
    expect(!r.ok && r.errors).toEqual([{ code: 'migration-failed', path: '', message: 'The map could not be brought from format 1 to 2: the layers could not be added.' }]);
  });

  it('another registry runs instead of the shipped one, and its result is checked as version 2', () => {
    const registry: MigrationRegistry = { 1: { id: 'test/2', title: 'a careless step', up: (f) => ({ ...f, evaluations: [], comments: 'none' }) } };
    const r = loadMap(text('v1/minimal'), { migrations: registry });
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'comments', message: '"comments" should be a list, but the file has the text "none".' });
  });
});
