import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditEvidence } from '../../arguments/analysis/audit';
import { loadMap } from '../../arguments/format/load';
import { serializeMap } from '../../arguments/format/serialize';
import type { ArgumentMap, Id, Relation } from '../../arguments/model';

const path = new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url);
const fileText = readFileSync(path, 'utf8');
const original = readFileSync(new URL('../../arguments/sources/stalin-gottwald-1950.txt', import.meta.url), 'utf8');

function load(): ArgumentMap {
  const r = loadMap(fileText);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(r.warnings).toEqual([]);
  return r.map;
}
const map = load();
const rels = Object.values(map.relations);
const into = (id: Id, kind?: Relation['kind']) => rels.filter((r) => r.to === id && (!kind || r.kind === kind));
const premisesOf = (id: Id) => into(id, 'supports').flatMap((r) => r.from);

describe("the shipped map: the analyst's argument about Stalin's letter to Gottwald", () => {
  it('loads, validates and is saved in canonical form', () => {
    expect(serializeMap(map)).toBe(fileText);
  });

  it('keeps the source text byte-exact: the four sources are consecutive slices of the shipped file', () => {
    const order = ['article', 'letter', 'cable1949', 'translator-notes'];
    expect(order.map((id) => map.sources[id]!.text).join('')).toBe(original);
    expect(map.sources.letter!.text).toContain('Following our withdrawal form the Security Council');
    expect(map.sources['translator-notes']!.text.startsWith('\uFFFD Translator’s note')).toBe(true);
  });

  it('carries the archival citations exactly as the document gives them, with normalised fields', () => {
    for (const id of ['letter', 'cable1949']) {
      const s = map.sources[id]!;
      expect(s.role).toBe('primary');
      expect(s.text).toContain(s.citation!.asGiven);
    }
    expect(map.sources.letter!.citation).toMatchObject({ asGiven: 'RGASPI. Font . 558, Opis. 11, Delo. 62, Listy. 71-72', archive: 'RGASPI', fond: '558', opis: '11', delo: '62' });
    expect(map.sources.cable1949!.citation).toMatchObject({ archive: 'APRF', fond: '45', opis: '1', delo: '332', listy: '47–48' });
    expect(map.sources.letter!.date).toBe('1950-08-27');
    expect(map.sources.letter!.recipient).toBe('Klement Gottwald');
    expect(map.sources.cable1949!.date).toBe('1949-10-26');
    expect(map.sources.article!.quotes).toEqual(['letter']);
  });

  it('has the thesis and four claims that support it, each with premises or quoted evidence from the letter', () => {
    const thesis = Object.values(map.nodes).filter((n) => n.kind === 'thesis');
    expect(thesis).toHaveLength(1);
    expect(thesis[0]!.text).toMatch(/explains the 1950 Soviet absence from the Security Council.*Korean War.*world strategy/);
    const claims = ['C1', 'C2', 'C3', 'C4'].map((id) => map.nodes[id]!);
    expect(claims.map((c) => c.title)).toEqual(['Claim 1', 'Claim 2', 'Claim 3', 'Claim 4']);
    for (const c of claims) {
      expect(c.kind).toBe('claim');
      expect(premisesOf('T')).toContain(c.id);
      // Evidence from the letter within two steps below the claim.
      const below = premisesOf(c.id).flatMap((p) => [p, ...premisesOf(p)]);
      expect(below.some((id) => map.nodes[id]!.quote?.source === 'letter')).toBe(true);
    }
  });

  it("has the analyst's anti-war-mood caveat qualifying claim 1", () => {
    const k = map.nodes.K1!;
    expect(k).toMatchObject({ kind: 'counter', voice: 'analyst' });
    expect(k.text).toMatch(/anti-war mood/);
    expect(into('C1', 'qualifies').map((r) => r.from)).toContainEqual(['K1']);
  });

  it('links the two co-premises of claim 1 into one inference', () => {
    expect(map.relations['r.P1.C1']).toMatchObject({ kind: 'supports', from: ['P1a', 'P1b'], to: 'C1' });
  });

  it('has the Europe-priority sub-claim under claim 2 and the rapprochement sub-claim under claim 3', () => {
    expect(map.nodes.C2a!.text).toMatch(/Europe was the top priority/);
    expect(premisesOf('C2')).toContain('C2a');
    expect(map.nodes.C3a!.text).toMatch(/rapprochement/);
    expect(premisesOf('C3')).toContain('C3a');
  });

  it("has the translator's note on the ambiguous sentence as a counter-consideration under claim 4", () => {
    const tn = map.nodes.TN1!;
    expect(tn).toMatchObject({ kind: 'counter', voice: 'translator' });
    expect(tn.quote?.source).toBe('translator-notes');
    const undercut = rels.find((r) => r.from.includes('TN1'))!;
    expect(undercut.kind).toBe('undercuts');
    expect(map.relations[undercut.to]!.to).toBe('C4');
    expect(map.nodes[map.relations[undercut.to]!.from[0]!]!.quote?.exact).toContain('partake in a third world war');
  });

  it('uses the 1949 cable (Stalin advising the KPA not to attack) as evidence bearing on the argument', () => {
    const cableEvidence = Object.values(map.nodes).filter((n) => n.quote?.source === 'cable1949');
    expect(cableEvidence.length).toBeGreaterThan(0);
    expect(cableEvidence[0]!.quote!.exact).toContain('the Korean troops should not launch any assaults');
    expect(rels.some((r) => r.from.includes(cableEvidence[0]!.id))).toBe(true);
  });

  it("has at least three critic's objections, each attacking a claim or an inference", () => {
    const objections = Object.values(map.nodes).filter((n) => n.voice === 'critic' && n.kind === 'counter');
    expect(objections.length).toBeGreaterThanOrEqual(3);
    for (const o of objections) {
      const attacks = rels.filter((r) => r.from.includes(o.id) && r.kind !== 'supports');
      expect(attacks.length, o.id).toBeGreaterThan(0);
    }
    const kinds = new Set(objections.flatMap((o) => rels.filter((r) => r.from.includes(o.id)).map((r) => r.kind)));
    expect(kinds).toContain('undercuts');
    expect(kinds).toContain('opposes');
  });

  it('every node takes part in the argument (no orphans)', () => {
    const connected = new Set(rels.flatMap((r) => [...r.from, r.to]));
    expect(Object.keys(map.nodes).filter((id) => !connected.has(id))).toEqual([]);
  });

  it('every quote passes the audit against its source', () => {
    const findings = auditEvidence(map);
    expect(findings.length).toBe(Object.values(map.nodes).filter((n) => n.quote).length);
    expect(findings.filter((f) => f.status !== 'verbatim')).toEqual([]);
  });

  it('finds the right one of the two identical "Does it not give us an advantage" passages', () => {
    const e = map.nodes.E3c!.quote!;
    const letter = map.sources.letter!.text;
    const first = letter.indexOf(e.exact);
    expect(letter.indexOf(e.exact, first + 1)).toBe(e.start);
  });

  it('places every node', () => {
    expect(Object.keys(map.view.positions).sort()).toEqual(Object.keys(map.nodes).sort());
  });
});
