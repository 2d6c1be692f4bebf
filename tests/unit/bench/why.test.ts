import { describe, expect, it } from 'vitest';
import { WHY_NOT_MET, whyNotMet } from '../../../bench/why';

describe('why a goal is not met (bench/why.ts)', () => {
  it('finds the reason by the figure’s key or a prefix of it, and none for a figure without one', () => {
    expect(whyNotMet('node.undo.10000')).toBe(WHY_NOT_MET['node.undo.']);
    expect(whyNotMet('node.undone')).toBeNull();
    expect(whyNotMet('browser.first.100')).toBe(WHY_NOT_MET['browser.first.'] ?? null);
  });
  it('gives every reason in words, not a placeholder', () => {
    for (const why of Object.values(WHY_NOT_MET)) expect(why.length).toBeGreaterThan(40);
  });
});
