// One write path for every undoable change: an Operation's recipe runs through immer's
// produceWithPatches, and the patches and their inverses are the undo history.
// Gestures (a drag sends dozens of frames) go through `preview`, which records nothing;
// `commit` at the drop then records the whole gesture as one step from where it started.
import { applyPatches, enablePatches, produce, produceWithPatches, type Draft, type Patch } from 'immer';
import type { ArgumentMap } from './model';

enablePatches();

export interface Operation {
  /** Shown in Edit > Undo "…". */
  label: string;
  /** Why the operation cannot be done on this map, in words; null when it can. */
  check?: (map: ArgumentMap) => string | null;
  apply: (draft: Draft<ArgumentMap>) => void;
}

export interface Change {
  label: string;
  patches: Patch[];
  inverse: Patch[];
}

export interface History {
  readonly present: ArgumentMap;
  readonly past: readonly Change[];
  readonly future: readonly Change[];
  /** The map as it was when the current gesture began. */
  readonly gestureBase?: ArgumentMap;
}

export type CommitResult = { ok: true; history: History; change: Change } | { ok: false; reason: string };

export function createHistory(map: ArgumentMap): History {
  return { present: map, past: [], future: [] };
}

// immer refuses to apply a patch whose path passes through one of these keys (a guard
// against prototype pollution), but "constructor" is a legal id: such a patch is recorded
// instead as setting the whole entry it passes through to its value after the change.
const RESERVED = new Set<unknown>(['__proto__', 'constructor', 'prototype']);

function applicable(patches: Patch[], after: ArgumentMap): Patch[] {
  if (!patches.some((p) => p.path.slice(0, -1).some((k) => RESERVED.has(k)))) return patches;
  return patches.map((p) => {
    const at = p.path.findIndex((k, i) => i < p.path.length - 1 && RESERVED.has(k));
    if (at < 0) return p;
    const path = p.path.slice(0, at + 1);
    let value: unknown = after;
    for (const k of path) value = value !== null && typeof value === 'object' && Object.hasOwn(value, k) ? (value as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
    return value === undefined ? { op: 'remove', path } : { op: 'replace', path, value };
  });
}

function run(base: ArgumentMap, op: Operation): { ok: true; next: ArgumentMap; change: Change } | { ok: false; reason: string } {
  const reason = op.check?.(base) ?? null;
  if (reason !== null) return { ok: false, reason };
  const [next, patches, inverse] = produceWithPatches(base, op.apply);
  return { ok: true, next, change: { label: op.label, patches: applicable(patches, next), inverse: applicable(inverse, base) } };
}

/** Applies an operation as one undoable step. A change that changes nothing is not recorded. */
export function commit(history: History, op: Operation): CommitResult {
  const base = history.gestureBase ?? history.present;
  const result = run(base, op);
  if (!result.ok) return result;
  if (result.change.patches.length === 0) return { ok: true, history: { ...history, present: base, gestureBase: undefined }, change: result.change };
  return {
    ok: true,
    change: result.change,
    history: { present: result.next, past: [...history.past, result.change], future: [] },
  };
}

/** A frame of a gesture: shown at once, not recorded. Refused operations leave the history as it is. */
export function preview(history: History, op: Operation): History {
  const reason = op.check?.(history.present) ?? null;
  if (reason !== null) return history;
  return { ...history, present: produce(history.present, op.apply), gestureBase: history.gestureBase ?? history.present };
}

export function cancelGesture(history: History): History {
  return history.gestureBase ? { ...history, present: history.gestureBase, gestureBase: undefined } : history;
}

export function undo(history: History): History {
  const settled = cancelGesture(history);
  const change = settled.past[settled.past.length - 1];
  if (!change) return settled;
  return {
    present: applyPatches(settled.present, change.inverse),
    past: settled.past.slice(0, -1),
    future: [change, ...settled.future],
  };
}

export function redo(history: History): History {
  const settled = cancelGesture(history);
  const change = settled.future[0];
  if (!change) return settled;
  return {
    present: applyPatches(settled.present, change.patches),
    past: [...settled.past, change],
    future: settled.future.slice(1),
  };
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;
export const undoLabel = (h: History) => h.past[h.past.length - 1]?.label;
export const redoLabel = (h: History) => h.future[0]?.label;

/**
 * Identifies the saved state: compare `savePoint(history)` taken at save time with the
 * current one to know whether the document is dirty (works across undo and redo).
 */
export function savePoint(history: History): Change | null {
  return history.past[history.past.length - 1] ?? null;
}

/**
 * The last two steps as one, named `label`: undone and redone together (a node's creation
 * and its first text are one step). Unchanged when there are fewer than two or a gesture is open.
 */
export function squashLast(history: History, label: string): History {
  const n = history.past.length;
  if (n < 2 || history.gestureBase) return history;
  const first = history.past[n - 2]!;
  const second = history.past[n - 1]!;
  const merged: Change = { label, patches: [...first.patches, ...second.patches], inverse: [...second.inverse, ...first.inverse] };
  return { present: history.present, past: [...history.past.slice(0, n - 2), merged], future: history.future };
}
