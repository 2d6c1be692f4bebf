// The shipped map as AIF in OVA3's shape: what each part of the argument becomes, and the import
// of that export giving the same statements and relations back.
import { describe, expect, it } from 'vitest';
import { exportAif } from '../../../../arguments/interop/aif/export';
import { importAif } from '../../../../arguments/interop/aif/import';
import { describeReport } from '../../../../arguments/interop/report';
import { argumentOf, NOW, shippedMap } from '../helpers';

const map = shippedMap();
const { json, text, report } = exportAif(map);
const nodes = new Map(json.AIF.nodes.map((n) => [n.nodeID, n]));
/** The I-nodes into a node: its premises (a CA into an RA is an undercut, not a premise). */
const into = (id: string) => json.AIF.edges.filter((e) => e.toID === id && nodes.get(e.fromID)!.type === 'I').map((e) => e.fromID);
const outOf = (id: string) => json.AIF.edges.filter((e) => e.fromID === id).map((e) => e.toID);

describe('exportAif', () => {
  it('is OVA3’s document: AIF, text and OVA layout, every node placed', () => {
    expect(Object.keys(JSON.parse(text))).toEqual(['AIF', 'text', 'OVA']);
    expect(Object.keys(json.AIF).sort()).toEqual(['cqdescriptorfulfillments', 'descriptorfulfillments', 'edges', 'locutions', 'nodes', 'participants', 'schemefulfillments']);
    expect(new Set(json.OVA.nodes.map((n) => n.nodeID))).toEqual(new Set(nodes.keys()));
  });

  it('makes every statement an I-node with its text', () => {
    for (const n of Object.values(map.nodes)) expect(nodes.get(n.id)).toEqual({ nodeID: n.id, type: 'I', text: n.text });
  });

  it('makes each support one RA, linked co-premises all into the same one', () => {
    for (const r of Object.values(map.relations).filter((x) => x.kind === 'supports')) {
      expect(nodes.get(r.id)!.type).toBe('RA');
      expect(into(r.id).sort()).toEqual([...r.from].sort());
      expect(outOf(r.id)).toEqual([r.to]);
    }
    expect(Object.values(map.relations).some((r) => r.kind === 'supports' && r.from.length > 1)).toBe(true);
  });

  it('makes an objection a CA into what it opposes, an undercut a CA into the RA it attacks', () => {
    for (const r of Object.values(map.relations).filter((x) => x.kind === 'opposes' || x.kind === 'undercuts')) {
      expect(nodes.get(r.id)!.type).toBe('CA');
      expect(into(r.id).sort()).toEqual([...r.from].sort());
      expect(outOf(r.id)).toEqual([r.to]);
      if (r.kind === 'undercuts') expect(['RA', 'CA']).toContain(nodes.get(r.to)!.type);
    }
  });

  it('gives each voice a participant and each statement a locution of it, anchored by Asserting', () => {
    const voices = [...new Set(Object.values(map.nodes).map((n) => n.voice).filter((v) => v))];
    expect(json.AIF.participants.map((p) => p.firstname).sort()).toEqual(voices.sort());
    const critic = json.AIF.participants.find((p) => p.firstname === 'critic')!;
    const o1 = Object.values(map.nodes).find((n) => n.id === 'O1')!;
    const locution = json.AIF.locutions.find((l) => l.personID === String(critic.participantID) && nodes.get(l.nodeID)!.text.endsWith(o1.text))!;
    expect(nodes.get(locution.nodeID)).toMatchObject({ type: 'L', text: `critic : ${o1.text}` });
    const ya = outOf(locution.nodeID)[0]!;
    expect(nodes.get(ya)).toMatchObject({ type: 'YA', text: 'Asserting' });
    expect(outOf(ya)).toEqual(['O1']);
  });

  it('names what AIF has no place for', () => {
    const lines = describeReport(report).join('\n');
    for (const what of ['Kinds of node are not in AIF', 'Titles of nodes are not in AIF', 'Quotes and their anchors are not in AIF', 'Voices of relations are not in AIF', 'Caveats (qualifies) are not in AIF', 'Sources and their texts are not in AIF']) expect(lines).toContain(what);
  });

  it('reads back with the same statements, voices and relations (caveats, which AIF has not, left out)', () => {
    const back = importAif(text, { now: NOW, name: 'shipped.json' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    const want = argumentOf(map);
    want.relations = want.relations.filter((r) => r.kind !== 'qualifies');
    expect(argumentOf(back.map)).toEqual(want);
    // Kinds come back from the structure: the thesis, the claims, the critic's objections.
    expect(back.map.nodes.T!.kind).toBe('thesis');
    expect(back.map.nodes.C1!.kind).toBe('claim');
    expect(back.map.nodes.O1!.kind).toBe('counter');
  });
});
