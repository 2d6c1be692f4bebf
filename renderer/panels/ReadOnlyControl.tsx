// The lock of seminar mode, in the toolbar: "Lock" makes the map read-only (saved with the file,
// so a handed-out copy opens locked); while locked, a "Read-only" marker and "Unlock". A window
// locked by a presentation shows the marker without the unlock: the presentation ends it.
import { setReadOnly } from '../../arguments/operations/reading';
import { run, useEditor } from '../store/store';

export function ReadOnlyControl() {
  const fileLocked = useEditor((s) => s.history.present.view.readOnly === true);
  const windowLocked = useEditor((s) => s.presentation !== null);
  // A live seminar's read-only peer: the host decides, so there is nothing to unlock here.
  const seminarLocked = useEditor((s) => s.live?.mayEdit === 'nothing');
  if (seminarLocked && !windowLocked)
    return (
      <span className="aa-read-only" role="status" title="The instructor edits this seminar's map: you can select, read, follow quotes and the status">
        Read-only (seminar)
      </span>
    );
  if (windowLocked)
    return (
      <span className="aa-read-only" role="status">
        Read-only (presentation)
      </span>
    );
  if (!fileLocked)
    return (
      <button type="button" onClick={() => run(setReadOnly(true))} title="Lock the map for reading: nothing can be edited until it is unlocked; the lock is saved with the file">
        Lock
      </button>
    );
  return (
    <>
      <span className="aa-read-only" role="status" title="Nothing can be edited: selecting, reading, following quotes into the sources and the status still work">
        Read-only
      </span>
      <button type="button" onClick={() => run(setReadOnly(false))} title="Unlock the map for editing (one step: Undo locks it again)">
        Unlock
      </button>
    </>
  );
}
