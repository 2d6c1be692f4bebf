// Why a goal is not met, from the evidence taken when it was last looked into (a profile or a
// trace, named here): printed beside the goal in bench/results/latest.md, so a "no" is never
// left bare. Keyed by the figure's key, or a prefix of it ending in "."; the longest one wins.
export const WHY_NOT_MET: Readonly<Record<string, string>> = {
  'browser.first-render.':
    'CPU profiles (bench/trace.ts, render14c): at 100 and 1,000 nodes what is left is fixed cost — the 545 KB main chunk (parse and compile), loading and validating the map (loadMap ~100–150 ms at 1,000), the first layout of the whole page (forced where the canvas reads its size, 50–170 ms), estimating the mounted cards (~80 ms at 1,000) and anchoring their quotes (~85 ms), and computing the dialectical status once. The source text no longer counts: its quotes and layout now wait until the map is drawn (render14c; the forced layout in the pane’s selection hook went from 79 to 7 ms). At 10,000, estimating every card’s size from the text metrics (1–2.4 s) is the largest item. Interleaved app-before/app-after/baseline loads on a machine at load average 15–19 showed no measurable change at 100 nodes (1.68× → 1.60×).',
  'browser.layout.':
    'Traces of the layout (layout14c, bench/layoutTrace.ts --tasks, this build and main’s alternating in one run): the answer is now applied 400 nodes a task and recorded as one step, the overview draws one path per kind, the fit reads a cached canvas size, the settle pass runs in tasks of its own; the longest main-thread task by the thread’s CPU time went from 141–184 ms to 48–59 ms (main thread, 3,000 nodes, first and second layouts). On this shared machine (load 13–23 on 2 cores) the same tasks last 200–1,300 ms by the clock for both builds, so the wall-clock row cannot show 50 ms here; the remaining 50–60 ms tasks were not attributed task by task (candidates from the CPU profile: React Flow’s passes over all 3,000 nodes and all edges on each store change — adoptUserNodes, the edge-visibility selector — and mounting the cards the opening view brings in). The warm and cold ratios are dominated by ELK itself (about 90 % of the app’s time is ELK in the worker) and are not trustworthy on a loaded machine: in layout14c’s last run Node’s ELK took 47–97 s against the worker’s 17–35 s (ratios 0.3×), while an hour earlier it took 7.7–12.1 s against 11.3–11.4 s; re-run on a quiet machine before reading them as met.',
  'browser.layers.toggle.':
    'Hiding is one style rule now, as dimming was (render14c): a toggle re-renders no card and leaves React Flow’s nodes and edges untouched; the app’s own JavaScript per toggle is about 6 ms in the CPU profile (58 ms over 9 toggles). A Chromium timeline of 6 toggles at 1,000 nodes puts the rest in the browser: Paint about 50 ms per toggle (repainting the canvas’s cards and some thousand arrows, each with the cards’ clip path), style 10 ms, layout 4 ms — more than a frame on this machine before any script runs.',
  'cli.validate.startup':
    'CPU profile (cli14b): the CLI is one CommonJS bundle run from V8’s code cache (arguments/cli/launch.ts), the zod schemas are built on first use, ELK/docx/Argdown/citation-js are outside the bundle; CPU time went 0.26 → 0.17 s against node -e 0’s 0.12 s (one alternating run). What is left: Node’s ESM loader for the launcher, reading and deserialising the 864 KB bundle and its cache, the compiled JSON Schema run on the map, the EDTF grammar (nearley) and creating process.stdout; wall-clock ratios on this shared machine swing around the goal.',
  'cli.export.svg.40':
    'Argdown’s time ÷ 8 is about two bare Node starts. CPU profile (cli14b), after the code cache took start-up from ~0.6 to ~0.5 s CPU: routing the 40 arrows is 35–55 % of what is left (libavoid’s module and WASM ~70 ms, then 40 routers of their own, processTransaction most of it), writing the SVG with the map embedded ~10 %, loading the map ~10 %. Below 8× needs the figure drawn without libavoid, which changes the figure.',
  'cli.export.svg.1000':
    'CPU profile (cli14b): routing the arrows is 60 % of the export (8.2 of 13.6 s sampled on a loaded machine): 1,004 routers, libavoid’s processTransaction 5.4 s and freeing the routers 0.8 s, JS-to-WASM calls 3.8 s inclusive; writeSvg 12 %, the rest of the layout 10 %. libavoid alone takes longer than Argdown ÷ 8, and the routes (and the SVG bytes) depend on the cards each router sees, so fewer or larger routers change the figure.',
  'node.handout.time.':
    'The handout’s own work (steps, sources, fonts) is ~0.3 s; the rest is the figure it embeds — renderFigure of 1,000 nodes takes 2.8–3.8 s with the arrows routed, 1.2–1.7 s without; routing is 60 % of it (profile in cli.export.svg.1000), and the handout is built in-process, so the CLI’s start-up work (cli14b) does not change it.',
  'node.handout-pdf.step.time.':
    'CPU profile (pdf15, 40 nodes, 23 pages, 22 s): the map is laid out and routed once, but each page draws the map as revealed so far, so the drawing grows with steps × cards; 70 % is svg-to-pdfkit setting the cards’ text glyph by glyph (getTextPos, drawTextInDocument, docSetTextMatrix) and the garbage it makes, 20 % writing the SVG of each page and finding its fonts. Measured per step: 40 nodes 22 s, 100 nodes 94 s (48 pages, PDFKit 77 s); 1,000 nodes (271 steps) is not run: by that growth it would take over an hour. Drawing each card once as a PDF form XObject reused on later pages would make it linear; not done.',
  'node.handout-pdf.claim.time.':
    'Per claim each page lays out its claim’s section on its own (figures 2.6 s at 100 nodes) and svg-to-pdfkit draws it (10 s for 31 pages); planning with the Chicago notes (citeproc-rs, a preview per note) is 0.7 s. At 1,000 nodes (136 pages, 2.4 MB, run by hand): 122 s — plan 11.5 s, figures 19 s, svg-to-pdfkit 91 s.',
  'node.layout.':
    'ELK’s layered algorithm itself (elkjs, compiled from Java) takes this long in Node on this machine; the app runs it in a worker, so the page stays responsive, and issue 14’s goal for layout is the app ÷ this same ELK layout in Node (the browser rows).',
  'node.reanchor.report':
    'Not profiled in this stop (a goal of the sources issue): the report aligns each of 200 quotes with a 1 MB text word by word; the last recorded run, under heavier load, measured 4.3 s.',
  'node.open.10000':
    'An absolute goal on a shared 2-core machine whose times move 2× between runs; the issue’s goal for opening is the ratio to JSON.parse of the same bytes (the next row).',
  'node.undo.': 'Each step replaces the 10,000-key node record (immer copies it); the live-seminar issue (16) replaces this history with Y.UndoManager, whose steps do not grow with the map.',
  'node.redo.': 'As undo: the record of 10,000 nodes is copied per step (issue 16 replaces the history).',
  'live.undo.ratio.':
    'Measured (live16): the Y.UndoManager step does not grow with the map (1.09× at 10,000 against 100 nodes alternating; 0.111 against 0.108 ms in a diagnostic run). A step timed right after a 10,000-node edit (~120 ms of copies) pays the collector for that garbage: 1.9–2.2× when the immer baseline ran just before the undo, which is why bench/live.ts times the baseline last.',
  'live.redo.ratio.': 'As undo (live16): the step itself is flat (1.05×); a redo timed after a 10,000-node edit pays the collector for its garbage.',
};

export function whyNotMet(key: string): string | null {
  let best: string | null = null;
  for (const k of Object.keys(WHY_NOT_MET))
    if ((key === k || (k.endsWith('.') && key.startsWith(k))) && (best === null || k.length > best.length)) best = k;
  return best === null ? null : WHY_NOT_MET[best]!;
}
