// Voices as layers on the canvas: which cards a hidden voice takes away, and the arrows of a
// hidden or dimmed voice. An arrow speaks in its relation's voice, else in its first premise's.
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

const layered = new WeakMap<FlowEdge, { v: Visibility; edge: FlowEdge }>();

/** The edges with a hidden voice's hidden and a dimmed voice's dimmed; untouched edges keep their object. */
export function layeredEdges(edges: FlowEdge[], nodes: ArgumentMap['nodes'], visibility: Readonly<Record<string, Visibility>>): FlowEdge[] {
  if (Object.keys(visibility).length === 0) return edges;
  return edges.map((e) => {
    const voice = e.data?.voice ?? (Object.hasOwn(nodes, e.source) ? nodes[e.source]!.voice : undefined);
    const v = visibilityOf(visibility, voice);
    if (v === 'shown') return e;
    const hit = layered.get(e);
    if (hit && hit.v === v) return hit.edge;
    const edge = (v === 'hidden' ? { ...e, hidden: true } : { ...e, className: `${e.className ?? ''} aa-dimmed`.trim() }) as FlowEdge;
    layered.set(e, { v, edge });
    return edge;
  });
}
