// Comment threads: start, reply, edit, resolve, reopen, delete — one undo step each, saved in
// the file's layer and never in the argument; hostile text stays text; deleting what a thread is
// on keeps the thread, marked with what it was.
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { threadPlace } from '../../../arguments/model';
import * as ops from '../../../arguments/operations';
import { HOSTILE_TEXTS } from '../arbitraries';
import { apply, layered, refused, roundTrip } from './helpers';

const at = '2026-12-01T12:00:00Z';
const critic = (text: string) => ({ author: 'critic', at, text });

describe('starting a thread and replying', () => {
  it('a thread on a node, then a reply, each one step; the argument is untouched', () => {
    const start = layered();
    const id = ops.freshThreadId(start);
    expect(id).toBe('th4');
    let map = roundTrip(start, ops.startThread(id, 't', critic('Is the thesis too strong?')));
    expect(map.nodes).toBe(start.nodes);
    map = roundTrip(map, ops.reply(id, { author: 'analyst', at: '2026-12-01T12:10:00Z', text: 'The cable says as much.' }));
    expect(ops.threadsOn(map, 't')).toEqual([
      {
        id: 'th4',
        target: 't',
        resolved: false,
        messages: [
          { id: 'm1', author: 'critic', at, text: 'Is the thesis too strong?' },
          { id: 'm2', author: 'analyst', at: '2026-12-01T12:10:00Z', text: 'The cable says as much.' },
        ],
      },
    ]);
    expect(threadPlace(map, map.comments!.th4!)).toBe('node');
  });

  it('a thread on a relation', () => {
    const map = roundTrip(layered(), ops.startThread('th4', 'r5', critic('Does this undercut hold?')));
    expect(threadPlace(map, map.comments!.th4!)).toBe('relation');
  });

  it('hostile text is kept as text, byte for byte, through save and load', () => {
    let map = layered();
    for (const [i, text] of HOSTILE_TEXTS.entries()) map = apply(map, ops.startThread(`h${i}`, 'c', { author: '<b>critic</b>', at, text }));
    const again = loadMap(serializeMap(map));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(HOSTILE_TEXTS.map((_, i) => again.map.comments![`h${i}`]!.messages[0]!.text)).toEqual([...HOSTILE_TEXTS]);
    expect(again.map.comments!.h0!.messages[0]!.author).toBe('<b>critic</b>');
  });

  it('refuses what would not load, in words, and changes nothing', () => {
    const map = layered();
    expect(refused(map, ops.startThread('th1', 't', critic('x')))).toBe('The comment thread id "th1" is already in use.');
    expect(refused(map, ops.startThread('th9', 'toString', critic('x')))).toBe('Comment thread "th9" is on "toString", which is not a node or relation in this map.');
    expect(refused(map, ops.startThread('th9', 'letter', critic('x')))).toBe('"letter" is a source; comments are on nodes and relations.');
    expect(refused(map, ops.startThread('th9', 't', critic('   ')))).toBe('A comment needs some text.');
    expect(refused(map, ops.startThread('th9', 't', { author: '', at, text: 'x' }))).toBe('A comment needs its author.');
    expect(refused(map, ops.startThread('th9', 't', { author: 'critic', at: 'yesterday', text: 'x' }))).toMatch(/at/);
    expect(refused(map, ops.reply('constructor', critic('x')))).toBe('There is no comment thread "constructor".');
    expect(refused(map, ops.startThread('th9', 't', critic('x'.repeat(100_001))))).toMatch(/100,000/);
  });
});

describe('editing, resolving, reopening, deleting', () => {
  it('only its author edits a message; the edit is dated', () => {
    const map = roundTrip(layered(), ops.editMessage('th1', 'm1', 'critic', 'Which edition is this quoted from, exactly?', at));
    expect(map.comments!.th1!.messages[0]).toEqual({ id: 'm1', author: 'critic', at: '2026-11-27T09:05:00Z', text: 'Which edition is this quoted from, exactly?', edited: at });
    expect(refused(layered(), ops.editMessage('th1', 'm1', 'student', 'mine now', at))).toBe('Only "critic", who wrote this comment, can edit it; reply instead.');
    expect(refused(layered(), ops.editMessage('th1', 'm9', 'critic', 'x', at))).toBe('There is no message "m9" in the comment thread "th1".');
  });

  it('resolve and reopen are one step each, and refuse what is already so', () => {
    const resolved = roundTrip(layered(), ops.resolveThread('th1'));
    expect(resolved.comments!.th1!.resolved).toBe(true);
    expect(roundTrip(resolved, ops.reopenThread('th1')).comments!.th1!.resolved).toBe(false);
    expect(refused(resolved, ops.resolveThread('th1'))).toBe('This comment thread is already resolved.');
    expect(refused(layered(), ops.reopenThread('th1'))).toBe('This comment thread is already open.');
  });

  it('delete removes the thread with its messages as one step', () => {
    const map = roundTrip(layered(), ops.deleteThread('th2'));
    expect(ops.threadList(map).map((t) => t.id)).toEqual(['th1', 'th3']);
    expect(refused(map, ops.deleteThread('th2'))).toBe('There is no comment thread "th2".');
  });
});

describe('deleting what a thread is on', () => {
  it('the thread stays, detached with what it was on, in the same undo step; a new node never picks it up', () => {
    const map = roundTrip(layered(), ops.deleteNodes(['c']));
    const th1 = map.comments!.th1!;
    expect(th1.detached).toEqual({ kind: 'claim', name: 'A claim.' });
    expect(threadPlace(map, th1)).toBe('deleted');
    expect(ops.threadsOn(map, 'c')).toEqual([]);
    // A new node does not get the id a thread still names.
    expect(ops.freshId({ ...map, nodes: { ...map.nodes } }, 'c')).not.toBe('c');
    // The discussion may go on.
    expect(roundTrip(map, ops.reply('th1', critic('Deleted, but worth keeping.'))).comments!.th1!.messages).toHaveLength(3);
  });

  it('a relation removed with its premise detaches its threads, named by its ends', () => {
    const map = roundTrip(layered(), ops.deleteNodes(['o']));
    expect(map.comments!.th2!.detached).toEqual({ kind: 'undercuts', name: 'o undercuts r2' });
  });
});
