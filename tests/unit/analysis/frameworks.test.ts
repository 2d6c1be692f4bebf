// Abstract frameworks: the .apx and .tgf readers, their worded errors, and the grounded
// extension computed by the status engine.
import { describe, expect, it } from 'vitest';
import { frameworkFormat, frameworkToMap, groundedExtension, parseApx, parseTgf, type Framework } from '../../../arguments/analysis/frameworks';

function ok(r: ReturnType<typeof parseApx>): Framework {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.framework;
}

const messages = (r: ReturnType<typeof parseApx>) => (r.ok ? [] : r.errors.map((e) => e.message));

describe('ASPARTIX .apx', () => {
  it('reads arguments and attacks, with comments, spaces, line breaks inside statements and quoted names', () => {
    const text = '% Handbook ch. 4, fig. 5\narg(a). arg( b ).\narg(\n  c).arg("d 1").\natt(a,b). % a attacks b\natt( b , c ).\natt(c,"d 1").att("d 1",c).\natt(a,b).\n';
    expect(ok(parseApx(text))).toEqual({ args: ['a', 'b', 'c', 'd 1'], attacks: [['a', 'b'], ['b', 'c'], ['c', 'd 1'], ['d 1', 'c']] });
    expect(ok(parseApx('\uFEFF'))).toEqual({ args: [], attacks: [] });
  });

  it('names the line of each mistake', () => {
    expect(messages(parseApx('arg(a).\narg(b)\natt(a,b).'))).toEqual(['line 2: arg(b) needs a full stop after it, found "att(a,b).".']);
    expect(messages(parseApx('arg(a).\natt(a,c).'))).toEqual(['line 2: the attack a → c names "c", which no arg(c). declares.']);
    expect(messages(parseApx('arg(a).\n\nfoo(a).\narg(b).'))).toEqual(['line 3: expected arg(NAME). or att(NAME,NAME)., found "foo(a).".']);
    expect(messages(parseApx('arg(a).\natt(a b).'))).toEqual(['line 2: att(a needs a comma and the attacked argument, found "b).".']);
    expect(messages(parseApx('arg(a).\natt(a,).'))).toEqual(['line 2: att(a, needs the attacked argument, found ").".']);
    expect(messages(parseApx('arg().'))).toEqual(['line 1: arg( needs the name of an argument, found ").".']);
    expect(messages(parseApx('arg(a'))).toEqual(['line 1: arg(a needs a closing ")", found the end of the file.']);
    expect(messages(parseApx('arg(a).\natt(a,a)'))).toEqual(['line 2: att(a,a) needs a full stop after it, found the end of the file.']);
    expect(messages(parseApx('{"format": "argument-atlas/argmap"}'))).toEqual(['line 1: expected arg(NAME). or att(NAME,NAME)., found "{"format": "argument-atlas/arg…".']);
  });

  it('reports every mistake, in line order, at most twenty', () => {
    const text = Array.from({ length: 30 }, (_, k) => `bad${k}.`).join('\n');
    const r = parseApx(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(20);
    expect(r.errors[0]).toEqual({ code: 'malformed-framework', line: 1, message: 'line 1: expected arg(NAME). or att(NAME,NAME)., found "bad0.".' });
    expect(r.errors.map((e) => e.line)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
  });
});

describe('ICCMA .tgf', () => {
  it('reads argument lines (labels ignored), the # line and attack lines', () => {
    expect(ok(parseTgf('1 first argument\n2\n3\r\n#\n1 2 label\n2 3\n\n'))).toEqual({ args: ['1', '2', '3'], attacks: [['1', '2'], ['2', '3']] });
    expect(ok(parseTgf('a\nb\n'))).toEqual({ args: ['a', 'b'], attacks: [] });
  });

  it('names the line of each mistake', () => {
    expect(messages(parseTgf('1\n2\n#\n1\n'))).toEqual(['line 4: an attack needs two arguments, "FROM TO"; found "1".']);
    expect(messages(parseTgf('1\n#\n1 3\n'))).toEqual(['line 3: the attack 1 → 3 names "3", which is not listed above the "#" line.']);
    expect(messages(parseTgf('1\n#\n#\n'))).toEqual(['line 3: a second "#" line; a TGF file has one, between the arguments and the attacks.']);
  });
});

describe('recognising a framework', () => {
  it('by extension, else by content', () => {
    expect(frameworkFormat('af.apx', '')).toBe('apx');
    expect(frameworkFormat('AF.TGF', '{')).toBe('tgf');
    expect(frameworkFormat('af.txt', '% comment\n\narg(a).')).toBe('apx');
    expect(frameworkFormat('af', '1\n2\n#\n1 2\n')).toBe('tgf');
    expect(frameworkFormat('map.argmap.json', '{"format": "argument-atlas/argmap"}')).toBeUndefined();
    expect(frameworkFormat('notes.txt', 'Stalin and Gottwald')).toBeUndefined();
  });
});

describe('the grounded extension', () => {
  const af = (args: string[], attacks: [string, string][]): Framework => ({ args, attacks });

  it('reinstatement, cycles, self-attack (Handbook of Formal Argumentation, ch. 4)', () => {
    expect(groundedExtension(af(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]))).toEqual(['a', 'c']);
    expect(groundedExtension(af(['a', 'b'], [['a', 'b'], ['b', 'a']]))).toEqual([]);
    expect(groundedExtension(af(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']]))).toEqual([]);
    expect(groundedExtension(af(['a', 'b'], [['a', 'a'], ['a', 'b']]))).toEqual([]);
    expect(groundedExtension(af(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'c']]))).toEqual(['a']);
    // c is attacked by b (out) and by d, with which it is in a cycle: c and d stay open.
    expect(groundedExtension(af(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'c']]))).toEqual(['a']);
    expect(groundedExtension(af(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']]))).toEqual(['a', 'c']);
  });

  it('in natural order, whatever the names', () => {
    expect(groundedExtension(af(['10', '2', '1', '__proto__', 'constructor'], [['1', 'constructor']]))).toEqual(['1', '2', '10', '__proto__']);
  });

  it('is computed on the map the framework amounts to: granted statements and one-premise objections', () => {
    const { map, evaluations } = frameworkToMap(af(['a', 'b'], [['a', 'b']]));
    expect(Object.values(map.relations)).toEqual([{ id: 'att1', kind: 'opposes', from: ['a'], to: 'b' }]);
    expect(evaluations).toEqual([
      { target: 'a', verdict: 'accept', by: 'framework' },
      { target: 'b', verdict: 'accept', by: 'framework' },
    ]);
  });
});
