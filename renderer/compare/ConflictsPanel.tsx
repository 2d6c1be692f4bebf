// A merge's conflicts: each kept (both versions, theirs as a copy) and flagged on the canvas;
// choosing one selects and frames what it is about.
import { useEffect, useId, useRef } from 'react';
import type { MergeConflict } from '../../arguments/compare/merge';
import { focusNodeSoon } from '../canvas/navigation';
import { getMap } from '../store/store';
import { closeMergeConflicts, showNodes, useCompare } from './compareState';
import { conflictSelection } from './marks';

function goToConflict(c: MergeConflict): void {
  const map = getMap();
  const { nodes, relations } = conflictSelection(c, map);
  const ends = relations.flatMap((id) => [...map.relations[id]!.from, map.relations[id]!.to]).filter((id) => Object.hasOwn(map.nodes, id));
  const shown = nodes.length > 0 ? nodes : ends;
  showNodes(shown, relations);
  focusNodeSoon(shown[0] ?? null, 'canvas');
}

export function ConflictsPanel() {
  const base = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const merge = useCompare((s) => s.merge)!;
  useEffect(() => heading.current?.focus(), [merge]);
  return (
    <aside className="aa-compare-panel aa-merge-panel" aria-labelledby={`${base}-h`}>
      <div className="aa-compare-bar">
        <h2 id={`${base}-h`} ref={heading} tabIndex={-1}>
          Merge conflicts ({merge.conflicts.length})
        </h2>
        <button type="button" onClick={closeMergeConflicts}>
          Close
        </button>
      </div>
      <p className="aa-compare-intro">
        Merged with “<span className="aa-compare-name">{merge.theirsName}</span>”.{' '}
        {merge.conflicts.length === 0 ? 'Nothing was changed differently on both sides.' : 'Both versions are kept; the cards concerned are marked “Merge conflict”. Resolve each by editing or deleting the version you do not want.'}
      </p>
      <ul className="aa-compare-findings">
        {merge.conflicts.map((c, i) => {
          const there = conflictSelection(c, getMap());
          return (
            <li key={i}>
              {there.nodes.length + there.relations.length > 0 ? (
                <button type="button" className="aa-compare-finding" onClick={() => goToConflict(c)}>
                  {c.message}
                </button>
              ) : (
                <span>{c.message}</span>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
