// Keys named twice in one object: found where JSON.parse would silently keep the last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeys, keepsEveryKey } from '../../../arguments/format/json-keys';

/** A JSON text of `value` with its object keys written as given (duplicates allowed). */
type Raw = { obj: [string, Raw][] } | { arr: Raw[] } | { leaf: unknown };
const write = (r: Raw): string =>
  'obj' in r ? `{${r.obj.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(',')}}` : 'arr' in r ? `[${r.arr.map(write).join(',')}]` : JSON.stringify(r.leaf);

const raw: fc.Arbitrary<Raw> = fc.letrec<{ raw: Raw }>((tie) => ({
  raw: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ leaf: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)) }),
    fc.record({ arr: fc.array(tie('raw'), { maxLength: 4 }) }),
    fc.record({ obj: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'a"b', '\\', 'é', ''), tie('raw')), { maxLength: 4 }) }),
  ),
})).raw;

/** The duplicates a recursive reference walk finds, in document order. */
function reference(r: Raw, path: (string | number)[] = [], out: { path: (string | number)[]; key: string }[] = []) {
  if ('obj' in r) {
    const seen = new Set<string>();
    for (const [k, v] of r.obj) {
      if (seen.has(k)) out.push({ path, key: k });
      seen.add(k);
      reference(v, [...path, k], out);
    }
  } else if ('arr' in r) r.arr.forEach((v, i) => reference(v, [...path, i], out));
  return out;
}

describe('duplicateKeys', () => {
  it('finds exactly the keys a recursive walk finds, with their paths', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const text = write(r);
        JSON.parse(text); // valid JSON
        expect(duplicateKeys(text, Infinity)).toEqual(reference(r));
      }),
    );
  });

  it('compares keys as JSON.parse reads them, and stops at `max`', () => {
    expect(duplicateKeys('{"a":1,"\\u0061":2}')).toEqual([{ path: [], key: 'a' }]);
    expect(duplicateKeys('{"a\\"":1,"a\\u0022":2}')).toEqual([{ path: [], key: 'a"' }]);
    expect(duplicateKeys('[{"x":1,"x":2},{"y":{"z":1,"z":2}}]', 1)).toEqual([{ path: [0], key: 'x' }]);
    expect(duplicateKeys('[{"x":1,"x":2},{"y":{"z":1,"z":2}}]', 5)).toEqual([{ path: [0], key: 'x' }, { path: [1, 'y'], key: 'z' }]);
    expect(duplicateKeys('{"a":"x\\\\","a":1}')).toEqual([{ path: [], key: 'a' }]);
    expect(duplicateKeys('{"a":{"a":{"a":1}}}')).toEqual([]);
  });

  it('walks a million levels without recursion', () => {
    const n = 1_000_000;
    expect(duplicateKeys(`${'{"k":['.repeat(n)}{"k":1,"k":2}${']}'.repeat(n)}`)).toHaveLength(1);
  });
});

describe('keepsEveryKey', () => {
  it('is false exactly where duplicateKeys finds a key named twice', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const text = write(r);
        expect(keepsEveryKey(text, JSON.parse(text))).toBe(duplicateKeys(text, 1).length === 0);
      }),
    );
  });

  it('tells keys from values, whatever the spacing, escapes and colons inside strings', () => {
    const ok = ['{"a" : "b:" , "c"\n:\t{"d":"\\":"}}', '["a:", {"x":1}, "y"]', '{"__proto__":1,"constructor":2}', '"a:"', '{}', '[]', '{"a\\\\":"\\\\"}'];
    for (const t of ok) expect(keepsEveryKey(t, JSON.parse(t)), t).toBe(true);
    const twice = ['{"a" :1 , "a"\n: 2}', '[{"x":{"y":1,"\\u0079":2}}]', '{"__proto__":1,"__proto__":2}'];
    for (const t of twice) expect(keepsEveryKey(t, JSON.parse(t)), t).toBe(false);
  });
});
