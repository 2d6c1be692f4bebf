// How the comments panel names what a thread is on: a node, a relation, or something deleted.
import { describe, expect, it } from 'vitest';
import { commit, createHistory } from '../../../../arguments/history';
import { deleteNodes, freshThreadId, startThread, threadList } from '../../../../arguments/operations';
import { emptyMap, type ArgumentMap } from '../../../../arguments/model';
import { commentsUi, rememberAuthor } from '../../../../renderer/comments/commentsState';
import { commentTime, firstWords, openCount, threadTargetName } from '../../../../renderer/comments/words';

function map(): ArgumentMap {
  const m = emptyMap('2026-12-01T12:00:00Z', 'Test');
  m.nodes = {
    C1: { id: 'C1', kind: 'claim', title: 'Claim 1', text: 'Stalin wanted U.S. intervention.' },
    P1: { id: 'P1', kind: 'premise', text: 'He named giving the Americans a free hand as a reason.' },
  };
  m.relations = { 'r.P1.C1': { id: 'r.P1.C1', kind: 'supports', from: ['P1'], to: 'C1' } };
  return m;
}

const at = '2026-12-01T13:05:00Z';
function withThreads(...targets: string[]): ArgumentMap {
  let h = createHistory(map());
  for (const t of targets) {
    const r = commit(h, startThread(freshThreadId(h.present), t, { author: 'Ann', at, text: 'Why?' }));
    if (!r.ok) throw new Error(r.reason);
    h = r.history;
  }
  return h.present;
}

describe('threadTargetName', () => {
  it('names a node by its kind and title, a relation by what it joins', () => {
    const m = withThreads('C1', 'r.P1.C1');
    expect(threadList(m).map((t) => threadTargetName(m, t))).toEqual(['Claim: Claim 1', 'Relation: He named giving the Americans a free hand as a re… supports Claim 1']);
  });

  it('names a thread whose node was deleted as on a deleted item, with what it was', () => {
    const m0 = withThreads('C1', 'r.P1.C1');
    const r = commit(createHistory(m0), deleteNodes(['C1']));
    if (!r.ok) throw new Error(r.reason);
    const m = r.history.present;
    expect(threadList(m).map((t) => threadTargetName(m, t))).toEqual(['Deleted claim: Claim 1', 'Deleted supports relation: P1 supports C1']);
  });
});

describe('the words of a comment', () => {
  it('counts open comments in words, one and many', () => {
    expect([openCount(1), openCount(2)]).toEqual(['1 open comment', '2 open comments']);
  });
  it('shows a time as a date and time, and text that is not a time as given', () => {
    expect(commentTime(at)).toMatch(/^1 Dec 2026, \d\d:\d\d$/);
    expect(commentTime('yesterday')).toBe('yesterday');
  });
  it('keeps the first words of a long message', () => {
    expect(firstWords('a b c d e f g h i j k l m n', 3)).toBe('a b c…');
  });
});

describe('the name comments are signed with', () => {
  it('is kept trimmed, with its spaces collapsed', () => {
    expect(rememberAuthor('  Ann   Critic ')).toBe('Ann Critic');
    expect(commentsUi.getState().author).toBe('Ann Critic');
  });
});
