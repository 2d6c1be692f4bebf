// The live document's costs (issue 16): one operation through the Yjs mirror, and one undo and one
// redo with Y.UndoManager, at 100 and 10,000 nodes. The goal: a step at 10,000 nodes costs at most
// twice a step at 100 (the immer history copies the 10,000-key record per step: bench/node.ts).
// The two sizes are measured alternately in one run, so the ratio compares like with like on a
// loaded machine. A step is Y.UndoManager's undo or redo with the session's bookkeeping (what
// changed, whether the normaliser must run); reading the whole map back as a new plain map after
// it (LiveSession.map: a copy of the 10,000-key record it changed) is a row of its own. An edit
// through the mirror is compared with the same edit committed on today's immer history.
import * as Y from 'yjs';
import { serializeMap } from '../arguments/format/serialize';
import { commit, createHistory, type History } from '../arguments/history';
import { fromYDoc, toYDoc } from '../arguments/live/mirror';
import { LiveSession } from '../arguments/live/session';
import type { ArgumentMap } from '../arguments/model';
import { editNode } from '../arguments/operations';
import { FIRST_THESIS, generateMap } from './generate';
import { ratioAtMost, type Figure } from './results';

export interface LivePlan {
  reps: number;
  warmup: boolean;
  /** Smaller maps for a smoke run. */
  sizes?: readonly [number, number];
  log: (line: string) => void;
}

const timed = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

interface Samples {
  op: number[];
  undo: number[];
  redo: number[];
  undoRead: number[];
  redoRead: number[];
  history: number[];
  open: number[];
}

export async function runLiveFigures(plan: LivePlan): Promise<Figure[]> {
  const [small, large] = plan.sizes ?? [100, 10_000];
  const sizes = [small, large] as const;
  const maps = new Map<number, ArgumentMap>(sizes.map((n) => [n, generateMap(n)]));
  const samples = new Map<number, Samples>(sizes.map((n) => [n, { op: [], undo: [], redo: [], undoRead: [], redoRead: [], history: [], open: [] }]));
  const sessions = new Map<number, LiveSession>();
  const histories = new Map<number, History>(sizes.map((n) => [n, createHistory(maps.get(n)!)]));
  for (const n of sizes) {
    const map = maps.get(n)!;
    let doc: Y.Doc | null = null;
    samples.get(n)!.open.push(timed(() => (doc = toYDoc(map))));
    if (serializeMap(fromYDoc(doc!)) !== serializeMap(map)) throw new Error(`the ${n}-node map did not come back from its Y.Doc unchanged`);
    sessions.set(n, new LiveSession(doc!));
  }
  const runs = plan.reps + (plan.warmup ? 1 : 0);
  for (let i = 0; i < runs; i++) {
    for (const n of sizes) {
      const s = sessions.get(n)!;
      const out = samples.get(n)!;
      const before = s.map.nodes[FIRST_THESIS]!.text;
      let ok = false;
      out.op.push(timed(() => (ok = s.apply(editNode(FIRST_THESIS, { text: `Edited ${i}: ${before}` })).ok)));
      if (!ok) throw new Error(`the edit was refused at ${n} nodes`);
      void s.map;
      out.undo.push(timed(() => s.undo()));
      out.redo.push(timed(() => s.redo()));
      out.undoRead.push(timed(() => (s.undo(), s.map)));
      if (s.map.nodes[FIRST_THESIS]!.text !== before) throw new Error(`undo did not restore the text at ${n} nodes`);
      out.redoRead.push(timed(() => (s.redo(), s.map)));
      // The baseline last: its garbage (a copy of the 10,000-key record) is not left for the live steps to collect.
      const h = histories.get(n)!;
      const t0 = performance.now();
      const r = commit(h, editNode(FIRST_THESIS, { text: `Edited ${i}: ${before}` }));
      out.history.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.reason);
      histories.set(n, createHistory(r.history.present));
    }
  }
  const keep = (xs: number[]) => (plan.warmup ? xs.slice(1) : xs);
  const figures: Figure[] = [];
  for (const n of sizes) {
    const out = samples.get(n)!;
    figures.push(
      { key: `live.open.${n}`, label: 'Live: the map into a Y.Doc (toYDoc)', size: n, unit: 'ms', app: out.open, baseline: null },
      { key: `live.op.${n}`, label: 'Live: edit one node’s text through the mirror (check, apply, one Y transaction); baseline: the same edit committed on the immer history', size: n, unit: 'ms', app: keep(out.op), baseline: keep(out.history) },
      { key: `live.undo.${n}`, label: 'Live: undo one step (Y.UndoManager, with the session’s bookkeeping)', size: n, unit: 'ms', app: keep(out.undo), baseline: null },
      { key: `live.redo.${n}`, label: 'Live: redo one step (Y.UndoManager, with the session’s bookkeeping)', size: n, unit: 'ms', app: keep(out.redo), baseline: null },
      { key: `live.undo.read.${n}`, label: 'Live: undo one step, then read the whole map back as a new plain map', size: n, unit: 'ms', app: keep(out.undoRead), baseline: null },
      { key: `live.redo.read.${n}`, label: 'Live: redo one step, then read the whole map back as a new plain map', size: n, unit: 'ms', app: keep(out.redoRead), baseline: null },
    );
  }
  const a = samples.get(large)!;
  const b = samples.get(small)!;
  figures.push(
    { key: `live.undo.ratio.${large}`, label: `Live undo: one step at ${large.toLocaleString('en-US')} nodes ÷ at ${small} (alternating)`, size: large, unit: 'ms', app: keep(a.undo), baseline: keep(b.undo), goal: ratioAtMost(2, `≤ 2× the step at ${small} nodes`) },
    { key: `live.redo.ratio.${large}`, label: `Live redo: one step at ${large.toLocaleString('en-US')} nodes ÷ at ${small} (alternating)`, size: large, unit: 'ms', app: keep(a.redo), baseline: keep(b.redo), goal: ratioAtMost(2, `≤ 2× the step at ${small} nodes`) },
    { key: `live.undo.read.ratio.${large}`, label: `Live undo and reading the map back: at ${large.toLocaleString('en-US')} nodes ÷ at ${small} (alternating)`, size: large, unit: 'ms', app: keep(a.undoRead), baseline: keep(b.undoRead) },
    { key: `live.op.ratio.${large}`, label: `Live edit through the mirror: at ${large.toLocaleString('en-US')} nodes ÷ at ${small} (alternating)`, size: large, unit: 'ms', app: keep(a.op), baseline: keep(b.op) },
  );
  const med = (xs: number[]) => {
    const v = keep(xs).sort((x, y) => x - y);
    return v.length ? v[v.length >> 1]!.toFixed(3) : '—';
  };
  for (const n of sizes) {
    const o = samples.get(n)!;
    plan.log(`  live ${String(n).padStart(6)} nodes: toYDoc ${o.open[0]!.toFixed(0)} ms, edit ${med(o.op)} ms (immer history ${med(o.history)}), undo ${med(o.undo)} (and reading the map ${med(o.undoRead)}), redo ${med(o.redo)} (${med(o.redoRead)}) ms`);
  }
  for (const s of sessions.values()) s.destroy();
  return figures;
}
