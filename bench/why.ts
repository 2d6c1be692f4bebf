// Why a goal is not met, from the evidence taken when it was last looked into (a profile or a
// trace, named here): printed beside the goal in bench/results/latest.md, so a "no" is never
// left bare. Keyed by the figure's key, or a prefix of it ending in "."; the longest one wins.
export const WHY_NOT_MET: Readonly<Record<string, string>> = {
  'browser.first-render.':
    'CPU profiles (bench/trace.ts, render14c): at 100 and 1,000 nodes what is left is fixed cost — the 545 KB main chunk (parse and compile), loading and validating the map (loadMap ~100–150 ms at 1,000), the first layout of the whole page (forced where the canvas reads its size, 50–170 ms), estimating the mounted cards (~80 ms at 1,000) and anchoring their quotes (~85 ms), and computing the dialectical status once. The source text no longer counts: its quotes and layout now wait until the map is drawn (render14c; the forced layout in the pane’s selection hook went from 79 to 7 ms). At 10,000, estimating every card’s size from the text metrics (1–2.4 s) is the largest item. Interleaved app-before/app-after/baseline loads on a machine at load average 15–19 showed no measurable change at 100 nodes (1.68× → 1.60×).',
  'browser.layout.':
    'Profile of the layout (layout14): the gap is ELK itself, in a fresh worker at each load against Node warmed up (a cold first layout in Node: 16.9 s, warm 14.5 s); outside ELK the app spends 1.3–2.2 s. The longest task (277–413 ms) applies the answer: the store update 45–60 ms, the canvas render and React Flow setNodes over 3,000 nodes 25–35 ms each, the positions effect 53 ms, the minimap 28 ms, style recalculation 80 ms; the next frame’s fit forces a layout (70–84 ms).',
  'browser.layers.toggle.':
    'Hiding is one style rule now, as dimming was (render14c): a toggle re-renders no card and leaves React Flow’s nodes and edges untouched; the app’s own JavaScript per toggle is about 6 ms in the CPU profile (58 ms over 9 toggles). A Chromium timeline of 6 toggles at 1,000 nodes puts the rest in the browser: Paint about 50 ms per toggle (repainting the canvas’s cards and some thousand arrows, each with the cards’ clip path), style 10 ms, layout 4 ms — more than a frame on this machine before any script runs.',
  'cli.validate.startup':
    'CPU profile (cli14): about 150 ms above node -e 0 — compiling the code the command loads (57 of 286 ms), building the zod schemas at import, and reading the map; Node 20 has no compile cache for ES modules, so a cache alone could not reach 1.5×.',
  'cli.export.svg.40':
    'Argdown’s time ÷ 8 is about two bare Node starts; of argmap’s ~0.5 s CPU, ~40 % is loading and compiling modules, then zod and the map, and ~30 % libavoid’s first routes (run on V8’s baseline compiler below 400 arrows).',
  'cli.export.svg.1000':
    'Profile (cli14): routing the arrows around the cards is half of the export (3.0 of 6.0 s), 2.1 s of it inside libavoid across 1,004 small routers; libavoid alone takes more than Argdown ÷ 8, and the routes (and the SVG bytes) depend on every card it is given.',
  'node.handout.time.':
    'The handout’s own work (steps, sources, fonts) is ~0.3 s; the rest is the figure it embeds — renderFigure of 1,000 nodes takes 2.8–3.8 s with the arrows routed, 1.2–1.7 s without.',
  'node.layout.':
    'ELK’s layered algorithm itself (elkjs, compiled from Java) takes this long in Node on this machine; the app runs it in a worker, so the page stays responsive, and issue 14’s goal for layout is the app ÷ this same ELK layout in Node (the browser rows).',
  'node.reanchor.report':
    'Not profiled in this stop (a goal of the sources issue): the report aligns each of 200 quotes with a 1 MB text word by word; the last recorded run, under heavier load, measured 4.3 s.',
  'node.open.10000':
    'An absolute goal on a shared 2-core machine whose times move 2× between runs; the issue’s goal for opening is the ratio to JSON.parse of the same bytes (the next row).',
  'node.undo.': 'Each step replaces the 10,000-key node record (immer copies it); the live-seminar issue (16) replaces this history with Y.UndoManager, whose steps do not grow with the map.',
  'node.redo.': 'As undo: the record of 10,000 nodes is copied per step (issue 16 replaces the history).',
};

export function whyNotMet(key: string): string | null {
  let best: string | null = null;
  for (const k of Object.keys(WHY_NOT_MET))
    if ((key === k || (k.endsWith('.') && key.startsWith(k))) && (best === null || k.length > best.length)) best = k;
  return best === null ? null : WHY_NOT_MET[best]!;
}
