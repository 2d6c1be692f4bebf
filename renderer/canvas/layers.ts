// Voices as layers on the canvas: which cards a hidden voice takes away, and the arrows of a
// hidden or dimmed voice. An arrow speaks in its relation's voice, else in its first premise's.
// Dimming is one style rule over classes the cards and arrows always carry (MapCanvas adopts it).
import type { ArgumentMap, Id } from '../../arguments/model';
import type { Visibility } from '../status/layersState';
import type { FlowEdge } from './types';

const visibilityOf = (visibility: Readonly<Record<string, Visibility>>, voice: string | undefined): Visibility =>
  voice !== undefined && Object.hasOwn(visibility, voice) ? visibility[voice]! : 'shown';

/** `hidden` (collapsed away) with every node of a hidden voice added; the same set when no voice is hidden. */
export function withHiddenVoices(hidden: ReadonlySet<Id>, nodes: ArgumentMap['nodes'], visibility: Readonly<Record<string, Visibility>>): ReadonlySet<Id> {
  const off = Object.keys(visibility).filter((v) => visibility[v] === 'hidden');
  if (off.length === 0) return hidden;
  const out = new Set(hidden);
  for (const id of Object.keys(nodes)) if (visibilityOf(visibility, nodes[id]!.voice) === 'hidden') out.add(id);
  return out;
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
const edgeVoice = (e: FlowEdge, nodes: ArgumentMap['nodes']): string | undefined => e.data?.voice ?? (Object.hasOwn(nodes, e.source) ? nodes[e.source]!.voice : undefined);

const voiced = new WeakMap<FlowEdge, { voice: string | undefined; edge: FlowEdge }>();

/** The edges with their voice's class (kept while the voice is), so dimming a voice is one style change. */
export function voicedEdges(edges: FlowEdge[], nodes: ArgumentMap['nodes']): FlowEdge[] {
  return edges.map((e) => {
    const voice = edgeVoice(e, nodes);
    if (voice === undefined) return e;
    const hit = voiced.get(e);
    if (hit && hit.voice === voice) return hit.edge;
    const edge = { ...e, className: `${e.className ?? ''} ${voiceClass(voice)}`.trim() } as FlowEdge;
    voiced.set(e, { voice, edge });
    return edge;
  });
}

/**
 * The rule that fades the dimmed voices' cards (not a selected one) and arrows: a layer dimmed or
 * shown again changes this one rule, never the cards or arrows themselves. '' when none is dimmed.
 */
export function dimmedRule(visibility: Readonly<Record<string, Visibility>>): string {
  const classes = Object.keys(visibility)
    .filter((v) => visibility[v] === 'dimmed')
    .map(voiceClass);
  if (classes.length === 0) return '';
  return `${classes.map((c) => `.aa-canvas .aa-node.${c}:not(.selected), .aa-canvas .react-flow__edge.${c}`).join(', ')} { opacity: var(--aa-dimmed-opacity); }`;
}

const layered = new WeakMap<FlowEdge, FlowEdge>();

/** The edges with a hidden voice's hidden; the same array when no voice is hidden, untouched edges keep their object. */
export function layeredEdges(edges: FlowEdge[], nodes: ArgumentMap['nodes'], visibility: Readonly<Record<string, Visibility>>): FlowEdge[] {
  if (!Object.keys(visibility).some((v) => visibility[v] === 'hidden')) return edges;
  return edges.map((e) => {
    if (visibilityOf(visibility, edgeVoice(e, nodes)) !== 'hidden') return e;
    let edge = layered.get(e);
    if (!edge) layered.set(e, (edge = { ...e, hidden: true } as FlowEdge));
    return edge;
  });
}
