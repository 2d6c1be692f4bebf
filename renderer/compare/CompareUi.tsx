// Everything of a comparison or a merge the window shows: the feedback and conflicts panels, the
// student's map beside the model, the merge dialog. Nothing while presenting (the overlay's marks
// are hidden then too: compare.css).
import { useEditor } from '../store/store';
import { ComparePanel } from './ComparePanel';
import { ConflictsPanel } from './ConflictsPanel';
import { MergeDialog } from './MergeDialog';
import { StudentMap } from './StudentMap';
import { useCompare } from './compareState';
import './compare.css';

export function CompareUi() {
  const presenting = useEditor((s) => s.presentation !== null);
  const comparing = useCompare((s) => s.session !== null);
  const sideBySide = useCompare((s) => s.sideBySide);
  const merged = useCompare((s) => s.merge !== null);
  return (
    <>
      {!presenting && (comparing || merged) && (
        <div className="aa-compare-column">
          {comparing && <ComparePanel />}
          {merged && <ConflictsPanel />}
        </div>
      )}
      {!presenting && comparing && sideBySide && <StudentMap />}
      <MergeDialog />
    </>
  );
}
