// The interop conformance run, on a small corpus made here (the real one is never copied into the project).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interopConformanceCommand } from '../../../arguments/cli/conformance-interop';

function conformance(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = interopConformanceCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => '' });
  return { code, out, err };
}

function corpus(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'argmap-interop-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const ARGDOWN = '[A]: Eins.\n  <+ [B]: Zwei.\n  - <C>: Drei.\n';
const AIF = JSON.stringify({ nodes: [{ nodeID: '1', type: 'I', text: 'A' }, { nodeID: '2', type: 'I', text: 'B' }, { nodeID: '3', type: 'RA', text: 'RA' }], edges: [{ edgeID: 1, fromID: '2', toID: '3' }, { edgeID: 2, fromID: '3', toID: '1' }] });
// What `argdown json` writes for ARGDOWN (its shape, cut to what is compared).
const CLI_JSON = JSON.stringify({
  statements: { A: { members: [{ text: 'Eins.' }] }, B: { members: [{ text: 'Zwei.' }] } },
  arguments: { C: { members: [{ text: 'Drei.' }], pcs: [] } },
  relations: [
    { from: 'B', to: 'A', fromType: 'equivalence-class', toType: 'equivalence-class', relationType: 'support' },
    { from: 'C', to: 'A', fromType: 'argument', toType: 'equivalence-class', relationType: 'attack' },
  ],
});

describe('npm run conformance:interop', () => {
  it('imports every Argdown and AIF file, compares Argdown’s own JSON, and passes when all agree', () => {
    const dir = corpus({ 'argdown/one.argdown': ARGDOWN, 'aif/one.json': AIF, 'argdown/cli-json-out/one.json': CLI_JSON, 'README.md': '# not a case' });
    expect(conformance(dir)).toEqual({ code: 0, out: ['3 passed, 0 failed'], err: [] });
  });

  it('passes a file that Argdown’s own parser refuses when it is refused here too, with its line and column', () => {
    const r = conformance(corpus({ 'bad.argdown': '[A]: Eins.\n  <+ [B]: Zwei.\n <- ((\n' }));
    expect(r.code).toBe(0);
    expect(r.out).toEqual([expect.stringMatching(/^refused, as Argdown's parser refuses it: bad\.argdown: line 3, column 1: ./), '1 passed, 0 failed']);
  });

  it('prints one line per failure and exits 1', () => {
    const bad = JSON.stringify({ nodes: [{ nodeID: '1', type: 'ZZ', text: 'A' }], edges: [] });
    const differs = CLI_JSON.replace('Zwei.', 'Zwo.');
    const r = conformance(corpus({ 'a.argdown': ARGDOWN, 'b.argdown': '[A]: Eins. {x: [1 2] y}\n', 'c.json': bad, 'cli-json-out/a.json': differs, 'cli-json-out/z.json': CLI_JSON }));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      // Argdown reads past a {data} block that is not YAML; this import refuses the file, on purpose.
      expect.stringMatching(/^FAIL b\.argdown: line 1, column 12: the \{data\} block is not valid YAML/),
      'FAIL c.json: Node "1" has the type "ZZ", which AIF does not have; its node types are I, RA, CA, MA, PA, L, TA, YA.',
      expect.stringMatching(/^FAIL cli-json-out\/a\.json: differs from this project’s reading of a\.argdown: statement \[B\]: "Zwei\." is in this reading but not in Argdown’s JSON/),
      'FAIL cli-json-out/z.json: no z.argdown to compare it with.',
      '1 passed, 4 failed',
    ]);
  });

  it('says in one line that it is skipped when the corpus is absent', () => {
    expect(conformance(join(tmpdir(), 'no-such-corpus-here'))).toEqual({ code: 0, out: [`conformance:interop: skipped, no corpus folder at ${join(tmpdir(), 'no-such-corpus-here')}.`], err: [] });
  });
});
