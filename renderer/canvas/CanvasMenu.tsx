// Right-click menus: on the empty canvas (add a node here), on a node, on an arrow.
import { useEffect, useRef } from 'react';
import { NODE_KINDS, NODE_KIND_LABELS, RELATION_KINDS, type Id, type Point } from '../../arguments/model';
import { setCollapsed } from '../../arguments/operations';
import { addNodeOfKind, changeRelationKind, copySelection, deleteSelection, linkSelectedPremises, unlinkSelectedPremises } from '../commands';
import { openConnectDialog } from '../panels/connectDialogState';
import { openAddSource } from '../sources/addSourceState';
import { run, startEditing, useMap } from '../store/store';
import { zoomToClaim } from './zoom';
import { judgedKind, VERDICTS, type Verdict } from '../../arguments/analysis/evaluation';
import { setEvaluation } from '../../arguments/operations';
import { useLayers } from '../status/layersState';
import { verdictWord } from '../status/verdicts';

/** The verdicts that fit a node or an inference, by the remembered judge: one undo step each. */
function JudgeItems({ id, act }: { id: Id; act: (fn: () => void) => () => void }) {
  const judge = useLayers((s) => s.judge);
  const kind = useMap((m) => {
    const k = judgedKind(m, id);
    return typeof k === 'string' ? k : null;
  });
  if (kind === null) return null;
  return (
    <>
      {(VERDICTS[kind] as readonly Verdict[]).map((v) => (
        <button key={v} role="menuitem" type="button" onClick={act(() => run(setEvaluation(id, judge, v, undefined, new Date().toISOString())))}>
          {verdictWord(kind, v)} (as {judge})
        </button>
      ))}
    </>
  );
}

export type MenuState =
  | { kind: 'pane'; x: number; y: number; flowPoint: Point }
  | { kind: 'node'; id: Id; x: number; y: number; flowPoint: Point }
  | { kind: 'relation'; id: Id; x: number; y: number; flowPoint: Point };

export function CanvasMenu({ menu, onClose }: { menu: MenuState; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const relation = useMap((m) => (menu.kind === 'relation' && Object.hasOwn(m.relations, menu.id) ? m.relations[menu.id] : undefined));
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [onClose]);
  const act = (fn: () => void) => () => {
    fn();
    onClose();
  };
  return (
    <div ref={ref} className="aa-popover aa-menu" role="menu" style={{ left: menu.x, top: menu.y }} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      {menu.kind === 'pane' && (
        <>
          {NODE_KINDS.map((k) => (
            <button key={k} role="menuitem" type="button" onClick={act(() => addNodeOfKind(k, menu.flowPoint))}>
              Add {NODE_KIND_LABELS[k].toLowerCase()} here
            </button>
          ))}
          <button role="menuitem" type="button" onClick={act(() => openAddSource())}>
            Add source…
          </button>
        </>
      )}
      {menu.kind === 'node' && (
        <>
          <button role="menuitem" type="button" onClick={act(() => startEditing(menu.id))}>Edit text</button>
          <button role="menuitem" type="button" onClick={act(() => openConnectDialog(menu.id))}>Connect to…</button>
          <button role="menuitem" type="button" onClick={act(() => zoomToClaim(menu.id))}>Zoom to it and all that bears on it</button>
          <button role="menuitem" type="button" onClick={act(copySelection)}>Copy</button>
          <button role="menuitem" type="button" onClick={act(linkSelectedPremises)}>Link selected as co-premises</button>
          <button role="menuitem" type="button" onClick={act(() => run(setCollapsed(menu.id, true)))}>Collapse</button>
          <JudgeItems id={menu.id} act={act} />
          <button role="menuitem" type="button" onClick={act(deleteSelection)}>Delete</button>
        </>
      )}
      {menu.kind === 'relation' && relation && (
        <>
          {RELATION_KINDS.filter((k) => (k === 'undercuts') === (relation.kind === 'undercuts') && k !== relation.kind).map((k) => (
            <button key={k} role="menuitem" type="button" onClick={act(() => changeRelationKind(menu.id, k))}>
              Change to “{k}”
            </button>
          ))}
          {relation.from.length > 1 && <button role="menuitem" type="button" onClick={act(unlinkSelectedPremises)}>Unlink co-premises</button>}
          <button role="menuitem" type="button" onClick={act(() => openConnectDialog(null, menu.id))}>Undercut this inference…</button>
          <JudgeItems id={menu.id} act={act} />
          <button role="menuitem" type="button" onClick={act(deleteSelection)}>Delete arrow</button>
        </>
      )}
    </div>
  );
}
