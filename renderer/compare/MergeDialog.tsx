// File > Merge Edits from…: the open map is "ours"; the user chooses the version both copies
// started from (the base) and the other edited copy, then merges as one undo step. A file that is
// not a map is refused here, in the loader's words, and nothing changes.
import { useId, useState } from 'react';
import type { ArgumentMap } from '../../arguments/model';
import { Modal } from '../panels/Modal';
import { notify } from '../store/store';
import { chooseMapFile, closeMergeDialog, mergeIntoMap, useCompare } from './compareState';

type Chosen = { name: string; map: ArgumentMap } | null;

function MergeForm() {
  const id = useId();
  const [base, setBase] = useState<Chosen>(null);
  const [theirs, setTheirs] = useState<Chosen>(null);
  const [problem, setProblem] = useState<{ title: string; lines: string[] } | null>(null);
  const choose = async (set: (c: Chosen) => void) => {
    const read = await chooseMapFile();
    if (!read) return;
    if (!read.ok) {
      setProblem({ title: read.title, lines: read.lines });
      return;
    }
    setProblem(null);
    set({ name: read.name, map: read.map });
  };
  const merge = () => {
    if (!base || !theirs) return;
    const outcome = mergeIntoMap(base.map, theirs.map, theirs.name);
    if (!outcome) return;
    closeMergeDialog();
    const n = outcome.conflicts.length;
    notify({
      kind: 'info',
      title: `Merged the edits of “${theirs.name}”`,
      lines: [
        n === 0 ? 'No conflicts: every change of either copy was taken. Undo takes the whole merge back.' : `${n} conflict${n === 1 ? '' : 's'}: both versions are kept and flagged (listed in the Merge conflicts panel). Undo takes the whole merge back.`,
        ...outcome.repairs.map((r) => r.message),
      ],
    });
  };
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-desc`} className="aa-merge-dialog" onClose={closeMergeDialog}>
      <h2 id={`${id}-title`}>Merge edits</h2>
      <p id={`${id}-desc`}>
        The open map is one edited copy. Choose the version both copies started from and the other edited copy: what only one side changed is taken; what both changed differently is kept twice and flagged, never decided for you.
      </p>
      <div className="aa-merge-file">
        <button type="button" onClick={() => void choose(setBase)} aria-describedby={`${id}-base`}>
          Choose the base version…
        </button>
        <span id={`${id}-base`}>{base ? `Base: “${base.name}”` : 'No base version chosen'}</span>
      </div>
      <div className="aa-merge-file">
        <button type="button" onClick={() => void choose(setTheirs)} aria-describedby={`${id}-theirs`}>
          Choose the other edited copy…
        </button>
        <span id={`${id}-theirs`}>{theirs ? `Other copy: “${theirs.name}”` : 'No other copy chosen'}</span>
      </div>
      {problem && (
        <div className="aa-merge-problem" role="alert">
          <strong>{problem.title}</strong>
          {problem.lines.map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </div>
      )}
      <div className="aa-modal-buttons">
        <button type="button" onClick={closeMergeDialog}>
          Cancel
        </button>
        <button type="button" disabled={!base || !theirs} onClick={merge}>
          Merge
        </button>
      </div>
    </Modal>
  );
}

export function MergeDialog() {
  const open = useCompare((s) => s.mergeDialog);
  return open ? <MergeForm /> : null;
}
