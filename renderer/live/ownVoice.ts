// What a student may change in an "own voice" seminar, checked in the page before a step is sent:
// the host's rule (arguments/live/roles.ts `ownVoiceRefusal`, which the host applies to every
// update), run on the step itself, so the page refuses at once, in words, what the host would
// drop. Nodes the student adds take their voice (`student:NAME`). The rule judges the step's own
// produce (apply.ts Vet), so a drag frame is produced once, not for a dry run and again.
import type { Operation } from '../../arguments/history';
import type { ArgumentMap, Id } from '../../arguments/model';
import { ownsNode, studentVoice } from '../../arguments/live/protocol';
import { ownVoiceRefusal } from '../../arguments/live/roles';
import { touchedByPatches, type Vet } from '../../arguments/live/apply';
import { nodeWords } from '../canvas/describe';

const own = <T>(r: Readonly<Record<Id, T>> | undefined, id: Id): T | undefined => (r && Object.hasOwn(r, id) ? r[id] : undefined);

/** Why a student may not edit node `id` in their own voice; null when they may. */
export function refuseNodeEdit(map: ArgumentMap, id: Id, name: string): string | null {
  const node = own(map.nodes, id);
  if (!node || ownsNode(node, name)) return null;
  const voice = node.voice ? `the voice “${node.voice}”` : 'the analyst’s voice';
  return `“${nodeWords(map, id)}” is in ${voice}. In this seminar you may edit only your own nodes (voice “${studentVoice(name)}”) and comments.`;
}

/**
 * `op` as a student runs it in their own voice: the step itself gives the nodes it adds the
 * student's voice, and `vet` judges what it made (the produce that is then written, once) by the
 * host's rule, refusing in words.
 */
export function ownVoiceStep(op: Operation, name: string): { op: Operation; vet: Vet } {
  const voice = studentVoice(name);
  const withVoice: Operation = {
    label: op.label,
    ...(op.check ? { check: op.check } : {}),
    apply: (d) => {
      const before = new Set(Object.keys(d.nodes));
      op.apply(d);
      for (const id of Object.keys(d.nodes)) if (!before.has(id)) d.nodes[id]!.voice = voice;
    },
  };
  const vet: Vet = (base, next, patches) => {
    const added = new Set<Id>();
    for (const p of patches) if (p.op === 'add' && p.path.length === 2 && p.path[0] === 'nodes') added.add(String(p.path[1]));
    // An edit of another voice's node gets the clearest words: the node's name and the rule.
    for (const { path } of patches) {
      const id = path[0] === 'nodes' ? path[1] : path[0] === 'view' && path[1] === 'positions' ? path[2] : undefined;
      if (id !== undefined && !added.has(String(id))) {
        const refused = refuseNodeEdit(base, String(id), name);
        if (refused) return refused;
      }
    }
    const refusal = ownVoiceRefusal(name, base, next, touchedByPatches(patches, base, next));
    return refusal === null ? null : `In this seminar ${refusal}.`;
  };
  return { op: withVoice, vet };
}
