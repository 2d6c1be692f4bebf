// What a student may change in an "own voice" seminar, checked in the page before a step is sent:
// the host's rule (arguments/live/roles.ts `ownVoiceRefusal`, which the host applies to every
// update), run on the step's dry run, so the page refuses at once, in words, what the host would
// drop. Nodes the student adds take their voice (`student:NAME`). An edit of another voice's node
// gets the clearest words: the node's name and the rule.
import { enablePatches, Immer, type Patch } from 'immer';
import type { Operation } from '../../arguments/history';
import type { ArgumentMap, Id } from '../../arguments/model';
import { ownsNode, studentVoice } from '../../arguments/live/protocol';
import { ownVoiceRefusal } from '../../arguments/live/roles';
import { COLLECTIONS, type Collection } from '../../arguments/live/mirror';
import { nothingTouched, type Touched } from '../../arguments/live/snapshot';
import { nodeWords } from '../canvas/describe';

enablePatches();
const immer = new Immer({ autoFreeze: false });

const own = <T>(r: Readonly<Record<Id, T>> | undefined, id: Id): T | undefined => (r && Object.hasOwn(r, id) ? r[id] : undefined);

/** Why a student may not edit node `id` in their own voice; null when they may. */
export function refuseNodeEdit(map: ArgumentMap, id: Id, name: string): string | null {
  const node = own(map.nodes, id);
  if (!node || ownsNode(node, name)) return null;
  const voice = node.voice ? `the voice “${node.voice}”` : 'the analyst’s voice';
  return `“${nodeWords(map, id)}” is in ${voice}. In this seminar you may edit only your own nodes (voice “${studentVoice(name)}”) and comments.`;
}

const isCollection = (k: unknown): k is Collection => (COLLECTIONS as readonly unknown[]).includes(k);

/** The records a step's patches touch, as the host's walk of a Yjs transaction names them. */
export function touchedByPatches(patches: readonly Patch[], before: ArgumentMap, after: ArgumentMap): Touched {
  const t = nothingTouched();
  const mark = (c: Collection, id: Id) => {
    let set = t.records.get(c);
    if (!set) t.records.set(c, (set = new Set()));
    set.add(id);
  };
  for (const { path } of patches) {
    const [head, second, third] = path;
    if (isCollection(head)) {
      if (path.length >= 2) mark(head, String(second));
      else for (const id of new Set([...Object.keys(before[head] ?? {}), ...Object.keys(after[head] ?? {})])) mark(head, id);
    } else if (head === 'view' && second === 'positions') {
      if (path.length >= 3) t.positions.add(String(third));
      else for (const id of new Set([...Object.keys(before.view.positions), ...Object.keys(after.view.positions)])) t.positions.add(id);
    } else if (head === 'meta' || head === 'unknown' || head === 'view') t.whole.add(head);
    else t.whole.add('unknown');
  }
  return t;
}

/**
 * `op` as a student in their own voice may run it (its new nodes take the student's voice), or
 * the reason it is refused. `map` is the document the step would run on.
 */
export function ownVoiceOperation(op: Operation, map: ArgumentMap, name: string): Operation | string {
  const reason = op.check?.(map) ?? null;
  if (reason !== null) return reason;
  const voice = studentVoice(name);
  // A dry run says what the step touches; its new nodes are the records it adds.
  const [next, patches] = immer.produceWithPatches(map, op.apply) as [ArgumentMap, Patch[], Patch[]];
  const added = new Set<Id>();
  for (const p of patches) if (p.op === 'add' && p.path.length === 2 && p.path[0] === 'nodes') added.add(String(p.path[1]));
  for (const { path } of patches) {
    const id = path[0] === 'nodes' ? path[1] : path[0] === 'view' && path[1] === 'positions' ? path[2] : undefined;
    if (id !== undefined && !added.has(String(id))) {
      const refused = refuseNodeEdit(map, String(id), name);
      if (refused) return refused;
    }
  }
  const after = added.size === 0 ? next : immer.produce(next, (d) => void added.forEach((id) => (d.nodes[id]!.voice = voice)));
  const refusal = ownVoiceRefusal(name, map, after, touchedByPatches(patches, map, after));
  if (refusal !== null) return `In this seminar ${refusal}.`;
  if (added.size === 0) return op;
  return {
    label: op.label,
    ...(op.check ? { check: op.check } : {}),
    apply: (d) => {
      op.apply(d);
      for (const id of added) if (Object.hasOwn(d.nodes, id)) d.nodes[id]!.voice = voice;
    },
  };
}
