// Which bundled fonts a figure draws with, and which of its characters none of them has.
// Read from the laid-out figure (every text block with its style), so what is reported is
// exactly what the SVG writer will set: the PDF embeds only the faces listed here, the app
// loads the 14.8 MB CJK font only when a figure needs it, and a character no font has is
// named, with its node, before the figure is written (it would print as an empty box).
import type { ArgumentMap, Id } from '../model';
import type { FigureLayout, TextBlock } from './layout';
import { clusters, faceOf, FIGURE_FONTS, FONT_FAMILY, hasGlyph, inPrimaryFont, type FigureFont, type FontStyle } from './metrics';

/** A face of a bundled font: Noto Serif SC's italic is its regular face. */
export interface FontFaceUse {
  font: FigureFont;
  face: FontStyle;
}

/** Every text block of the figure, with the node it belongs to (none for legend, labels, caption). */
function* blocks(layout: FigureLayout): Generator<{ node?: Id; block: TextBlock }> {
  for (const n of layout.nodes) {
    for (const b of [n.kindLabel, n.voice?.text, n.title, n.text, n.quote?.text, n.attribution, n.status?.text]) if (b) yield { node: n.id, block: b };
  }
  for (const e of layout.edges) {
    if (e.label) yield { block: e.label.text };
    if (e.linkedBox) yield { block: e.linkedBox.label };
  }
  for (const l of layout.legend ?? []) yield { block: l.label };
  if (layout.caption) yield { block: layout.caption };
  for (const c of layout.citations ?? []) yield { block: c };
}

const FACE_ORDER: FontStyle[] = ['regular', 'italic', 'bold'];

/** The faces the figure's text is set in, primary font first, in a stable order. */
export function facesUsed(layout: FigureLayout): FontFaceUse[] {
  const used = new Set<string>();
  for (const { block } of blocks(layout))
    for (const line of block.lines) {
      if (inPrimaryFont(line.text, block.style)) {
        if (line.text.trim() !== '') used.add(`${FONT_FAMILY}\u0000${faceOf(FONT_FAMILY, block.style)}`);
        continue;
      }
      for (const c of clusters(line.text, block.style)) if (c.font !== null && c.text.trim() !== '') used.add(`${c.font}\u0000${faceOf(c.font, block.style)}`);
    }
  const out: FontFaceUse[] = [];
  for (const font of FIGURE_FONTS) for (const face of FACE_ORDER) if (used.has(`${font}\u0000${face}`)) out.push({ font, face });
  return out;
}

/**
 * The faces of several figures' text, as uniqueFaces of each one's facesUsed gives them, with each
 * card and arrow read once however many figures share it (a handout's steps show the whole map's
 * cards again and again: the same NodeBox and EdgeGeometry objects).
 */
export function figuresFaces(layouts: readonly FigureLayout[]): FontFaceUse[] {
  const nodes = new Set<FigureLayout['nodes'][number]>();
  const edges = new Set<FigureLayout['edges'][number]>();
  const own: FigureLayout[] = [];
  for (const l of layouts) {
    for (const n of l.nodes) nodes.add(n);
    for (const e of l.edges) edges.add(e);
    if ((l.legend?.length ?? 0) > 0 || l.caption || (l.citations?.length ?? 0) > 0) own.push({ ...l, nodes: [], edges: [] });
  }
  if (layouts.length === 0) return [];
  const shared: FigureLayout = { width: 0, height: 0, offset: { x: 0, y: 0 }, nodes: [...nodes], edges: [...edges] };
  return uniqueFaces([...facesUsed(shared), ...own.flatMap(facesUsed)]);
}

/** Faces used by several figures (the pages of one PDF), each once, in the order facesUsed lists them. */
export function uniqueFaces(used: readonly FontFaceUse[]): FontFaceUse[] {
  const seen = new Set<string>();
  return used.filter((u) => !seen.has(`${u.font}\u0000${u.face}`) && !!seen.add(`${u.font}\u0000${u.face}`));
}

/** Does the figure set any text in `font`? */
export const usesFont = (layout: FigureLayout, font: FigureFont) => facesUsed(layout).some((f) => f.font === font);

/** Characters of one node (or of the figure's own words: caption, citations) that no bundled font draws. */
export interface MissingGlyphs {
  /** The node's id; absent for the caption and citation list. */
  node?: Id;
  /** The node's title (or the start of its text), for the message. */
  title: string;
  /** Each character once, in the order it first appears. */
  characters: string[];
}

/** For each node of the figure (and its caption), the characters no bundled font has, in figure order. */
export function missingGlyphs(layout: FigureLayout, map: ArgumentMap): MissingGlyphs[] {
  const found = new Map<string, { node?: Id; chars: Set<string> }>();
  for (const { node, block } of blocks(layout))
    for (const line of block.lines) {
      if (inPrimaryFont(line.text, block.style)) continue;
      for (const ch of line.text) {
        if (hasGlyph(ch.codePointAt(0)!, block.style)) continue;
        const key = node ?? '';
        if (!found.has(key)) found.set(key, { node, chars: new Set() });
        found.get(key)!.chars.add(ch);
      }
    }
  return [...found.values()].map(({ node, chars }) => ({ ...(node !== undefined ? { node } : {}), title: node !== undefined ? nodeName(map, node) : 'the caption', characters: [...chars] }));
}

function nodeName(map: ArgumentMap, id: Id): string {
  if (!Object.hasOwn(map.nodes, id)) return id;
  const n = map.nodes[id]!;
  const name = (n.title?.trim() || n.text.trim()).replace(/\s+/g, ' ');
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

/** "U+1F9FF 🧿" for a character, so an invisible or unfamiliar one can still be found. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${ch}`;
}

/** One sentence per node: what the CLI prints and the Export dialog shows before exporting. */
export function missingGlyphWarnings(missing: readonly MissingGlyphs[]): string[] {
  return missing.map((m) => {
    const where = m.node !== undefined ? `node ${m.node} (“${m.title}”)` : m.title;
    const chars = m.characters.map(codePointName).join(', ');
    return `No bundled font has ${m.characters.length === 1 ? 'the character' : 'the characters'} ${chars} in ${where}; ${m.characters.length === 1 ? 'it' : 'they'} will show as an empty box.`;
  });
}
