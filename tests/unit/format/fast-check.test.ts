import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passesSchema } from '../../../arguments/format/fast-check';
import { jsonSchema, schemas } from '../../../arguments/format/schema';
import { serializeMap } from '../../../arguments/format/serialize';
import { MAX_FIELD_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../../../arguments/limits';
import { GENERATED_VALIDATOR, validatorSource } from '../../../scripts/schema-validator';
import { mapArbitrary } from '../arbitraries';

const SHIPPED = readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8');
const zodSays = (file: unknown) => schemas().file.safeParse(file).success;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** zod counts lengths in code points: n emoji are n, though 2n UTF-16 units. */
const astral = (points: number) => '😀'.repeat(points);
const ODD_VALUES: Json[] = [
  null, true, 0, -1, 1.5, 1e7 + 1, -1e7 - 1, 2 ** 53, '', 'a', 'n1', '1n', 'a b', 'x'.repeat(129),
  '1950-08-27', '1950-13-45', '1950?', '195X', '1949/1950', 'sometime', 'en', 'ru', 'de-AT', 'bad tag!', 'e',
  '2026-12-01T18:00:00Z', '2026-02-30T18:00:00Z', '2026-12-01 18:00', 'claim', 'supports', 'undercuts', 'primary', 'nonsense',
  astral(MAX_FIELD_LENGTH + 1), astral(MAX_TITLE_LENGTH), astral(MAX_TITLE_LENGTH + 1), 'y'.repeat(MAX_TITLE_LENGTH + 1), astral(MAX_TEXT_LENGTH + 1),
  [], ['n1'], ['n1', 'n1'], [1], {}, { x: 1, y: 2 }, { x: 'a', y: 2 }, { source: 'S1', exact: '' },
];

/** The file with one value replaced (or a key removed, or one added) at a random place. */
function mutate(file: Json, choices: number[]): Json {
  const copy = structuredClone(file);
  let at: Json = copy;
  let i = 0;
  const pick = (n: number) => choices[i++ % choices.length]! % n;
  for (let depth = 0; depth < 6; depth++) {
    if (at === null || typeof at !== 'object') break;
    const keys = Array.isArray(at) ? at.map((_, k) => k) : Object.keys(at);
    if (keys.length === 0) break;
    const key = keys[pick(keys.length)]!;
    const child = (at as Record<string | number, Json>)[key]!;
    const stop = child === null || typeof child !== 'object' || pick(3) === 0;
    if (stop) {
      const op = pick(4);
      if (op === 0 && !Array.isArray(at)) delete (at as Record<string, Json>)[key as string];
      else if (op === 1 && !Array.isArray(at)) (at as Record<string, Json>)[`extra${pick(9)}`] = ODD_VALUES[pick(ODD_VALUES.length)]!;
      else (at as Record<string | number, Json>)[key] = ODD_VALUES[pick(ODD_VALUES.length)]!;
      break;
    }
    at = child;
  }
  return copy;
}

describe('the loader’s fast path (the compiled JSON Schema)', () => {
  it('is the code the current schema compiles to (npm run schema regenerates it)', () => {
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8')).toBe(validatorSource(jsonSchema()));
  });

  it('passes the shipped map and generated maps, as zod does', () => {
    expect(passesSchema(JSON.parse(SHIPPED))).toBe(true);
    fc.assert(
      fc.property(mapArbitrary(), (map) => {
        const file = JSON.parse(serializeMap(map));
        expect(passesSchema(file)).toBe(true);
        expect(zodSays(file)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('gives zod’s verdict on the shipped map changed at a random place (never passes what zod refuses)', () => {
    const base = JSON.parse(SHIPPED) as Json;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (choices) => {
        const file = mutate(base, choices);
        const zod = zodSays(file);
        if (!zod) refused++;
        expect(passesSchema(file)).toBe(zod);
      }),
      { numRuns: 1500 },
    );
    // The mutations reach the interesting cases: most of them break the file.
    expect(refused).toBeGreaterThan(500);
  });

  it('refuses what only the rules outside the schema catch: a date that is not EDTF, a language that is not BCP 47', () => {
    for (const [field, value] of [['date', '1950-13-45'], ['language', 'bad tag!']] as const) {
      const file = JSON.parse(SHIPPED);
      file.sources[0][field] = value;
      expect(zodSays(file)).toBe(false);
      expect(passesSchema(file)).toBe(false);
    }
  });

  it('counts lengths in code points, as zod does: a title of as many emoji as the limit passes, one more is refused', () => {
    const file = JSON.parse(SHIPPED);
    file.meta.title = astral(MAX_TITLE_LENGTH);
    expect([zodSays(file), passesSchema(file)]).toEqual([true, true]);
    file.meta.title += 'x';
    expect([zodSays(file), passesSchema(file)]).toEqual([false, false]);
  });
});
