// The reference rules, as the loader applies them (the operations' side: tests/unit/operations*):
// one sentence per rule, the same whoever asks; the duplicate-relation rule the loader lacked;
// the layers of version 2 kept and warned about, never refused, when they do not fit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../../arguments/analysis/status';
import type { LoadIssue } from '../../../arguments/format/errors';
import { loadMap } from '../../../arguments/format/load';
import { relationProblem } from '../../../arguments/format/references';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory } from '../../../arguments/history';
import { threadPlace } from '../../../arguments/model';
import * as ops from '../../../arguments/operations';

const full = () => JSON.parse(readFileSync(new URL('../../fixtures/v2/full.argmap.json', import.meta.url), 'utf8')) as Record<string, any>;

function errorsOf(file: unknown): LoadIssue[] {
  const r = loadMap(JSON.stringify(file));
  if (r.ok) throw new Error('expected the load to fail');
  return r.errors;
}

function loaded(file: unknown) {
  const r = loadMap(JSON.stringify(file));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('relations', () => {
  it('two relations with the same kind, target and premises (in any order) are refused: the rule the loader lacked', () => {
    const f = full();
    f.relations.push({ id: 'r8', kind: 'supports', from: ['p2', 'p1'], to: 'c' });
    expect(errorsOf(f)).toEqual([
      { code: 'duplicate-relation', path: 'relations[7]', message: 'Relation "r8" repeats relation "r2": both supports "c" from the same premises. Remove one of them.' },
    ]);
  });

  it('the same premises and target with another kind, or one premise more, are another relation', () => {
    const f = full();
    f.relations.push({ id: 'r8', kind: 'opposes', from: ['p1', 'p2'], to: 'c' }, { id: 'r9', kind: 'supports', from: ['p1', 'p2', 'e'], to: 'c' });
    expect(loadMap(JSON.stringify(f)).ok).toBe(true);
  });

  it('an id named like a property of every object is found only where it is', () => {
    const f = full();
    f.relations[0].to = 'toString';
    f.relations[1].from = ['constructor', 'p2'];
    f.relations[4].to = 'hasOwnProperty';
    const errors = errorsOf(f);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['relations[0].to', 'Relation "r1" supports "toString", which is not a node in this map.'],
      ['relations[1].from[0]', 'Relation "r2" starts from "constructor", which is not a node in this map.'],
      ['relations[4].to', 'Relation "r5" undercuts "hasOwnProperty", but there is no relation with that id in this map: an undercut attacks an inference, so connect it to an arrow.'],
    ]);
  });

  it('the loader and the operations give the same sentence for the same rule', () => {
    const map = loaded(full()).map;
    const cases = [
      { id: 'rx', kind: 'supports' as const, from: ['p1', 'p2'], to: 'c' },
      { id: 'rx', kind: 'supports' as const, from: ['c'], to: 'c' },
      { id: 'rx', kind: 'undercuts' as const, from: ['o'], to: 'c' },
      { id: 'rx', kind: 'opposes' as const, from: ['o'], to: 'r2' },
      { id: 'rx', kind: 'supports' as const, from: ['p1', 'p1'], to: 't' },
    ];
    for (const r of cases) {
      const refusal = commit(createHistory(map), ops.connect(r));
      const f = full();
      f.relations.push(r);
      const fromFile = errorsOf(f)[0]!.message;
      expect(!refusal.ok && refusal.reason).toBe(fromFile);
      expect(relationProblem(map, r)).toBe(fromFile);
    }
  });

  it('a quote of a missing source and a source quoting itself', () => {
    const f = full();
    f.nodes[4].quote.source = 'valueOf';
    f.sources[1].quotes = ['article'];
    expect(errorsOf(f).map((e) => [e.code, e.path, e.message])).toEqual([
      ['dangling-reference', 'nodes[4].quote.source', 'Node "e" quotes "valueOf", which is not a source in this map.'],
      ['invalid', 'sources[1].quotes[0]', 'Source "article" lists itself among the sources it quotes; a source can only quote other sources.'],
    ]);
  });
});

describe('ids of the layers', () => {
  it('evaluations, threads and the messages of a thread each need their own id (apart from the argument’s ids)', () => {
    const f = full();
    f.evaluations[1].id = 'ev1';
    f.comments[1].id = 'th1';
    f.comments[0].messages[1].id = 'm1';
    expect(errorsOf(f).map((e) => [e.code, e.path, e.message])).toEqual([
      ['duplicate-id', 'evaluations[1].id', 'The id "ev1" is used twice (also at evaluations[0].id); every evaluation needs its own id.'],
      ['duplicate-id', 'comments[1].id', 'The id "th1" is used twice (also at comments[0].id); every comment thread needs its own id.'],
      ['duplicate-id', 'comments[0].messages[1].id', 'The id "m1" is used twice (also at comments[0].messages[0].id); every message of a thread needs its own id.'],
    ]);
    // The same id as a node is no clash: the layers have namespaces of their own.
    const g = full();
    g.evaluations[0].id = 'c';
    g.comments[0].id = 'toString';
    expect(loadMap(JSON.stringify(g)).ok).toBe(true);
  });

  it('a verdict that is no verdict, a thread without messages, a message without text are refused in words', () => {
    const f = full();
    f.evaluations[0].verdict = 'maybe';
    f.comments[1].messages = [];
    f.comments[0].messages[0].text = '';
    const at = (path: string) => errorsOf(f).find((e) => e.path === path)?.message;
    expect(at('evaluations[0].verdict')).toBe('The text "maybe" is not a valid value for "verdict"; use one of: accept, doubt, reject, solid, shaky, none, strong, weak.');
    expect(at('comments[1].messages')).toBe('"messages" needs at least 1 entry.');
    expect(at('comments[0].messages[0].text')).toBe('"text" must not be empty.');
  });
});

describe('evaluations and threads that do not fit: kept, named, never a reason to refuse the file', () => {
  const handEdited = () => {
    const f = full();
    f.evaluations.push(
      { id: 'ev9', target: 'ghost', by: 'critic', verdict: 'reject' },
      { id: 'ev10', target: 'e', by: 'student', verdict: 'reject' },
      { id: 'ev11', target: 'r4', by: 'critic', verdict: 'weak' },
      { id: 'ev12', target: 'letter', by: 'critic', verdict: 'accept' },
      { id: 'ev13', target: 'c', by: 'critic', verdict: 'reject' },
    );
    f.comments.push({ id: 'th4', target: 'ghost', resolved: false, messages: [{ id: 'm1', author: 'critic', at: '2026-11-30T08:00:00Z', text: 'On a node deleted by hand.' }] });
    return f;
  };

  it('the loader keeps every one and says what is wrong with each', () => {
    const r = loaded(handEdited());
    expect(Object.keys(r.map.evaluations!)).toHaveLength(13);
    expect(r.map.comments!.th4?.target).toBe('ghost');
    expect(r.warnings.map((w) => [w.code, w.path, w.message])).toEqual([
      ['dangling-reference', 'evaluations[8]', 'An evaluation by critic judges "ghost", which is neither a node nor a relation of this map. It is kept in the file, but does not count in the status.'],
      ['invalid', 'evaluations[9]', 'An evaluation by student says "reject" of "e", which is evidence: evidence is judged solid, shaky or none. It is kept in the file, but does not count in the status.'],
      ['invalid', 'evaluations[10]', 'An evaluation by critic judges "r4", which qualifies another statement: a qualification never changes a label, so it cannot be judged. It is kept in the file, but does not count in the status.'],
      ['dangling-reference', 'evaluations[11]', 'An evaluation by critic judges "letter", which is a source; only nodes and relations can be judged. It is kept in the file, but does not count in the status.'],
      ['invalid', 'evaluations[12]', '"critic" judges "c" a second time (also at evaluations[0]); both are kept, the more sceptical counts, and the next verdict set replaces both.'],
      ['dangling-reference', 'comments[3].target', 'Comment thread "th4" is on "ghost", which is not a node or relation in this map. The thread is kept and listed with the comments on deleted items.'],
    ]);
  });

  it('nothing is lost: saving gives back every record', () => {
    const f = handEdited();
    const saved = JSON.parse(serializeMap(loaded(f).map));
    expect(saved.evaluations).toHaveLength(f.evaluations.length);
    expect(saved.comments.find((t: { id: string }) => t.id === 'th4')).toEqual(f.comments[3]);
  });

  it('the status reports them as problems and ignores them', () => {
    const map = loaded(handEdited()).map;
    const status = computeStatus(map, Object.values(map.evaluations!));
    expect(status.problems).toEqual([
      'An evaluation by critic judges "ghost", which is neither a node nor a relation of this map; it was ignored.',
      'An evaluation by student says "reject" of "e", which is evidence: evidence is judged solid, shaky or none; it was ignored.',
      'An evaluation by critic judges "r4", which qualifies another statement: a qualification never changes a label, so it cannot be judged; it was ignored.',
      'An evaluation by critic judges "letter", which is a source; only nodes and relations can be judged; it was ignored.',
    ]);
    // The duplicate by the critic: the more sceptical (reject) counts.
    expect(status.nodes.get('c')!.label).toBe('falls');
  });

  it('a thread on something not in the map is listed as on a deleted item; setting the judge’s verdict again replaces both', () => {
    const map = loaded(handEdited()).map;
    expect(threadPlace(map, map.comments!.th4!)).toBe('deleted');
    expect(threadPlace(map, map.comments!.th3!)).toBe('deleted');
    expect(threadPlace(map, map.comments!.th1!)).toBe('node');
    expect(threadPlace(map, map.comments!.th2!)).toBe('relation');
    const r = commit(createHistory(map), ops.setEvaluation('c', 'critic', 'accept'));
    if (!r.ok) throw new Error(r.reason);
    expect(ops.evaluationsOf(r.history.present, 'c')).toEqual([{ id: 'ev1', target: 'c', by: 'critic', verdict: 'accept' }]);
  });

  it('an undercut of a deleted inference is refused as a dangling reference, so its evaluations never stand alone', () => {
    const f = full();
    f.relations = f.relations.filter((r: { id: string }) => r.id !== 'r2');
    const errors = errorsOf(f);
    expect(errors.map((e) => e.path)).toEqual(['relations[3].to']);
    expect(errors[0]!.message).toMatch(/undercuts "r2", but there is no relation with that id/);
  });

  it('comments with hostile text are kept as text, byte for byte', () => {
    const f = full();
    const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\u202eevil\u202c', 'line\nbreak\r\nand\u0000nul', '"}, "version": 9, "x": {"', '\ud800 lone surrogate', '&lt;&amp;'];
    f.comments[0].messages = hostile.map((text, i) => ({ id: `m${i + 1}`, author: '<b>critic</b>', at: '2026-11-30T08:00:00Z', text }));
    const map = loaded(f).map;
    expect(map.comments!.th1!.messages.map((m) => m.text)).toEqual(hostile);
    const again = loaded(JSON.parse(serializeMap(map))).map;
    expect(again.comments!.th1!.messages.map((m) => m.text)).toEqual(hostile);
    expect(again.comments!.th1!.messages[0]!.author).toBe('<b>critic</b>');
  });
});
