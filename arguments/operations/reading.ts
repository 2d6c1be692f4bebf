// Locking a map for reading (seminar mode): the lock is part of the saved view, so a handed-out
// file opens read-only on any machine. While it is locked the editor refuses every other
// operation (renderer/store: `attempt`); these two are how the instructor locks and unlocks.
import type { Operation } from '../history';

export const LOCK_LABEL = 'Lock for reading';
export const UNLOCK_LABEL = 'Unlock for editing';

const LOCKS = new WeakSet<Operation>();

/** Whether `op` is one of setReadOnly's: the one kind of step a locked map takes. */
export const changesOnlyTheLock = (op: Operation): boolean => LOCKS.has(op);

export function setReadOnly(locked: boolean): Operation {
  const op: Operation = {
    label: locked ? LOCK_LABEL : UNLOCK_LABEL,
    check: (map) => ((map.view.readOnly === true) === locked ? (locked ? 'The map is already locked for reading.' : 'The map is not locked.') : null),
    apply: (d) => {
      if (locked) d.view.readOnly = true;
      else delete d.view.readOnly;
    },
  };
  LOCKS.add(op);
  return op;
}
