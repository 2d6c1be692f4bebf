// Voices as layers on the canvas: which cards a hidden voice takes away, and the arrows of a
// hidden or dimmed voice. An arrow speaks in its relation's voice, else in its first premise's.
// Dimming and hiding are one style rule over classes the cards and arrows always carry (MapCanvas
// adopts it): a toggle changes that rule, never a card or an arrow, so React Flow re-renders none.
// What is hidden is visibility: hidden, so out of the accessibility tree and the Tab order as before.
import type { ArgumentMap, Id } from '../../arguments/model';
import type { Visibility } from '../status/layersState';
import type { FlowEdge, FlowNode } from './types';

export const visibilityOf = (visibility: Readonly<Record<string, Visibility>>, voice: string | undefined): Visibility =>
  voice !== undefined && Object.hasOwn(visibility, voice) ? visibility[voice]! : 'shown';

/**
 * `hidden` (collapsed away) with every node of a hidden voice added; the same set when no voice is
 * hidden. What the keyboard's route, the routing and the fit leave out (the cards go by the rule).
 */
export function withHiddenVoices(hidden: ReadonlySet<Id>, nodes: ArgumentMap['nodes'], visibility: Readonly<Record<string, Visibility>>): ReadonlySet<Id> {
  const off = Object.keys(visibility).filter((v) => visibility[v] === 'hidden');
  if (off.length === 0) return hidden;
  const out = new Set(hidden);
  for (const id of Object.keys(nodes)) if (visibilityOf(visibility, nodes[id]!.voice) === 'hidden') out.add(id);
  return out;
}

/**
 * What "Fit" frames: undefined (React Flow's own: every card it does not hide) unless a voice is
 * hidden, whose cards React Flow still counts (they go by the style rule); then the cards left.
 * `hidden` is withHiddenVoices' set and `collapsedAway` the one it started from.
 */
export function fitTargets(nodes: ArgumentMap['nodes'], hidden: ReadonlySet<Id>, collapsedAway: ReadonlySet<Id>): { id: Id }[] | undefined {
  if (hidden === collapsedAway) return undefined;
  return Object.keys(nodes)
    .filter((id) => !hidden.has(id))
    .map((id) => ({ id }));
}

const voiceIndex = new Map<string, number>();

/** The class naming a voice on its cards and arrows: voices are user text, so a number stands for each. */
export function voiceClass(voice: string | undefined): string {
  if (voice === undefined) return '';
  let i = voiceIndex.get(voice);
  if (i === undefined) voiceIndex.set(voice, (i = voiceIndex.size));
  return `aa-vl-${i}`;
}

/** An arrow's voice: its relation's, else its first premise's. */
const edgeVoice = (e: FlowEdge, nodes: ArgumentMap['nodes']): string | undefined => e.data?.voice ?? cardVoice(nodes, e.source);
const cardVoice = (nodes: ArgumentMap['nodes'], id: string): string | undefined => (Object.hasOwn(nodes, id) ? nodes[id]!.voice : undefined);

/** The class an arrow carries for the voice of the card it starts (`s`) or ends (`t`) at: it goes when that card's voice is hidden. */
const endClass = (end: 's' | 't', voice: string | undefined): string => (voice === undefined ? '' : endOf(end, voiceClass(voice)));
const endOf = (end: 's' | 't', cls: string): string => cls.replace('aa-vl-', `aa-v${end}-`);

const voiced = new WeakMap<FlowEdge, { key: string; edge: FlowEdge }>();

/**
 * The edges with their voice's class and the classes of their two cards' voices (kept while those
 * voices are), so dimming or hiding a voice is one style change and the edges stay the same objects.
 */
export function voicedEdges(edges: FlowEdge[], nodes: ArgumentMap['nodes']): FlowEdge[] {
  return edges.map((e) => {
    const classes = [voiceClass(edgeVoice(e, nodes)), endClass('s', cardVoice(nodes, e.source)), endClass('t', cardVoice(nodes, e.target))].filter((c) => c !== '').join(' ');
    if (classes === '') return e;
    const hit = voiced.get(e);
    if (hit && hit.key === classes) return hit.edge;
    const edge = { ...e, className: `${e.className ?? ''} ${classes}`.trim() } as FlowEdge;
    voiced.set(e, { key: classes, edge });
    return edge;
  });
}

/**
 * The rule that fades the dimmed voices' cards (not a selected one) and arrows, and takes a hidden
 * voice's cards off the canvas (the Overview leaves them out itself): a layer dimmed, hidden or
 * shown again changes this one rule, never the cards themselves. '' when every voice is shown.
 */
export function layersRule(visibility: Readonly<Record<string, Visibility>>): string {
  const of = (v: Visibility) =>
    Object.keys(visibility)
      .filter((voice) => visibility[voice] === v)
      .map(voiceClass);
  const dimmed = of('dimmed');
  const hidden = of('hidden');
  const rules: string[] = [];
  if (dimmed.length > 0) rules.push(`${dimmed.map((c) => `.aa-canvas .aa-node.${c}:not(.selected), .aa-canvas .react-flow__edge.${c}`).join(', ')} { opacity: var(--aa-dimmed-opacity); }`);
  // An arrow goes with its voice and with either of its cards (as React Flow drops the arrows of a card it hides).
  const hiddenAt = (c: string) =>
    [`.react-flow__node.${c}`, `.react-flow__edge.${c}`, `.react-flow__edge.${endOf('s', c)}`, `.react-flow__edge.${endOf('t', c)}`].map((sel) => `.aa-canvas ${sel}`).join(', ');
  // visibility, not display: a card keeps its box, so React Flow's resize observer (which re-reads
  // every node of the map for any card it reports) has nothing to report when the voice comes
  // back. Every descendant too, over React Flow's inline `visibility: visible` and the zoomed-out
  // rules that show a card's badges: hidden is out of view, of pointer hits, of the Tab order and
  // of the accessibility tree, as display: none was.
  if (hidden.length > 0) rules.push(`${hidden.flatMap((c) => hiddenAt(c).split(', ').flatMap((sel) => [sel, `${sel} *`])).join(', ')} { visibility: hidden !important; }`);
  return rules.join('\n');
}

