// The handout page's style sheet: the map above, the sources below; on paper the whole map
// first (every step shown, no controls), then the sources from a new page.
import { FONT_FAMILY_CSS } from '../metrics';

export const HANDOUT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_FAMILY_CSS}; color: #1b1b1b; background: #fff; line-height: 1.45; }
.aa-controls { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.75rem; padding: 0.5rem 1rem; background: #f4f1ea; border-bottom: 1px solid #c9c2b3; }
.aa-controls h1 { font-size: 1.1rem; margin: 0 1rem 0 0; }
.aa-controls .aa-group { display: flex; gap: 0.3rem; align-items: center; }
.aa-controls button { font: inherit; font-size: 0.95rem; padding: 0.2rem 0.65rem; border: 1px solid #8a8172; border-radius: 4px; background: #fff; color: #1b1b1b; cursor: pointer; }
.aa-controls button:disabled { color: #8a8a8a; border-color: #c9c2b3; cursor: default; }
.aa-controls button:focus-visible, #aa-viewport:focus-visible, mark:focus { outline: 3px solid #1f5fbf; outline-offset: 2px; }
#aa-step { font-weight: bold; min-width: 14rem; }
.aa-keys { font-size: 0.85rem; color: #4a4a4a; margin: 0; }
#aa-viewport { height: calc(100vh - 4.5rem); min-height: 320px; overflow: hidden; cursor: grab; touch-action: none; border-bottom: 1px solid #c9c2b3; background: #fff; }
#aa-viewport:active { cursor: grabbing; }
#aa-figure { display: block; width: 100%; height: 100%; }
.aa-off { display: none; }
.aa-print-only { display: none; }
.aa-sources { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.aa-sources h2 { font-size: 1.4rem; }
.aa-source h3 { font-size: 1.15rem; margin: 2rem 0 0.2rem; }
.aa-meta { margin: 0 0 0.8rem; color: #4a4a4a; font-size: 0.95rem; }
.aa-source-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1rem; }
mark { background: #fbe38e; color: inherit; border-bottom: 2px solid #c99a00; }
.aa-unfound { color: #8a2b0e; }
@media print {
  .aa-controls, .aa-keys { display: none; }
  .aa-print-only { display: block; }
  .aa-off { display: inline; }
  #aa-viewport { height: auto; min-height: 0; overflow: visible; border: 0; }
  #aa-figure { width: 100%; height: auto; }
  .aa-sources { max-width: none; padding: 0; }
  .aa-map { break-after: page; }
  mark { background: none; border-bottom: 0; text-decoration: underline; text-decoration-thickness: 2px; }
}
`;
