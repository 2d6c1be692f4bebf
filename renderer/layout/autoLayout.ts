// Auto-layout on demand: the map's nodes, at the sizes the canvas measured, laid out by ELK in a
// Web Worker, applied as one undoable step. The page's thread does only what is proportional to
// the map and cheap: the compact input (arguments/layout/packed.ts: no ELK graph is built or
// cloned here), reading the positions back from one transferred Float64Array, and applying them
// (applyLayout.ts: a large map in chunks across tasks, recorded as one step). The worker is
// warmed up while the page is idle (warmUp.ts) and kept between layouts.
import type { ElkNode } from 'elkjs/lib/elk-api';
import { freeze } from 'immer';
import { createStore, useStore } from 'zustand';
import type { Size } from '../../arguments/layout/layered';
import { layoutInput, unpackPositions } from '../../arguments/layout/packed';
import type { ArgumentMap, Id } from '../../arguments/model';
import { editor, getMap, notify, requestFit, requestOpeningView } from '../store/store';
import { applyPositions } from './applyLayout';
import { createLayoutClient, errorMessage, type LayoutChannel, type LayoutChannelEvents, type LayoutClient } from './layoutProtocol';
import { sampleOfInput, whenIdle } from './warmUp';

// ----- node sizes ---------------------------------------------------------------

type SizeSource = () => Record<Id, Size>;
let sizeSource: SizeSource | null = null;

/**
 * The canvas registers how to read the sizes React Flow measured (nodes it has not measured,
 * and every node when nothing is registered, count as 260 x 110). Returns an unregister function
 * that only unregisters this source (for a useEffect cleanup).
 */
export function setNodeSizeSource(fn: SizeSource | null): () => void {
  sizeSource = fn;
  return () => {
    if (sizeSource === fn) sizeSource = null;
  };
}

/** The sizes the canvas measured (empty before it has); placement and auto-layout read them. */
export function measuredNodeSizes(): Record<Id, Size> {
  return measuredSizes();
}

function measuredSizes(): Record<Id, Size> {
  try {
    return sizeSource?.() ?? {};
  } catch {
    return {};
  }
}

// ----- busy state -----------------------------------------------------------------

const busyStore = createStore<{ busy: boolean }>(() => ({ busy: false }));

/** True while a layout runs: callers show "Laying out…" and may disable the command. */
export const useLayoutBusy = (): boolean => useStore(busyStore, (s) => s.busy);
export const isLayoutBusy = (): boolean => busyStore.getState().busy;

// ----- the worker -----------------------------------------------------------------

function openWorker(events: LayoutChannelEvents): LayoutChannel {
  const worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: 'elk-layout' });
  worker.onmessage = (e) => events.message(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    events.fail(e.message ? `The layout worker failed: ${e.message}` : 'The layout worker could not be started.');
  };
  worker.onmessageerror = () => events.fail('The layout worker sent an answer that could not be read.');
  return { send: (request, transfer = []) => worker.postMessage(request, transfer), close: () => worker.terminate() };
}

let client: LayoutClient | null = null;
const layoutClient = (): LayoutClient => (client ??= createLayoutClient(openWorker));

/**
 * Starts the layout worker (it loads ELK) ahead of a layout that is about to be asked for: the
 * pointer is over the Auto-layout button, or it has focus. Not at start-up: a map that is never
 * laid out never loads ELK.
 */
export function prepareAutoLayout(): void {
  layoutClient().prepare();
}

let warmed = false;
/** Maps of at least this many nodes warm the worker up (below it a cold first layout takes well under a second). */
export const WARM_UP_ABOVE = 300;

/**
 * Once the page is idle after a map has opened, starts the layout worker and lays out a sample
 * of the map there (renderer/layout/warmUp.ts), so the first auto-layout finds ELK loaded and
 * compiled. Once per session (the worker is kept between layouts). Returns a cancel function.
 */
export function warmAutoLayoutWhenIdle(): () => void {
  if (warmed) return () => {};
  return whenIdle(() => {
    const map = getMap();
    // A small map's first layout is quick even cold: it does not load ELK until asked to.
    if (warmed || Object.keys(map.nodes).length < WARM_UP_ABOVE) return;
    warmed = true;
    const sample = sampleOfInput(layoutInput(map, measuredSizes()));
    // A failed warm-up only means the first layout starts cold; that layout reports its own failure.
    layoutClient().layoutMap(sample, [sample.sizes.buffer]).catch(() => {});
  });
}

/** ELK in the layout worker, for other layouts than the map's own (page-fit figures, export/fit.ts). */
export const layoutEngine = { layout: async (graph: ElkNode): Promise<ElkNode> => (await layoutClient().layout(graph)).graph };

// ----- running a layout --------------------------------------------------------------

/** Resolves once no drag is in progress, so the layout does not land in the middle of one. */
function gestureSettled(): Promise<void> {
  if (!editor.getState().history.gestureBase) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = editor.subscribe((s) => {
      if (s.history.gestureBase) return;
      stop();
      resolve();
    });
  });
}

/** Same document? Edits keep `meta.created`; opening or creating another map changes it. */
const sameDocument = (a: ArgumentMap, b: ArgumentMap) => a.meta.created === b.meta.created;

/** immer's deep freeze stops at a frozen object, and a drag frame freezes only a map's root and view: each record is frozen on its own. */
function freezeMap(map: ArgumentMap): void {
  for (const part of Object.values(map) as unknown[]) {
    if (typeof part === 'object' && part !== null) for (const record of Object.values(part)) freeze(record, true);
    freeze(part, true);
  }
}

async function layoutOnce(): Promise<void> {
  const map = getMap();
  if (Object.keys(map.nodes).length === 0) return;
  busyStore.setState({ busy: true });
  try {
    const input = layoutInput(map, measuredSizes());
    const ids = input.nodes.map((n) => n.id);
    const answer = layoutClient().layoutMap(input, [input.sizes.buffer]);
    // The first change to a map after it opens freezes all of it (immer freezes what is not frozen
    // yet): done while ELK works, so the change that applies the answer does not pay for it (about
    // 30 ms at 3,000 nodes). The store's maps are immutable already; this only says so to immer.
    setTimeout(() => freezeMap(map), 0);
    const { positions: packed, ms } = await answer;
    // ELK's own time in the worker, for DevTools and bench/layout.ts (the rest is this thread's).
    performance.mark(LAYOUT_MARK, { detail: { elkMs: ms } });
    await gestureSettled();
    const now = getMap();
    if (!sameDocument(map, now)) return;
    // Nodes deleted meanwhile are dropped; nodes added meanwhile keep where they are.
    const positions = unpackPositions(ids, packed, (id) => Object.hasOwn(now.nodes, id));
    if (Object.keys(positions).length === 0) return;
    if (!(await applyPositions(positions, gestureSettled))) return;
    if (Object.keys(now.nodes).length <= FIT_AFTER_LAYOUT_MAX) requestFit();
    else requestOpeningView();
  } catch (err) {
    notify({ kind: 'error', title: 'Auto-layout failed', lines: [errorMessage(err)] });
  }
}

/**
 * Up to this many nodes the view fits the whole map after a layout. A bigger map fits only at a
 * zoom where no card can be read, and fitting it would bring hundreds of cards into the DOM in
 * one frame (the canvas renders only what is in view above 300 nodes): at 3,000 nodes that frame
 * held the page for 1.5-3.5 s (Chromium trace of bench/browser.ts's auto-layout). It opens
 * where a document opens instead: on its thesis and the claims that bear on it.
 */
export const FIT_AFTER_LAYOUT_MAX = 300;

/** A User Timing mark made when the worker's answer arrives; its detail.elkMs is ELK's time there. */
export const LAYOUT_MARK = 'argument-atlas:auto-layout-answer';

let running: Promise<void> | null = null;

/**
 * Lays out the whole map; one undoable step. While a layout runs, another call returns the
 * same promise. Never rejects: failures are shown as a notice.
 */
export function runAutoLayout(): Promise<void> {
  running ??= layoutOnce().finally(() => {
    running = null;
    busyStore.setState({ busy: false });
  });
  return running;
}
