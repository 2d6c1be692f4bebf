// How many cards speak in no voice (the Voices panel's last row), counted once per node record.
import type { ArgumentMap } from '../../arguments/model';

const unvoicedOf = new WeakMap<ArgumentMap['nodes'], number>();

/**
 * The store runs a panel's selectors on every change and render; a pass over 10,000 cards each
 * time was most of a layer toggle. An edit makes a new node record, so the count is made again.
 */
export function unvoicedCount(nodes: ArgumentMap['nodes']): number {
  let n = unvoicedOf.get(nodes);
  if (n === undefined) {
    n = 0;
    for (const id in nodes) if (!nodes[id]!.voice) n++;
    unvoicedOf.set(nodes, n);
  }
  return n;
}
