// Why a goal is not met, from the evidence taken when it was last looked into (a profile or a
// trace, named here): printed beside the goal in bench/results/latest.md, so a "no" is never
// left bare. Keyed by the figure's key, or a prefix of it ending in "."; the longest one wins.
export const WHY_NOT_MET: Readonly<Record<string, string>> = {
  'node.undo.': 'Each step replaces the 10,000-key node record (immer copies it); the live-seminar issue (16) replaces this history with Y.UndoManager, whose steps do not grow with the map.',
  'node.redo.': 'As undo: the record of 10,000 nodes is copied per step (issue 16 replaces the history).',
};

export function whyNotMet(key: string): string | null {
  let best: string | null = null;
  for (const k of Object.keys(WHY_NOT_MET))
    if ((key === k || (k.endsWith('.') && key.startsWith(k))) && (best === null || k.length > best.length)) best = k;
  return best === null ? null : WHY_NOT_MET[best]!;
}
