// New ids in a live document are unique per peer: two students adding a node at once must not
// both make "n7" (the second would replace the first in the shared record). The id carries the
// document's Yjs client id (random per session, which Yjs itself relies on being unique among the
// peers of a document): "n.2f9k1c.1", the prefix, the peer, a number. Ids already in files stay.
import type * as Y from 'yjs';
import type { ArgumentMap, Id } from '../model';
import { freshId } from '../operations/common';

/** The peer's part of its ids: its client id in base 36. */
export const peerTag = (doc: Y.Doc): string => doc.clientID.toString(36);

/** A fresh id for `map` made by this peer: no other peer of the document can make it. */
export function livePeerId(doc: Y.Doc, map: ArgumentMap, prefix: string, taken?: ReadonlySet<Id>): Id {
  return freshId(map, `${prefix}.${peerTag(doc)}.`, taken);
}

/** An id factory for callers that make ids before an operation (the store's add, paste, connect). */
export function idFactory(doc: Y.Doc, map: () => ArgumentMap): (prefix: string, taken?: ReadonlySet<Id>) => Id {
  return (prefix, taken) => livePeerId(doc, map(), prefix, taken);
}
