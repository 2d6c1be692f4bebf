// Argdown files written here (the real corpus is never copied in): what becomes of statements,
// arguments, relations and what a map has no place for; and bad files, refused whole.
import { describe, expect, it } from 'vitest';
import { importArgdown } from '../../../../arguments/interop/argdown/import';
import { describeProblem } from '../../../../arguments/interop/problems';
import { describeReport } from '../../../../arguments/interop/report';
import { NOW } from '../helpers';

const DEBATE = `===
title: Fleisch essen?
author: A. Autor
===

# Thesen

[Fleisch]: Man darf Fleisch essen. #pro
  <- [Leid]: Tiere leiden.
    <- [Kein Leid]: Nicht alle Tiere leiden.
  + <Tradition>

<Tradition>: Es war immer so.

<Gesundheit>

(1) [Protein]: Fleisch liefert Protein.
(2) [Bedarf]: Menschen brauchen Protein.
----
(3) [Fleisch]
  <_ [Pflanzen]: Pflanzen liefern auch Protein.
`;

function imported(text: string) {
  const r = importArgdown(text, { now: NOW, name: 'debate.argdown' });
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('; '));
  return r;
}

describe('importArgdown', () => {
  it('makes a node of every statement and sketched argument, with the title and authors of the front matter', () => {
    const { map } = imported(DEBATE);
    expect(map.meta.title).toBe('Fleisch essen?');
    expect(map.meta.authors).toEqual(['A. Autor']);
    const byTitle = new Map(Object.values(map.nodes).map((n) => [n.title, n]));
    expect(byTitle.get('Fleisch')!.text).toBe('Man darf Fleisch essen. #pro');
    expect(byTitle.get('Tradition')!.text).toBe('Es war immer so.');
    expect(Object.keys(map.nodes)).toHaveLength(7);
  });

  it('reads a premise–conclusion structure as one linked inference, and an undercut as an undercut of it', () => {
    const { map } = imported(DEBATE);
    const id = (t: string) => Object.values(map.nodes).find((n) => n.title === t)!.id;
    const linked = Object.values(map.relations).find((r) => r.from.length === 2)!;
    expect(linked).toMatchObject({ kind: 'supports', to: id('Fleisch') });
    expect([...linked.from].sort()).toEqual([id('Protein'), id('Bedarf')].sort());
    const undercut = Object.values(map.relations).find((r) => r.kind === 'undercuts')!;
    expect(undercut).toMatchObject({ from: [id('Pflanzen')], to: linked.id });
  });

  it('gives kinds from the structure: the thesis, a counter, a rebuttal of it', () => {
    const { map } = imported(DEBATE);
    const kind = (t: string) => Object.values(map.nodes).find((n) => n.title === t)!.kind;
    expect(kind('Fleisch')).toBe('thesis');
    expect(kind('Leid')).toBe('counter');
    expect(kind('Kein Leid')).toBe('rebuttal');
    expect(kind('Protein')).toBe('premise');
  });

  it('names what a map cannot keep (tags, headings) in the report', () => {
    const lines = describeReport(imported(DEBATE).report);
    expect(lines).toContain('Tags are not kept (a map has no tags); they stay in the texts they were written in: "#pro".');
    expect(lines).toContain('Headings are not kept (a map has no groups): "Thesen".');
  });

  it('refuses a syntax error with its line and column, importing nothing', () => {
    const r = importArgdown('[A]: Eins.\n  <+ [B]: Zwei.\n <- ((\n', { now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'syntax', line: 3, column: 1 });
    expect(describeProblem(r.problems[0]!)).toMatch(/^line 3, column 1: /);
  });

  it('refuses invalid YAML in a {data} block or the front matter with where it stands', () => {
    const data = importArgdown('[A]: Eins. {a: [1,}\n', { now: NOW });
    expect(data.ok ? null : data.problems[0]).toMatchObject({ code: 'syntax', line: 1, message: expect.stringMatching(/^the \{data\} block is not valid YAML/) });
    const front = importArgdown('===\na: : b\n===\n\n[A]: x\n', { now: NOW });
    expect(front.ok ? null : front.problems[0]).toMatchObject({ code: 'syntax', line: 1, message: expect.stringMatching(/^the front matter is not valid YAML/) });
  });

  it('refuses a backslash at the end of a line, an empty file and a file that includes others without a reader', () => {
    const slash = importArgdown('[A]: x \\\n', { now: NOW });
    expect(slash.ok ? null : slash.problems[0]).toMatchObject({ code: 'syntax', line: 1, column: 8 });
    const empty = importArgdown(' \n\n', { now: NOW });
    expect(empty.ok ? null : empty.problems[0]!.code).toBe('empty');
    const inc = importArgdown('@include(other.argdown)\n', { now: NOW });
    expect(inc.ok ? null : inc.problems[0]!.code).toBe('include');
  });

  it('includes files through the reader, never outside the imported file’s folder', () => {
    const files: Record<string, string> = { 'parts/b.argdown': '[B]: Zwei.\n' };
    const reader = { read: (p: string) => (Object.hasOwn(files, p) ? { ok: true as const, text: files[p]! } : { ok: false as const, why: 'no such file.' }) };
    const ok = importArgdown('[A]: Eins.\n\n@include(parts/b.argdown)\n', { now: NOW, includes: reader });
    expect(ok.ok && Object.values(ok.map.nodes).map((n) => n.text).sort()).toEqual(['Eins.', 'Zwei.']);
    const out = importArgdown('@include(../secret.argdown)\n', { now: NOW, includes: reader });
    expect(out.ok ? null : out.problems[0]).toMatchObject({ code: 'include', line: 1, column: 1 });
  });

  it('refuses a title Argdown 1.7.5 cannot read (toString, constructor) with where it stands', () => {
    const r = importArgdown('[A]: Eins.\n  <+ [constructor]: Zwei.\n', { now: NOW });
    expect(r.ok ? null : r.problems[0]).toMatchObject({ code: 'syntax', line: 2, column: 6, message: expect.stringMatching(/titled "constructor" \(a name its model reserves\); rename it/) });
  });
});
