// Why a goal is not met, from the evidence taken when it was last looked into (a profile or a
// trace, named here): printed beside the goal in bench/results/latest.md, so a "no" is never
// left bare. Keyed by the figure's key, or a prefix of it ending in "."; the longest one wins.
export const WHY_NOT_MET: Readonly<Record<string, string>> = {
  'browser.first-render.':
    'CPU profiles (bench/trace.ts): at 100 and 1,000 nodes what is left is fixed cost — loading and validating the map, the 545 KB main chunk, laying out the 300 KB source text in the sources pane (not yet virtualized) and the routing WebAssembly; at 10,000, estimating every card’s size from the text metrics (1–2.4 s) is the largest item. Cards no longer mount to be measured, and quotes are anchored only for cards shown.',
  'browser.layout.':
    'Traces of the layout (layout14c, bench/layoutTrace.ts --tasks, this build and main’s alternating in one run): the answer is now applied 400 nodes a task and recorded as one step, the overview draws one path per kind, the fit reads a cached canvas size, the settle pass runs in tasks of its own; the longest main-thread task by the thread’s CPU time went from 141–184 ms to 48–59 ms (main thread, 3,000 nodes, first and second layouts). On this shared machine (load 13–23 on 2 cores) the same tasks last 200–1,300 ms by the clock for both builds, so the wall-clock row cannot show 50 ms here; the remaining 50–60 ms tasks were not attributed task by task (candidates from the CPU profile: React Flow’s passes over all 3,000 nodes and all edges on each store change — adoptUserNodes, the edge-visibility selector — and mounting the cards the opening view brings in). The warm and cold ratios are dominated by ELK itself (about 90 % of the app’s time is ELK in the worker) and are not trustworthy on a loaded machine: in layout14c’s last run Node’s ELK took 47–97 s against the worker’s 17–35 s (ratios 0.3×), while an hour earlier it took 7.7–12.1 s against 11.3–11.4 s; re-run on a quiet machine before reading them as met.',
  'browser.layers.toggle.':
    'Dimming a voice is one CSS rule now; hiding and showing still go through React Flow’s hidden flag, which re-renders the cards (about 50 ms of React work per toggle in the profile).',
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
