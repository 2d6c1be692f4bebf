// The shipped map as Argdown: Argdown's own parser reads it back with one statement per node and
// every relation, and the import gives back the very same map.
import { describe, expect, it } from 'vitest';
import { serializeMap } from '../../../../arguments/format/serialize';
import { exportArgdown } from '../../../../arguments/interop/argdown/export';
import { importArgdown } from '../../../../arguments/interop/argdown/import';
import { parseArgdown } from '../../../../arguments/interop/argdown/parse';
import { describeReport } from '../../../../arguments/interop/report';
import { emptyMap } from '../../../../arguments/model';
import { NOW, shippedMap } from '../helpers';

const map = shippedMap();
const exported = exportArgdown(map);

describe('exportArgdown', () => {
  it('is read by Argdown’s parser with one statement per node, its text as the map has it', () => {
    const parsed = parseArgdown(exported.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const doc = parsed.document;
    const texts = new Map(doc.statements.map((s) => [s.title, s.text.trim()]));
    for (const n of Object.values(map.nodes)) expect(texts.get(n.title ?? n.id), n.id).toBe(n.text.replace(/\s+/g, ' ').trim());
    // Objections drawn as arguments add their conclusions, which say what they attack.
    const extra = doc.statements.filter((s) => !Object.values(map.nodes).some((n) => (n.title ?? n.id) === s.title));
    for (const s of extra) expect(s.text).toMatch(/^(Against|A caveat to) /);
  });

  it('draws every relation: supports and attacks between statements, linked ones as arguments, undercuts of inferences', () => {
    const parsed = parseArgdown(exported.text);
    if (!parsed.ok) throw new Error('unread');
    const { relations, arguments: args } = parsed.document;
    const linked = Object.values(map.relations).filter((r) => r.from.length > 1);
    expect(linked.length).toBeGreaterThan(0);
    for (const r of linked) {
      const a = args.find((x) => x.title === r.id)!;
      expect(a.pcs.filter((s) => s.role === 'premise')).toHaveLength(r.from.length);
    }
    const undercuts = Object.values(map.relations).filter((r) => r.kind === 'undercuts');
    expect(relations.filter((r) => r.type === 'undercut')).toHaveLength(undercuts.length);
    for (const r of relations.filter((x) => x.type === 'undercut')) expect(r.to.type).toBe('inference');
  });

  it('reads back as the same map: statements, relations, sources, quotes, voices and positions', () => {
    const back = importArgdown(exported.text, { now: NOW, name: 'shipped.argdown' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(serializeMap(back.map)).toBe(serializeMap(map));
  });

  it('names what Argdown itself does not read (it travels in the front matter)', () => {
    const lines = describeReport(exported.report);
    expect(lines.some((l) => l.startsWith('Caveats (qualifies) are written as Argdown attacks') && l.includes('"r.K1.C1"'))).toBe(true);
    expect(lines.some((l) => l.includes('the sources and their texts') && l.includes('"letter"'))).toBe(true);
    expect(lines.some((l) => l.includes('the voices of relations'))).toBe(true);
  });

  it('keeps markup characters of a statement as text', () => {
    const m = emptyMap(NOW, 'Marks');
    m.nodes.a = { id: 'a', kind: 'thesis', text: 'A [bracket] <arg> #tag @mention *bold* _it_ {x: 1} :smile: // not a comment === \\ end' };
    m.nodes.b = { id: 'b', kind: 'premise', text: 'Line one\nline two   spaced' };
    m.relations.r = { id: 'r', kind: 'supports', from: ['b'], to: 'a' };
    const text = exportArgdown(m).text;
    const parsed = parseArgdown(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.document.statements.find((s) => s.title === 'a')!.text.trim()).toBe(m.nodes.a.text);
    expect(parsed.document.relations).toEqual([{ type: 'support', from: { type: 'statement', title: 'b' }, to: { type: 'statement', title: 'a' } }]);
    const back = importArgdown(text, { now: NOW });
    if (!back.ok) throw new Error('unread');
    expect(back.map.nodes.b!.text).toBe('Line one\nline two   spaced');
    expect(back.map.nodes.a!.text).toBe(m.nodes.a.text);
  });

  it('writes ids such as toString and constructor under titles Argdown can read, and gets them back', () => {
    const m = emptyMap(NOW, 'Reserved');
    const put = <T extends { id: string }>(record: Record<string, T>, value: T) => Object.defineProperty(record, value.id, { value, enumerable: true, writable: true, configurable: true });
    put(m.nodes, { id: 'toString', kind: 'thesis', text: 'Eins.', title: 'constructor' });
    put(m.nodes, { id: 'constructor', kind: 'premise', text: 'Zwei.' });
    put(m.nodes, { id: 'x', kind: 'premise', text: 'Drei.' });
    put(m.relations, { id: 'valueOf', kind: 'supports', from: ['constructor', 'x'], to: 'toString' });
    put(m.relations, { id: 'hasOwnProperty', kind: 'undercuts', from: ['x'], to: 'valueOf' });
    expect(Object.keys(m.nodes)).toHaveLength(3);
    const text = exportArgdown(m).text;
    expect(parseArgdown(text).ok).toBe(true);
    const back = importArgdown(text, { now: NOW });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(serializeMap(back.map)).toBe(serializeMap(m));
  });
});
