// What the sources pane reads from the store, derived so that it re-renders only when it
// must: the nodes' quotes (kept identical while no quote, kind or title changes), the node
// whose quote is current, and the passage selected in the shown text.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ArgumentMap, ArgNode, Id, NodeKind, Quote, Source } from '../../arguments/model';
import { useEditor, useMap } from '../store/store';
import { domContainment, rangeToOffsets, type DomLike } from './selectionOffsets';

export interface QuotedNode {
  nodeId: Id;
  kind: NodeKind;
  title: string | undefined;
  quote: Quote;
}

const sameQuoted = (a: readonly QuotedNode[], b: readonly QuotedNode[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i] as QuotedNode;
    return x.nodeId === y.nodeId && x.quote === y.quote && x.kind === y.kind && x.title === y.title;
  });

/** The nodes that quote something, kept identical while no quote, kind or title changes (editing a node's text re-derives nothing). */
export function useQuotedNodes(): readonly QuotedNode[] {
  const nodes = useMap((m) => m.nodes);
  const last = useRef<readonly QuotedNode[]>([]);
  return useMemo(() => {
    const next: QuotedNode[] = [];
    for (const n of Object.values(nodes)) if (n.quote) next.push({ nodeId: n.id, kind: n.kind, title: n.title, quote: n.quote });
    if (!sameQuoted(last.current, next)) last.current = next;
    return last.current;
  }, [nodes]);
}

/** A map holding only the sources: what the audits and quote checks read. */
export function sourcesOnly(sources: Record<Id, Source>, nodes: Record<Id, ArgNode> = {}): ArgumentMap {
  return { meta: { title: '', authors: [], created: '', modified: '' }, sources, nodes, relations: {}, view: { positions: {}, collapsed: [] } };
}

export const asNode = (q: QuotedNode): ArgNode => ({ id: q.nodeId, kind: q.kind, text: '', quote: q.quote, ...(q.title !== undefined ? { title: q.title } : {}) });

/** The selected node if it is the only one and quotes something, else the store's focusQuote. */
export function useCurrentNodeId(): Id | null {
  return useEditor((s) => {
    const only = s.selection.nodes.length === 1 ? s.selection.nodes[0] : undefined;
    return only && Object.hasOwn(s.history.present.nodes, only) && s.history.present.nodes[only]!.quote ? only : s.focusQuote;
  });
}

export interface SelectedPassage {
  source: Id;
  start: number;
  end: number;
}

/** The passage of `source` selected in the text container, as source offsets; null when none. */
export function useSelectedPassage(textRef: RefObject<HTMLDivElement | null>, source: Source | undefined): SelectedPassage | null {
  const [passage, setPassage] = useState<SelectedPassage | null>(null);
  useLayoutEffect(() => {
    if (!source) return;
    const update = (): void => {
      const el = textRef.current;
      const sel = document.getSelection();
      let next: SelectedPassage | null = null;
      if (el && sel && sel.rangeCount > 0 && !sel.isCollapsed) {
        const range = sel.getRangeAt(0);
        if (range.intersectsNode(el)) {
          const r = rangeToOffsets(el as unknown as DomLike, range as unknown as Parameters<typeof rangeToOffsets>[1], source.text.length, domContainment<Node>(el));
          if (r) next = { source: source.id, ...r };
        }
      }
      setPassage((prev) => (prev && next && prev.source === next.source && prev.start === next.start && prev.end === next.end ? prev : next));
    };
    update();
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [source, textRef]);
  return passage && source && passage.source === source.id ? passage : null;
}

/** Set once the window has drawn its first frames: the pane defers its text only at start. */
let firstFramesDrawn = false;

/**
 * False until the window's first frames (the map's) are drawn and the page is idle, then true for
 * good. The pane's heavy part (anchoring every quote of the open source against its text and
 * laying the text out: hundreds of ms for a long source) must not hold up the map's first frame.
 */
export function useAfterFirstFrames(): boolean {
  const [ready, setReady] = useState(firstFramesDrawn);
  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    let cancelWait = () => {};
    const done = () => {
      firstFramesDrawn = true;
      // When the text came, for a profile of the start (bench/trace.ts).
      performance.mark('aa-source-text');
      if (!cancelled) setReady(true);
    };
    const frame = requestAnimationFrame(() => {
      // Idle: the map's frames are done; the timeout bounds the wait on a page that never idles.
      if (typeof requestIdleCallback === 'function') {
        const idle = requestIdleCallback(done, { timeout: 1500 });
        cancelWait = () => cancelIdleCallback(idle);
      } else {
        const timer = window.setTimeout(done, 100);
        cancelWait = () => clearTimeout(timer);
      }
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      cancelWait();
    };
  }, [ready]);
  return ready;
}
