// The outline: the argument as an indented tree (arguments/analysis/outline.ts), beside the map
// or instead of it, following the WAI-ARIA tree pattern: one Tab stop, ↑ ↓ through the items,
// → opens or goes in, ← closes or goes up, Home / End, letters jump to the next item starting
// with them; Enter or F2 edits a node's text in place (one undo step), Enter on a reference goes
// to the node's first place. Focusing an item selects its node, so the canvas and the inspector
// follow; a node selected elsewhere becomes the current item.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { foldQuery } from '../../arguments/analysis/find';
import { outlineOf, visibleRows, type Outline, type OutlineItem, type OutlineRow } from '../../arguments/analysis/outline';
import type { ArgumentMap, Id } from '../../arguments/model';
import { editNode } from '../../arguments/operations';
import { KIND_GLYPH } from '../canvas/ArgumentNode';
import { finishEditing } from '../commands';
import { run, select, useEditor } from '../store/store';
import { setOutlineMode, useOutlineMode } from './outlineState';
import { itemLabel, itemWords, typeAheadName } from './wording';
import './outline.css';

/** The keys of the items above `item`: they must be open for it to be seen. */
function ancestorKeys(item: OutlineItem): string[] {
  const keys: string[] = [];
  for (let p = item.parent; p; p = p.parent) keys.push(p.key);
  return keys;
}

function TextEditor({ text, onDone }: { text: string; onDone: (text: string | null) => void }) {
  const [value, setValue] = useState(text);
  const done = useRef(false);
  const finish = (v: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(v);
  };
  return (
    <textarea
      className="aa-ol-editor"
      aria-label="Node text"
      autoFocus
      value={value}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          finish(null);
        } else if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(value);
        }
      }}
    />
  );
}

interface RowProps {
  row: OutlineRow;
  map: ArgumentMap;
  outline: Outline;
  active: boolean;
  selected: boolean;
  editor: 'local' | 'store' | null;
  onActivate(): void;
  onToggle(): void;
  onEdit(): void;
  onEdited(text: string | null): void;
}

function Row({ row, map, outline, active, selected, editor, onActivate, onToggle, onEdited, onEdit }: RowProps) {
  const { item, expanded } = row;
  const words = itemWords(map, item, item.node !== null ? outline.primary.get(item.node) : undefined);
  const node = item.node !== null && Object.hasOwn(map.nodes, item.node) ? map.nodes[item.node]! : undefined;
  const count = item.kind === 'unconnected' ? ` (${item.children.length})` : '';
  return (
    <div
      role="treeitem"
      className={`aa-ol-item aa-ol-${item.kind}${node ? ` aa-ol-kind-${node.kind}` : ''}${active ? ' active' : ''}`}
      data-key={item.key}
      data-node-id={item.node ?? undefined}
      data-primary={item.kind === 'node' ? 'true' : undefined}
      aria-level={item.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={expanded ?? undefined}
      aria-selected={selected}
      aria-label={itemLabel(words) + count}
      tabIndex={active ? 0 : -1}
      style={{ paddingLeft: 6 + (item.level - 1) * 18 }}
      onClick={onActivate}
      onDoubleClick={() => node && onEdit()}
    >
      <span
        className="aa-ol-toggle"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          if (expanded !== null) onToggle();
        }}
      >
        {expanded === null ? '' : expanded ? '▾' : '▸'}
      </span>
      <span className="aa-ol-body">
        <span className="aa-ol-line">
          {words.relation && <span className="aa-ol-relation">{words.relation}</span>}
          {node && (
            <span className="aa-ol-kind">
              <span aria-hidden="true">{KIND_GLYPH[node.kind]}</span> {words.kind}
            </span>
          )}
          {words.title && <span className="aa-ol-title">{words.title + count}</span>}
          {words.voice && <span className={`aa-voice aa-voice-${words.voice}`}>{words.voice}</span>}
        </span>
        {editor && node ? <TextEditor text={node.text} onDone={onEdited} /> : words.text && <span className="aa-ol-text">{words.text}</span>}
        {words.seeAlso && <span className="aa-ol-see">↪ {words.seeAlso}</span>}
      </span>
    </div>
  );
}

export function OutlineView() {
  const mode = useOutlineMode();
  // During a drag, the map as the gesture began: the outline does not rebuild on every frame.
  const map = useEditor((s) => s.history.gestureBase ?? s.history.present);
  const outline = useMemo(() => outlineOf(map), [map]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => visibleRows(outline, collapsed), [outline, collapsed]);
  const selectedNodes = useEditor((s) => s.selection.nodes);
  const storeEditing = useEditor((s) => s.editing);
  const selected = useMemo(() => new Set(selectedNodes), [selectedNodes]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const tree = useRef<HTMLDivElement>(null);
  const focusKey = useRef<string | null>(null);
  const typed = useRef({ text: '', at: 0 });

  const found = activeKey !== null ? rows.findIndex((r) => r.item.key === activeKey) : -1;
  const activeIndex = found >= 0 ? found : 0;
  const activeRow: OutlineRow | undefined = rows[activeIndex];

  const reveal = (item: OutlineItem) => {
    const above = ancestorKeys(item).filter((k) => collapsed.has(k));
    if (above.length > 0)
      setCollapsed((c) => {
        const next = new Set(c);
        for (const k of above) next.delete(k);
        return next;
      });
  };

  // A node selected elsewhere (the canvas, Find, the sources) becomes the current item, shown but not focused.
  const selectedFirst = selectedNodes[0] ?? null;
  useEffect(() => {
    if (selectedFirst === null || activeRow?.item.node === selectedFirst) return;
    const item = outline.primary.get(selectedFirst);
    if (!item) return;
    reveal(item);
    setActiveKey(item.key);
    requestAnimationFrame(() => tree.current?.querySelector(`[data-key="${CSS.escape(item.key)}"]`)?.scrollIntoView({ block: 'nearest' }));
  }, [selectedFirst, outline]); // eslint-disable-line react-hooks/exhaustive-deps

  // Focus follows the keys once the item is drawn.
  useLayoutEffect(() => {
    const key = focusKey.current;
    if (key === null) return;
    const el = tree.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    }
    // Asked once: an item that is gone (a new node taken back) is not focused later when it comes back.
    if (el || !rows.some((r) => r.item.key === key)) focusKey.current = null;
  });

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setActiveKey(row.item.key);
    // Asked only when focus is not there yet: a pending request would pull focus back out of an editor opened next.
    const el = tree.current?.querySelector(`[data-key="${CSS.escape(row.item.key)}"]`);
    focusKey.current = el && el === document.activeElement ? null : row.item.key;
    if (row.item.node !== null) select({ nodes: [row.item.node], relations: [] });
  };
  const goToItem = (item: OutlineItem) => {
    reveal(item);
    setActiveKey(item.key);
    focusKey.current = item.key;
    if (item.node !== null) select({ nodes: [item.node], relations: [] });
  };
  const toggle = (key: string, open?: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      const close = open === undefined ? !next.has(key) : !open;
      if (close) next.add(key);
      else next.delete(key);
      return next;
    });
  const editItem = (key: string) => {
    focusKey.current = null;
    setEditingKey(key);
  };
  const finishLocal = (id: Id, key: string, text: string | null) => {
    setEditingKey(null);
    if (text !== null && Object.hasOwn(map.nodes, id) && text !== map.nodes[id]!.text) run(editNode(id, { text }));
    focusKey.current = key;
  };

  // Focus put on an item from elsewhere (a command giving focus back, a script, assistive
  // technology) makes it the current item, as the keys do.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    const key = el.getAttribute('role') === 'treeitem' ? el.getAttribute('data-key') : null;
    if (key === null || key === activeRow?.item.key) return;
    const item = outline.byKey.get(key);
    if (!item) return;
    setActiveKey(key);
    if (item.node !== null && !(selectedNodes.length === 1 && selectedNodes[0] === item.node)) select({ nodes: [item.node], relations: [] });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem' || e.ctrlKey || e.metaKey || e.altKey || !activeRow) return;
    const { item, expanded } = activeRow;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1);
        break;
      case 'ArrowRight':
        if (expanded === false) toggle(item.key, true);
        else if (expanded) moveTo(activeIndex + 1);
        break;
      case 'ArrowLeft':
        if (expanded) toggle(item.key, false);
        else if (item.parent) goToItem(item.parent);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        if (item.kind === 'reference' && item.node !== null && outline.primary.has(item.node)) goToItem(outline.primary.get(item.node)!);
        else if (item.node !== null) editItem(item.key);
        else if (expanded !== null) toggle(item.key);
        break;
      case 'F2':
        if (item.node !== null) editItem(item.key);
        break;
      case '*':
        setCollapsed((c) => {
          const next = new Set(c);
          for (const sibling of item.parent?.children ?? outline.roots) next.delete(sibling.key);
          return next;
        });
        break;
      default:
        handled = e.key.length === 1 && e.key !== ' ' && typeAhead(e.key);
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** Letters typed in quick succession: the next item whose title (or text) begins with them. */
  const typeAhead = (ch: string): boolean => {
    const now = performance.now();
    const t = typed.current;
    t.text = now - t.at > 700 ? ch : t.text + ch;
    t.at = now;
    const q = foldQuery(t.text);
    if (q === '') return true;
    const from = t.text.length === 1 ? activeIndex + 1 : activeIndex;
    for (let k = 0; k < rows.length; k++) {
      const i = (from + k) % rows.length;
      if (foldQuery(typeAheadName(map, rows[i]!.item).slice(0, 80)).startsWith(q)) {
        moveTo(i);
        break;
      }
    }
    return true;
  };

  const onlyOutline = mode === 'instead';
  return (
    <section className="aa-outline" aria-label="Outline">
      <header className="aa-ol-head">
        <h2 id="aa-outline-title">Outline</h2>
        <button type="button" aria-pressed={onlyOutline} onClick={() => setOutlineMode(onlyOutline ? 'beside' : 'instead')} title="The outline instead of the map (pressed), or beside it">
          Outline only
        </button>
        <button type="button" onClick={() => setCollapsed(new Set())}>Expand all</button>
        <button type="button" onClick={() => setCollapsed(new Set([...outline.byKey.values()].filter((i) => i.children.length > 0 && i.level > 1).map((i) => i.key)))}>
          Collapse all
        </button>
      </header>
      {rows.length === 0 ? (
        <p className="aa-muted aa-ol-empty">The map has no nodes yet.</p>
      ) : (
        <div ref={tree} role="tree" aria-labelledby="aa-outline-title" className="aa-ol-tree" onKeyDown={onKeyDown} onFocus={onFocus}>
          {rows.map((row, i) => {
            const { item } = row;
            const local = editingKey === item.key;
            // With the map hidden, a node being written (just added, Enter) is written here.
            const fromStore = onlyOutline && item.kind === 'node' && item.node !== null && storeEditing === item.node;
            return (
              <Row
                key={item.key}
                row={row}
                map={map}
                outline={outline}
                active={i === activeIndex}
                selected={item.node !== null && selected.has(item.node)}
                editor={local ? 'local' : fromStore ? 'store' : null}
                onActivate={() => moveTo(i)}
                onToggle={() => toggle(item.key)}
                onEdit={() => editItem(item.key)}
                onEdited={(text) => {
                  if (local) finishLocal(item.node!, item.key, text);
                  else {
                    finishEditing(item.node!, text);
                    focusKey.current = item.key;
                  }
                }}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
