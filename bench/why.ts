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
    'CPU profile (cli14b): the CLI is one CommonJS bundle run from V8’s code cache (arguments/cli/launch.ts), the zod schemas are built on first use, ELK/docx/Argdown/citation-js are outside the bundle; CPU time went 0.26 → 0.17 s against node -e 0’s 0.12 s (one alternating run). What is left: Node’s ESM loader for the launcher, reading and deserialising the 864 KB bundle and its cache, the compiled JSON Schema run on the map, the EDTF grammar (nearley) and creating process.stdout; wall-clock ratios on this shared machine swing around the goal.',
  'cli.export.svg.40':
    'Argdown’s time ÷ 8 is about two bare Node starts. CPU profile (cli14b), after the code cache took start-up from ~0.6 to ~0.5 s CPU: routing the 40 arrows is 35–55 % of what is left (libavoid’s module and WASM ~70 ms, then 40 routers of their own, processTransaction most of it), writing the SVG with the map embedded ~10 %, loading the map ~10 %. Below 8× needs the figure drawn without libavoid, which changes the figure.',
  'cli.export.svg.1000':
    'CPU profile (cli14b): routing the arrows is 60 % of the export (8.2 of 13.6 s sampled on a loaded machine): 1,004 routers, libavoid’s processTransaction 5.4 s and freeing the routers 0.8 s, JS-to-WASM calls 3.8 s inclusive; writeSvg 12 %, the rest of the layout 10 %. libavoid alone takes longer than Argdown ÷ 8, and the routes (and the SVG bytes) depend on the cards each router sees, so fewer or larger routers change the figure.',
  'node.handout.time.':
    'The handout’s own work (steps, sources, fonts) is ~0.3 s; the rest is the figure it embeds — renderFigure of 1,000 nodes takes 2.8–3.8 s with the arrows routed, 1.2–1.7 s without; routing is 60 % of it (profile in cli.export.svg.1000), and the handout is built in-process, so the CLI’s start-up work (cli14b) does not change it.',
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
