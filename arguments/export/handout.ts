// The HTML handout (`argmap export MAP --format html`): one self-contained page any browser
// opens from disk, offline. The read-only map is the exporter's own SVG figure (print theme,
// whole map), panned and zoomed by its viewBox and stepped through in the presentation order;
// below it the sources with the quoted passages marked; on paper the whole map, then the
// sources. Nothing is fetched: the fonts are inline, and the page's CSP ('none' by default)
// allows only its own script and style elements, by hash. A student worksheet blanks the
// chosen nodes' text in every copy the file holds (figure, embedded map, labels, step titles).
import type { ArgumentMap, Id } from '../model';
import { NODE_KIND_LABELS } from '../model';
import { shorten } from '../outline/plan';
import { presentationSteps } from '../present/steps';
import { relationsFirstShown } from '../present/reveal';
import { renderFigure, type Figure } from './figure';
import { facesUsed, uniqueFaces, type FontFaceUse } from './glyphs';
import type { FontStyle } from './metrics';
import { handoutScript, type HandoutData } from './handout/script';
import { escapeHtml, sourcesHtml } from './handout/sources';
import { HANDOUT_CSS } from './handout/styles';

/** What the page needs of its platform: the CLI gives node:crypto and the bundled TTFs. */
export interface HandoutPlatform {
  /** The base64 SHA-256 digest of the UTF-8 text (for the CSP's hash sources). */
  sha256Base64(text: string): string;
  /** A bundled face's TTF bytes. */
  fontBytes(use: FontFaceUse): Uint8Array;
}

export interface HandoutOptions {
  /** Student worksheet: these nodes' text left blank (see `worksheetNodes`). */
  worksheet?: readonly Id[];
  /** The figure already drawn by `handoutFigure` (the app draws it first to load its fonts). */
  figure?: Figure;
}

export interface Handout {
  html: string;
  steps: number;
  nodes: number;
  /** The faces embedded. */
  faces: FontFaceUse[];
  /** Faces the figure uses but the file leaves to the reader's fonts (over MAX_EMBEDDED_FACE_BYTES). */
  notEmbedded: FontFaceUse[];
  /** The nodes whose text is blank. */
  blanked: Id[];
  figure: Figure;
}

export class HandoutError extends Error {
  override name = 'HandoutError';
  constructor(
    readonly code: 'worksheet-unknown-node' | 'worksheet-empty' | 'no-claims',
    message: string,
  ) {
    super(message);
  }
}

/** What a worksheet leaves of a node's text: lines to write on. */
export const WORKSHEET_BLANK = ['_'.repeat(26), '_'.repeat(26), '_'.repeat(26)].join('\n');

/**
 * The nodes a `--worksheet` value names: "counters" for every counter-consideration, else a
 * comma-separated list of node ids, each one in the map.
 */
export function worksheetNodes(map: ArgumentMap, spec: string): Id[] {
  if (spec.trim() === 'counters') return Object.values(map.nodes).filter((n) => n.kind === 'counter').map((n) => n.id);
  const ids = [...new Set(spec.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (ids.length === 0) throw new HandoutError('worksheet-empty', 'The worksheet names no nodes: give node ids separated by commas (e.g. --worksheet C1,E2) or "counters".');
  const unknown = ids.filter((id) => !Object.hasOwn(map.nodes, id));
  if (unknown.length > 0)
    throw new HandoutError('worksheet-unknown-node', `The worksheet names ${unknown.length === 1 ? 'a node' : 'nodes'} the map does not have: ${unknown.join(', ')}. Use the ids \`argmap read\` lists.`);
  return ids;
}

/** The map with the blanked nodes' text replaced: every copy of the text in the handout comes from this. */
export function worksheetMap(map: ArgumentMap, blanked: readonly Id[]): ArgumentMap {
  if (blanked.length === 0) return map;
  const nodes = { ...map.nodes };
  for (const id of blanked) if (Object.hasOwn(nodes, id)) nodes[id] = { ...nodes[id]!, text: WORKSHEET_BLANK };
  return { ...map, nodes };
}

/** How the handout names a node where its text would give a blank away: its title, else its kind (and its text unless blanked). */
export function nodeLabel(shown: ArgumentMap, blanked: ReadonlySet<Id>, id: Id): string {
  const n = shown.nodes[id]!;
  return n.title ?? (blanked.has(id) ? `${NODE_KIND_LABELS[n.kind]} (left blank)` : `${NODE_KIND_LABELS[n.kind]}: ${shorten(n.text, 50)}`);
}

/** The step titles, with any that names a blanked node by its text renamed "Step n". */
export function handoutSteps(original: ArgumentMap, shownMap: ArgumentMap, blanked: readonly Id[]): HandoutData['steps'] {
  const steps = presentationSteps(original);
  const fragments = blanked.map((id) => original.nodes[id]!.text.replace(/\s+/g, ' ').trim().slice(0, 20)).filter((f) => f !== '');
  // A relation is revealed at the first step that shows all it joins (the presentation's rule,
  // relationsFirstShown), listed in the map's order: worked out once, not a presented map per step.
  const firstShown = new Map<Id, number>();
  steps.forEach((step, k) => {
    for (const id of step.nodes) if (Object.hasOwn(shownMap.nodes, id) && !firstShown.has(id)) firstShown.set(id, k);
  });
  const revealedAt = relationsFirstShown(shownMap, firstShown);
  const byStep = steps.map((): Id[] => []);
  for (const id of Object.keys(shownMap.relations)) if (revealedAt.has(id)) byStep[revealedAt.get(id)!]!.push(id);
  return steps.map((step, k) => {
    const title = step.title ?? '';
    return { title: fragments.some((f) => title.includes(f)) ? `Step ${k + 1}` : title, nodes: step.nodes, relations: byStep[k]! };
  });
}

/**
 * A face larger than this is left to the reader's system fonts (the browser falls back by
 * itself): Noto Serif SC is 14.8 MB a face, too much for a handout that one CJK character needs.
 */
export const MAX_EMBEDDED_FACE_BYTES = 2 * 1024 * 1024;

/**
 * The faces the page embeds: those the figure's text is set in (it was measured in them) and
 * Source Serif 4's regular for the page itself; characters of the sources beyond those fall
 * back to the reader's fonts, as on any web page.
 */
export function pageFaces(figure: Figure): FontFaceUse[] {
  return uniqueFaces([...facesUsed(figure.layout), { font: 'Source Serif 4', face: 'regular' }]);
}

const SLANT_WEIGHT: Record<FontStyle, [string, number]> = { regular: ['normal', 400], italic: ['italic', 400], bold: ['normal', 700] };

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fontCss(faces: readonly FontFaceUse[], platform: HandoutPlatform): { css: string; embedded: FontFaceUse[]; left: FontFaceUse[] } {
  const embedded: FontFaceUse[] = [];
  const left: FontFaceUse[] = [];
  const rules: string[] = [];
  for (const u of faces) {
    const bytes = platform.fontBytes(u);
    if (bytes.length > MAX_EMBEDDED_FACE_BYTES) {
      left.push(u);
      continue;
    }
    embedded.push(u);
    rules.push(`@font-face{font-family:'${u.font}';font-style:${SLANT_WEIGHT[u.face][0]};font-weight:${SLANT_WEIGHT[u.face][1]};src:url(data:font/ttf;base64,${base64(bytes)}) format('truetype');}`);
  }
  return { css: rules.join('\n'), embedded, left };
}

/** The figure's SVG as an element of the page: no XML declaration, sized by the page's CSS. */
function inlineSvg(svg: string): string {
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/<svg\b[^>]*>/, (root) => root.replace(/ width="[^"]*"/, ' id="aa-figure"').replace(/ height="[^"]*"/, ' preserveAspectRatio="xMidYMid meet"'));
}

/** The page's figure: the whole map (worksheet text blanked), print theme, with its legend. */
export function handoutFigure(map: ArgumentMap, worksheet: readonly Id[] = []): Figure {
  return renderFigure(worksheetMap(map, worksheet), { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: true }, { relationGroups: true });
}

export function buildHandout(map: ArgumentMap, platform: HandoutPlatform, options: HandoutOptions = {}): Handout {
  const blanked = [...(options.worksheet ?? [])];
  const shown = worksheetMap(map, blanked);
  const blank = new Set(blanked);
  const figure = options.figure ?? handoutFigure(map, blanked);
  const label = (id: Id) => nodeLabel(shown, blank, id);
  const sources = sourcesHtml(shown, label);
  const steps = handoutSteps(map, shown, blanked);
  const script = handoutScript({ width: figure.width, height: figure.height, offset: figure.layout.offset, minWidth: figure.theme.node.width * 5, steps, quotes: sources.quoteTargets });
  const { css: fonts, embedded, left } = fontCss(pageFaces(figure), platform);
  const hash = (text: string) => `'sha256-${platform.sha256Base64(text)}'`;
  const csp = [`default-src 'none'`, `script-src ${hash(script)}`, `style-src ${hash(fonts)} ${hash(HANDOUT_CSS)}`, `img-src data:`, `font-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  const title = shown.meta.title || 'Argument map';
  const worksheet = blanked.length > 0;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Argument Atlas">
<title>${escapeHtml(worksheet ? `${title} (worksheet)` : title)}</title>
<style>${fonts}</style>
<style>${HANDOUT_CSS}</style>
</head>
<body>
<header class="aa-controls">
<h1>${escapeHtml(title)}${worksheet ? ' <small>(worksheet: fill in the blank boxes)</small>' : ''}</h1>
<div class="aa-group" role="group" aria-label="Steps">
<button type="button" id="aa-prev" aria-label="Previous step">← Back</button>
<span id="aa-step" aria-live="polite">Step 1 of ${steps.length}</span>
<button type="button" id="aa-next" aria-label="Next step">Next →</button>
<button type="button" id="aa-all">Whole map</button>
</div>
<div class="aa-group" role="group" aria-label="Zoom">
<button type="button" id="aa-zoom-out" aria-label="Zoom out">−</button>
<button type="button" id="aa-zoom-in" aria-label="Zoom in">+</button>
<button type="button" id="aa-fit" aria-label="Fit the map">Fit</button>
</div>
<p class="aa-keys">Space, → or Page Down: next step · ← or Page Up: back · Home/End · drag, Shift+← →, ↑ ↓ (map focused) to pan · + − to zoom, 0 to fit</p>
</header>
<main>
<section class="aa-map" aria-label="The map"><div id="aa-viewport" tabindex="0" aria-label="The argument map: drag or use the arrow keys to pan">
${inlineSvg(figure.svg)}</div></section>
<section class="aa-sources" aria-labelledby="aa-sources-title">
<h2 id="aa-sources-title">Sources</h2>
<p class="aa-print-only">The sources of the map “${escapeHtml(title)}”, with the passages it quotes underlined.</p>
${sources.html}
</section>
</main>
<script>${script}</script>
</body>
</html>
`;
  return { html, steps: steps.length, nodes: Object.keys(map.nodes).length, faces: embedded, notEmbedded: left, blanked, figure };
}
