// AIF files written here in the two shapes (AIFdb's bare {nodes, edges}, OVA3's {AIF, text, OVA}):
// what a map makes of them, and bad files refused whole with a worded reason.
import { describe, expect, it } from 'vitest';
import { importAif } from '../../../../arguments/interop/aif/import';
import { looksLikeAif } from '../../../../arguments/interop/aif/read';
import { describeProblem } from '../../../../arguments/interop/problems';
import { NOW } from '../helpers';

const node = (nodeID: string, type: string, text = type) => ({ nodeID, type, text, timestamp: '2014-01-01 10:00:00' });
const edge = (edgeID: string, fromID: string, toID: string) => ({ edgeID, fromID, toID, formEdgeID: null });

/** AIFdb's shape: a claim, two linked premises in one RA, a conflict, and a conflict with the inference. */
const DB = {
  nodes: [node('1', 'I', 'We should act.'), node('2', 'I', 'It is cheap.'), node('3', 'I', 'It works.'), node('4', 'RA', 'Default Inference'), node('5', 'I', 'It is too late.'), node('6', 'CA', 'Default Conflict'), node('7', 'I', 'Cheap things fail.'), node('8', 'CA', 'Default Conflict')],
  edges: [edge('1', '2', '4'), edge('2', '3', '4'), edge('3', '4', '1'), edge('4', '5', '6'), edge('5', '6', '1'), edge('6', '7', '8'), edge('7', '8', '4')],
  locutions: [],
};

function read(value: unknown) {
  const r = importAif(JSON.stringify(value), { now: NOW, name: 'debate.json' });
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('; '));
  return r.map;
}

const byText = (map: ReturnType<typeof read>, text: string) => Object.values(map.nodes).find((n) => n.text === text)!;

describe('importAif', () => {
  it('recognises AIF by its content, in either shape', () => {
    expect(looksLikeAif(DB)).toBe(true);
    expect(looksLikeAif({ AIF: DB, text: '', OVA: {} })).toBe(true);
    expect(looksLikeAif({ format: 'argument-atlas/argmap', nodes: [], relations: [] })).toBe(false);
  });

  it('makes one linked support of an RA with two premises, an objection of a CA, an undercut of a CA into an RA', () => {
    const map = read(DB);
    expect(Object.keys(map.nodes)).toHaveLength(5);
    const rels = Object.values(map.relations);
    const support = rels.find((r) => r.kind === 'supports')!;
    expect(support.to).toBe(byText(map, 'We should act.').id);
    expect(support.from.map((id) => map.nodes[id]!.text).sort()).toEqual(['It is cheap.', 'It works.']);
    expect(rels.find((r) => r.kind === 'opposes')).toMatchObject({ from: [byText(map, 'It is too late.').id], to: byText(map, 'We should act.').id });
    expect(rels.find((r) => r.kind === 'undercuts')).toMatchObject({ from: [byText(map, 'Cheap things fail.').id], to: support.id });
    expect(byText(map, 'We should act.').kind).toBe('thesis');
    expect(byText(map, 'It is too late.').kind).toBe('counter');
  });

  it('reads OVA3’s shape with its participants as voices', () => {
    const ova = {
      AIF: {
        ...DB,
        nodes: [...DB.nodes, node('9', 'L', 'Anna Weber : It is too late.'), node('10', 'YA', 'Asserting')],
        edges: [...DB.edges, edge('8', '9', '10'), edge('9', '10', '5')],
        participants: [{ participantID: 1, firstname: 'Anna', surname: 'Weber' }],
        locutions: [{ nodeID: '9', personID: '1' }],
      },
      text: '',
      OVA: { nodes: [], edges: [] },
    };
    const map = read(ova);
    expect(byText(map, 'It is too late.').voice).toBe('Anna Weber');
    expect(Object.values(map.nodes).some((n) => n.text.includes(' : '))).toBe(false);
  });

  it('refuses an edge to a node the file does not have, naming it', () => {
    const r = importAif(JSON.stringify({ ...DB, edges: [...DB.edges, edge('99', '2', '404')] }), { now: NOW });
    expect(r.ok ? null : r.problems[0]).toMatchObject({ code: 'dangling-edge', message: expect.stringMatching(/^Edge "99" runs .*"404".*not a node of the file\.$/) });
  });

  it('refuses an unknown node type, naming the types AIF has', () => {
    const r = importAif(JSON.stringify({ ...DB, nodes: [...DB.nodes, node('9', 'XX')] }), { now: NOW });
    expect(r.ok ? null : r.problems[0]).toMatchObject({ code: 'unknown-node-type', message: expect.stringMatching(/^Node "9" has the type "XX", which AIF does not have; its node types are I, RA, CA/) });
  });

  it('refuses what is not JSON, not AIF, empty, or has two nodes with one id', () => {
    const code = (text: string) => {
      const r = importAif(text, { now: NOW });
      return r.ok ? 'ok' : r.problems[0]!.code;
    };
    expect(code('{"nodes": [')).toBe('not-json');
    expect(code('{"nodes": []}')).toBe('not-aif');
    expect(code('  ')).toBe('empty');
    expect(code(JSON.stringify({ ...DB, nodes: [...DB.nodes, node('1', 'I', 'again')] }))).toBe('duplicate-node');
  });

  it('reads node ids such as toString and constructor as ordinary ids', () => {
    const map = read({ nodes: [node('toString', 'I', 'A.'), node('constructor', 'I', 'B.'), node('__proto__', 'RA')], edges: [edge('1', 'constructor', '__proto__'), edge('2', '__proto__', 'toString')] });
    expect(Object.values(map.relations)).toHaveLength(1);
    expect(Object.values(map.relations)[0]!.from.map((id) => map.nodes[id]!.text)).toEqual(['B.']);
  });
});
