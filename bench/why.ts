// Why a goal is not met, from the evidence taken when it was last looked into (a profile or a
// trace, named here): printed beside the goal in bench/results/latest.md, so a "no" is never
// left bare. Keyed by the figure's key, or a prefix of it ending in "."; the longest one wins.
export const WHY_NOT_MET: Readonly<Record<string, string>> = {
  'browser.first-render.':
    'CPU profiles (bench/trace.ts): at 100 and 1,000 nodes what is left is fixed cost — loading and validating the map, the 545 KB main chunk, laying out the 300 KB source text in the sources pane (not yet virtualized) and the routing WebAssembly; at 10,000, estimating every card’s size from the text metrics (1–2.4 s) is the largest item. Cards no longer mount to be measured, and quotes are anchored only for cards shown.',
  'browser.layout.':
    'Profile of the layout (layout14): the gap is ELK itself, in a fresh worker at each load against Node warmed up (a cold first layout in Node: 16.9 s, warm 14.5 s); outside ELK the app spends 1.3–2.2 s. The longest task (277–413 ms) applies the answer: the store update 45–60 ms, the canvas render and React Flow setNodes over 3,000 nodes 25–35 ms each, the positions effect 53 ms, the minimap 28 ms, style recalculation 80 ms; the next frame’s fit forces a layout (70–84 ms).',
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
};

export function whyNotMet(key: string): string | null {
  let best: string | null = null;
  for (const k of Object.keys(WHY_NOT_MET))
    if ((key === k || (k.endsWith('.') && key.startsWith(k))) && (best === null || k.length > best.length)) best = k;
  return best === null ? null : WHY_NOT_MET[best]!;
}
