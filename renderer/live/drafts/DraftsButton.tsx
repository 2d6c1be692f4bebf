// The instructor's "Drafts" in the seminar's bar: it opens the list of the students' private drafts
// (DraftsDialog.tsx, a chunk of its own, fetched when first opened). Shown to the instructor only:
// the desktop app's hosting window (its main process asks the host) and a browser joined with the key.
import { lazy, Suspense, useState } from 'react';
import { useLive } from '../liveState';

const DraftsDialog = lazy(() => import('./DraftsDialog'));

export function DraftsButton() {
  const role = useLive((s) => s.room?.role);
  const [open, setOpen] = useState(false);
  if (role !== 'instructor') return null;
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)} title="The students’ private drafts: compare one with the class map and bring its nodes in">
        Drafts
      </button>
      {open && (
        <Suspense fallback={null}>
          <DraftsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
