// 30 peers of one document, on a simulated network (a relay as y-websocket's server is, with
// delays, reordering, dropped connections and the resync after them), apply random operations at
// once: all reach one state, that of a reference merge (every update applied to one fresh doc),
// and every state a peer shows passes the loader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { fromYDoc, toYDoc } from '../../../arguments/live/mirror';
import { LiveSession } from '../../../arguments/live/session';
import type { ArgumentMap, Id } from '../../../arguments/model';
import { seminarMap, seminarOperation } from './seminarOperations';

const PEERS = 30;

type Step =
  | { peer: number; kind: 'op'; which: number; a: number; b: number; c: number; text: string }
  | { peer: number; kind: 'deliver'; count: number; pick: number }
  | { peer: number; kind: 'toggle' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ peer: fc.nat(PEERS - 1), kind: fc.constant('op' as const), which: fc.nat(11), a: fc.nat(), b: fc.nat(), c: fc.nat(), text: fc.string({ maxLength: 6 }) }) },
  { weight: 4, arbitrary: fc.record({ peer: fc.nat(PEERS - 1), kind: fc.constant('deliver' as const), count: fc.integer({ min: 1, max: 40 }), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ peer: fc.nat(PEERS - 1), kind: fc.constant('toggle' as const) }) },
);

interface Peer {
  session: LiveSession;
  online: boolean;
  /** Updates on their way to this peer (from the relay), in the order sent. */
  inbox: Uint8Array[];
}

function loadable(map: ArgumentMap): string | null {
  const r = loadMap(serializeMap(map));
  return r.ok ? null : r.errors.map((e) => e.message).join('; ');
}

function simulate(steps: readonly Step[]) {
  const initial = toYDoc(seminarMap());
  const everything: Uint8Array[] = [Y.encodeStateAsUpdate(initial)];
  const relay = new Y.Doc();
  Y.applyUpdate(relay, everything[0]!);
  const peers: Peer[] = [];
  const counts = { applied: 0, repairs: 0 };
  const toRelay = (u: Uint8Array, from: Peer) => {
    Y.applyUpdate(relay, u, from);
  };
  relay.on('update', (u: Uint8Array, from: unknown) => {
    for (const p of peers) if (p !== from && p.online) p.inbox.push(u);
  });
  for (let i = 0; i < PEERS; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, everything[0]!);
    const peer: Peer = { session: new LiveSession(doc, { onRepair: (r) => (counts.repairs += r.length) }), online: true, inbox: [] };
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      everything.push(u);
      if (origin !== 'wire' && peer.online) toRelay(u, peer);
    });
    peers.push(peer);
  }
  const resync = (p: Peer) => {
    // y-websocket's sync step on reconnecting: each side sends what the other lacks.
    toRelay(Y.encodeStateAsUpdate(p.session.doc, Y.encodeStateVector(relay)), p);
    p.inbox.push(Y.encodeStateAsUpdate(relay, Y.encodeStateVector(p.session.doc)));
  };
  let checked = 0;
  const problems: string[] = [];
  const deliver = (p: Peer, count: number, pick: number) => {
    for (let k = 0; k < count && p.inbox.length > 0; k++) {
      // Out of order: any of the first few waiting updates may arrive first.
      const i = (pick + k) % Math.min(p.inbox.length, 4);
      const [u] = p.inbox.splice(i, 1);
      Y.applyUpdate(p.session.doc, u!, 'wire');
    }
    if (++checked % 7 === 0) {
      const why = loadable(p.session.map);
      if (why) problems.push(why);
    }
  };
  for (const st of steps) {
    const p = peers[st.peer]!;
    if (st.kind === 'op') {
      const op = seminarOperation(p.session, st);
      if (op && p.session.apply(op).ok) counts.applied++;
      if (st.which % 4 === 0 && st.c % 5 === 0) p.session.undo();
    } else if (st.kind === 'deliver') deliver(p, st.count, st.pick);
    else if (p.online) {
      p.online = false;
      p.inbox.length = 0; // what was on the way is lost with the connection
    } else {
      p.online = true;
      resync(p);
    }
  }
  // Everyone back online, every message delivered, until nothing more is said.
  for (const p of peers) if (!p.online) ((p.online = true), resync(p));
  for (let round = 0; peers.some((p) => p.inbox.length > 0); round++) {
    if (round > 100) throw new Error('the peers did not settle');
    for (const p of peers) deliver(p, p.inbox.length, 0);
  }
  const reference = new Y.Doc();
  for (const u of everything) Y.applyUpdate(reference, u);
  return { peers, reference, problems, counts };
}

describe('30 peers editing one map at once', () => {
  it('reach the same state, the reference merge, and every state opens', () => {
    const totals = { applied: 0, repairs: 0 };
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 150, maxLength: 400 }), (steps) => {
        const { peers, reference, problems, counts } = simulate(steps);
        totals.applied += counts.applied;
        totals.repairs += counts.repairs;
        expect(problems).toEqual([]);
        const expected = serializeMap(fromYDoc(reference));
        expect(loadable(fromYDoc(reference))).toBeNull();
        for (const p of peers) {
          expect(serializeMap(fromYDoc(p.session.doc))).toBe(expected);
          // The snapshot each peer works on, kept from transactions, is the document.
          expect(serializeMap(p.session.map)).toBe(expected);
        }
      }),
      { numRuns: 4, seed: 1950_08_27, endOnFailure: true },
    );
    // The runs did edit concurrently, and edits did collide (the normaliser had to mend).
    expect(totals.applied).toBeGreaterThan(200);
    expect(totals.repairs).toBeGreaterThan(0);
  }, 60_000);
});
