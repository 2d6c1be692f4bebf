import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../../arguments/model';
import { DEFAULT_RELATION } from '../../../../renderer/panels/connectDialogState';

describe('the relation the Connect dialog proposes', () => {
  it('follows the kind connected from: objections and rebuttals oppose, notes qualify, reasons and evidence support', () => {
    expect(DEFAULT_RELATION.counter).toBe('opposes');
    expect(DEFAULT_RELATION.rebuttal).toBe('opposes');
    expect(DEFAULT_RELATION.note).toBe('qualifies');
    for (const k of ['claim', 'premise', 'evidence'] as const) expect(DEFAULT_RELATION[k]).toBe('supports');
  });
  it('never proposes an undercut (that targets an arrow, chosen from the arrow) and has a relation for every kind', () => {
    expect(Object.keys(DEFAULT_RELATION).sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.values(DEFAULT_RELATION)).not.toContain('undercuts');
  });
});
