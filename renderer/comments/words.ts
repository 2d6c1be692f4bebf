// How a comment thread names what it is on and when it was written.
import { NODE_KIND_LABELS, RELATION_KINDS, threadPlace, type ArgumentMap, type CommentThread, type NodeKind } from '../../arguments/model';
import { describeRelation, nodeName } from '../panels/inspector/describe';

const isRelationKind = (k: string) => (RELATION_KINDS as readonly string[]).includes(k);

/** "Claim: Claim 1", "Relation: P1a + P1b supports Claim 1", "Deleted claim: Claim 5". */
export function threadTargetName(map: ArgumentMap, thread: CommentThread): string {
  const place = threadPlace(map, thread);
  if (place === 'node') return `${NODE_KIND_LABELS[map.nodes[thread.target]!.kind]}: ${nodeName(map, thread.target)}`;
  if (place === 'relation') return `Relation: ${describeRelation(map, map.relations[thread.target]!)}`;
  const d = thread.detached;
  if (!d) return `Deleted item ${thread.target}`;
  const kind = isRelationKind(d.kind) ? `${d.kind} relation` : NODE_KIND_LABELS[d.kind as NodeKind].toLowerCase();
  return `Deleted ${kind}: ${d.name}`;
}

/** "1 Dec 2026, 14:05" in the reader's time zone; the text as given when it is not a date. */
export function commentTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The first words of a message, for a list. */
export function firstWords(text: string, count = 12): string {
  const words = text.trim().split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

export const openCount = (n: number) => `${n} open ${n === 1 ? 'comment' : 'comments'}`;
