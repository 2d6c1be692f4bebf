// What a student may change in an "own voice" seminar, checked in the page before a step is sent
// (the host drops anything else; this only says so at once, in words). The rule: nodes in the
// student's own voice (`student:NAME`) and the nodes they add, which take that voice; the
// positions of those nodes; relations whose premises are all theirs (their argument may bear on
// the analyst's claims); and comments. Everything else (another voice's node, a source, the
// map's description, a layout of the whole map) is refused before it runs.
import { enablePatches, Immer, type Patch } from 'immer';
import type { Operation } from '../../arguments/history';
import type { ArgumentMap, Id } from '../../arguments/model';
import { ownsNode, studentVoice } from '../../arguments/live/protocol';
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

const NOT_YOURS = 'In this seminar you may change only your own nodes (and their arrows and places) and comments.';

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
  const mine = (id: Id) => added.has(id) || ownsNode(own(map.nodes, id), name);
  for (const { path } of patches) {
    const [head, id, field] = path.map(String);
    if (head === 'nodes' && id !== undefined) {
      if (!mine(id)) return refuseNodeEdit(map, id, name) ?? NOT_YOURS;
      const changed = own(next.nodes, id);
      if (changed && !added.has(id) && changed.voice !== voice) return `Your nodes stay in your voice (“${voice}”) in this seminar.`;
    } else if (head === 'view' && id === 'positions' && field !== undefined) {
      if (!mine(field)) return refuseNodeEdit(map, field, name) ?? NOT_YOURS;
    } else if (head === 'relations' && id !== undefined) {
      for (const r of [own(map.relations, id), own(next.relations, id)])
        if (r && !r.from.every(mine)) return `An arrow from a node that is not yours cannot be changed here. ${NOT_YOURS}`;
    } else if (head !== 'comments') return NOT_YOURS;
  }
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
