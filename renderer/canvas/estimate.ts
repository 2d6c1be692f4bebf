// A card's size before the canvas has measured it: the exporter's text metrics
// (arguments/layout/cardSize.ts), kept per domain node so each is worked out once. With a size
// and handles up front React Flow need not mount a card to measure it, so a large map's
// off-screen cards are never mounted (culling); once a card is mounted its measured size
// replaces the estimate (and its measured handles these).
import { Position, type NodeHandle } from '@xyflow/react';
import { estimateCardSize } from '../../arguments/layout/cardSize';
import type { ArgNode, ArgumentMap } from '../../arguments/model';
import type { Size } from './toFlow';

const cache = new WeakMap<ArgNode, { source: unknown; size: Size }>();

/** The card's estimated size; the same object while the node and its quoted source are unchanged. */
export function estimatedSize(node: ArgNode, sources: ArgumentMap['sources']): Size {
  const quoted = node.quote && Object.hasOwn(sources, node.quote.source) ? sources[node.quote.source] : undefined;
  const hit = cache.get(node);
  if (hit && hit.source === quoted) return hit.size;
  const size = estimateCardSize(node, sources);
  cache.set(node, { source: quoted, size });
  return size;
}

/** The handle's box: 10 px and a 2 px border (renderer/styles.css .aa-handle), centred on the card's side. */
const HANDLE = 14;

/** The card's two handles (ArgumentNode: "left" and "right", both sources) where they will be drawn. */
export function estimatedHandles(size: Size): NodeHandle[] {
  const y = size.height / 2 - HANDLE / 2;
  return [
    { id: 'left', type: 'source', position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE },
    { id: 'right', type: 'source', position: Position.Right, x: size.width - HANDLE / 2, y, width: HANDLE, height: HANDLE },
  ];
}
