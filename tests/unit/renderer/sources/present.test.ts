import { describe, expect, it } from 'vitest';
import { diffRuns, nodeName, shorten, statusSummary } from '../../../../renderer/sources/present';

describe('nodeName', () => {
  it('prefers the title, else kind and id', () => {
    expect(nodeName({ id: 'C1', kind: 'claim', title: 'Claim 1' })).toBe('Claim 1');
    expect(nodeName({ id: 'E1a', kind: 'evidence' })).toBe('Evidence E1a');
    expect(nodeName({ id: 'E1a', kind: 'evidence', title: '  ' })).toBe('Evidence E1a');
  });
});

describe('statusSummary', () => {
  it('counts statuses in a fixed order', () => {
    expect(statusSummary(['altered', 'verbatim', 'altered', 'not-found'])).toBe('1 verbatim, 2 altered, 1 not found');
    expect(statusSummary([])).toBe('');
  });
});

describe('shorten', () => {
  it('collapses whitespace and cuts at a word', () => {
    expect(shorten('a\n\n b')).toBe('a b');
    expect(shorten('one two three four five six', 14)).toBe('one two three…');
  });
});

describe('diffRuns', () => {
  it('renders the letter/article diff: source words struck, quote words inserted', () => {
    const runs = diffRuns([
      { op: 'equal', quote: 'to', source: 'to' },
      { op: 'equal', quote: 'give', source: 'give' },
      { op: 'insert', quote: 'the' },
      { op: 'equal', quote: 'American', source: 'American' },
      { op: 'equal', quote: 'gain', source: 'gain' },
      { op: 'replace', quote: 'a', source: 'the' },
      { op: 'equal', quote: 'majority', source: 'majority' },
    ]);
    expect(runs).toEqual([
      { kind: 'equal', text: 'to give' },
      { kind: 'ins', text: 'the' },
      { kind: 'equal', text: 'American gain' },
      { kind: 'del', text: 'the' },
      { kind: 'ins', text: 'a' },
      { kind: 'equal', text: 'majority' },
    ]);
  });
  it('groups a run of changes: deletions first, then insertions', () => {
    expect(
      diffRuns([
        { op: 'replace', quote: 'pulled', source: 'pull' },
        { op: 'delete', source: 'China' },
        { op: 'equal', quote: 'into', source: 'into' },
      ]),
    ).toEqual([
      { kind: 'del', text: 'pull China' },
      { kind: 'ins', text: 'pulled' },
      { kind: 'equal', text: 'into' },
    ]);
  });
});
