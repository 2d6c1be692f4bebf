import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../arguments/format/json-position';
import { loadMap } from '../../../arguments/format/load';

describe('jsonErrorOffset', () => {
  // A file cut off mid-token must be told apart from a typo: the first is "truncated", the second gets a line and column.
  it.each([`{"a": tr`, `{"a": "x\\u00`, `{"a": "x\\u`, `{"a": 1.`, `{"a": -`, `{"a": 1e`, `{"a": 2E+`, `{"a": "x\\`, `{"a": [1, 2`])(
    'puts the error of %j at its end',
    (text) => expect(jsonErrorOffset(text)).toBe(text.length),
  );

  it.each([
    [`{"a": "x\\u00zz"}`, 12],
    [`{"a": -x}`, 6],
    [`{"a": 1.x}`, 7],
    [`{"a": trux}`, 9],
  ])('points at the first wrong character of %j', (text, at) => expect(jsonErrorOffset(text)).toBe(at));

  it('makes a map cut inside a number or an escape load as truncated, not as bad JSON', () => {
    for (const text of ['{"version": 2, "nodes": {"a": {"x": 1.', '{"version": 2, "title": "\\u04']) {
      const r = loadMap(text);
      expect(r.ok ? 'loaded' : r.errors[0]?.code).toBe('truncated');
    }
  });
});
