// Comment threads on nodes and relations: start one, reply, edit your own message, resolve,
// reopen, delete. Saved in the file (ArgumentMap.comments, format v2), never in the argument
// itself; each change one undo step. Text is kept exactly as written and is only ever text.
import { original, type Draft } from 'immer';
import { quote } from '../format/errors';
import { threadTargetProblem } from '../format/references';
import { AT, recordProblem } from '../format/rules';
import { schemas } from '../format/schema';
import { savedSizeProblem } from '../format/size';
import type { Operation } from '../history';
import { countProblem, MAX_MESSAGES, messagesMessage } from '../limits';
import { lookup, type ArgumentMap, type CommentMessage, type CommentThread, type DetachedTarget, type Id } from '../model';

/** What a new message says; its id is chosen by the operation (the next free in its thread). */
export interface NewMessage {
  author: string;
  /** ISO 8601. */
  at: string;
  text: string;
}

const layer = (map: ArgumentMap): Record<Id, CommentThread> => map.comments ?? {};
const has = (record: object, id: Id): boolean => Object.hasOwn(record, id);

/** Every thread, in id order. */
export function threadList(map: ArgumentMap): CommentThread[] {
  const all = layer(map);
  return Object.keys(all).sort().map((id) => all[id]!);
}

/** The threads on one node or relation (none once it is deleted: see threadPlace in model.ts). */
export function threadsOn(map: ArgumentMap, target: Id): CommentThread[] {
  return threadList(map).filter((t) => t.target === target && !t.detached);
}

/** A thread id not yet used: "th" and the smallest free number. */
export function freshThreadId(map: ArgumentMap): Id {
  const all = layer(map);
  for (let n = 1; ; n++) if (!has(all, `th${n}`)) return `th${n}`;
}

function nextMessageId(thread: Pick<CommentThread, 'messages'>): Id {
  const taken = new Set(thread.messages.map((m) => m.id));
  for (let n = 1; ; n++) if (!taken.has(`m${n}`)) return `m${n}`;
}

const NAME_LENGTH = 60;

/** What a thread on `id` keeps of it when it is deleted: its kind and its title or first words. */
export function detachedTarget(map: ArgumentMap, id: Id): DetachedTarget | undefined {
  if (has(map.nodes, id)) {
    const n = map.nodes[id]!;
    const flat = (n.title ?? n.text).replace(/\s+/g, ' ').trim();
    return { kind: n.kind, name: flat.length > NAME_LENGTH ? `${flat.slice(0, NAME_LENGTH - 1)}…` : flat };
  }
  if (has(map.relations, id)) {
    const r = map.relations[id]!;
    const name = `${r.from.join(' + ')} ${r.kind} ${r.to}`;
    return { kind: r.kind, name: name.length > NAME_LENGTH ? `${name.slice(0, NAME_LENGTH - 1)}…` : name };
  }
  return undefined;
}

function noThread(id: Id): string {
  return `There is no comment thread ${quote(id)}.`;
}

/** The message's own checks: the loader's schema and limits, and some words in it. */
function messageProblem(m: CommentMessage): string | null {
  if (typeof m.text !== 'string' || m.text.trim() === '') return 'A comment needs some text.';
  if (typeof m.author !== 'string' || m.author.trim() === '') return 'A comment needs its author.';
  return recordProblem(schemas().message, m, AT.message);
}

const withThread = (map: ArgumentMap, thread: CommentThread) => savedSizeProblem({ ...map, comments: { ...layer(map), [thread.id]: thread } }, 'Shorten the comment.');

/** Starts a thread on a node or relation with its first message. `id`: from freshThreadId. */
export function startThread(id: Id, target: Id, message: NewMessage): Operation {
  const thread: CommentThread = { id, target, resolved: false, messages: [{ id: 'm1', author: message.author, at: message.at, text: message.text }] };
  return {
    label: 'Add comment',
    check: (map) => {
      if (has(layer(map), id)) return `The comment thread id ${quote(id)} is already in use.`;
      const kind = lookup(map, target);
      if (kind === 'source') return `${quote(target)} is a source; comments are on nodes and relations.`;
      const missing = threadTargetProblem(map, thread);
      if (missing) return missing;
      return (
        messageProblem(thread.messages[0]!) ??
        recordProblem(schemas().thread, thread, AT.thread) ??
        countProblem('threads', Object.keys(layer(map)).length + 1) ??
        withThread(map, thread)
      );
    },
    apply: (d) => {
      d.comments ??= {};
      d.comments[id] = thread as Draft<CommentThread>;
    },
  };
}

/** Adds a message at the end of a thread (a detached one too: the discussion may go on). */
export function reply(threadId: Id, message: NewMessage): Operation {
  const build = (thread: CommentThread): CommentMessage => ({ id: nextMessageId(thread), author: message.author, at: message.at, text: message.text });
  return {
    label: 'Reply',
    check: (map) => {
      if (!has(layer(map), threadId)) return noThread(threadId);
      const thread = layer(map)[threadId]!;
      if (thread.messages.length + 1 > MAX_MESSAGES) return messagesMessage(thread.messages.length + 1);
      const m = build(thread);
      return messageProblem(m) ?? withThread(map, { ...thread, messages: [...thread.messages, m] });
    },
    apply: (d) => {
      const thread = (original(d) as ArgumentMap).comments![threadId]!;
      d.comments![threadId]!.messages.push(build(thread) as Draft<CommentMessage>);
    },
  };
}

/**
 * Changes the text of a message; only its author may (`by` must be the message's author).
 * `at` is recorded as when it was edited.
 */
export function editMessage(threadId: Id, messageId: Id, by: string, text: string, at: string): Operation {
  const indexOf = (map: ArgumentMap) => layer(map)[threadId]!.messages.findIndex((m) => m.id === messageId);
  return {
    label: 'Edit comment',
    check: (map) => {
      if (!has(layer(map), threadId)) return noThread(threadId);
      const thread = layer(map)[threadId]!;
      const i = indexOf(map);
      if (i < 0) return `There is no message ${quote(messageId)} in the comment thread ${quote(threadId)}.`;
      const m = thread.messages[i]!;
      if (m.author !== by) return `Only ${quote(m.author)}, who wrote this comment, can edit it; reply instead.`;
      const next = { ...m, text, edited: at };
      return messageProblem(next) ?? withThread(map, { ...thread, messages: thread.messages.map((x, k) => (k === i ? next : x)) });
    },
    apply: (d) => {
      const m = d.comments![threadId]!.messages[indexOf(original(d) as ArgumentMap)]!;
      m.text = text;
      m.edited = at;
    },
  };
}

function setResolved(threadId: Id, resolved: boolean): Operation {
  return {
    label: resolved ? 'Resolve comment' : 'Reopen comment',
    check: (map) => {
      if (!has(layer(map), threadId)) return noThread(threadId);
      if (layer(map)[threadId]!.resolved === resolved) return resolved ? 'This comment thread is already resolved.' : 'This comment thread is already open.';
      return null;
    },
    apply: (d) => {
      d.comments![threadId]!.resolved = resolved;
    },
  };
}

export const resolveThread = (threadId: Id): Operation => setResolved(threadId, true);
export const reopenThread = (threadId: Id): Operation => setResolved(threadId, false);

/** Deletes a thread and all its messages. */
export function deleteThread(threadId: Id): Operation {
  return {
    label: 'Delete comment thread',
    check: (map) => (has(layer(map), threadId) ? null : noThread(threadId)),
    apply: (d) => {
      delete d.comments![threadId];
    },
  };
}
