// The hostile-input corpus of issue 10, built here (no committed binaries): every map the loader
// accepts saves, reloads, exports in every format and lays out on the canvas; everything else is
// refused with a typed, worded error naming where. Each case has a timeout: none may hang.
import { describe, expect, it } from 'vitest';
import { renderPdf, renderPng } from '../../../arguments/cli/figures';
import { crc32, importFigure, PNG_MAP_KEYWORD, readPngChunks, writePngChunks } from '../../../arguments/export/embed';
import { rasterTooLarge, renderFigure } from '../../../arguments/export/figure';
import { layoutFigure } from '../../../arguments/export/layout';
import { scopeMap } from '../../../arguments/export/scope';
import { THEMES } from '../../../arguments/export/themes';
import { loadMap, type LoadResult } from '../../../arguments/format/load';
import { FORMAT_NAME } from '../../../arguments/format/schema';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory, undo, type Operation } from '../../../arguments/history';
import {
  MAX_COORDINATE,
  MAX_FIELD_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_NODES,
  MAX_SOURCE_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
} from '../../../arguments/limits';
import type { ArgumentMap } from '../../../arguments/model';
import * as ops from '../../../arguments/operations';
import { expectSavesAndReloads, expectShown, expectSvg, expectUsable, FIGURE, loaded } from './usable';

const QUICK = 20_000;
const SLOW = 120_000;

type Json = Record<string, unknown>;

/** A small valid file: a thesis, a claim supporting it, a source the claim quotes. */
function base(): Json {
  return {
    format: FORMAT_NAME,
    version: 1,
    meta: { title: 'Hostile', authors: [], created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' },
    sources: [{ id: 's', title: 'Letter', role: 'primary', text: 'We left the Security Council for four reasons.' }],
    nodes: [
      { id: 'T', kind: 'thesis', text: 'A thesis.' },
      { id: 'a', kind: 'evidence', text: 'Evidence.', quote: { source: 's', exact: 'four reasons', start: 34 } },
    ],
    relations: [{ id: 'r', kind: 'supports', from: ['a'], to: 'T' }],
    view: { positions: { T: { x: 0, y: 0 }, a: { x: 0, y: 200 } }, collapsed: [] },
  };
}

const file = (edit: (f: Json & { nodes: Json[]; sources: Json[]; relations: Json[]; view: { positions: Record<string, Json> } }) => void): string => {
  const f = base() as Parameters<typeof edit>[0];
  edit(f);
  return JSON.stringify(f);
};

/** The loader's one error for `text`: its code, path and sentence. */
function refusal(text: string | Uint8Array): { code: string; path: string; message: string } {
  const r: LoadResult = loadMap(text);
  if (r.ok) throw new Error('the loader accepted it');
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) expect(e.message).not.toMatch(/\n|undefined|TypeError|RangeError|stack/);
  return r.errors[0]!;
}

/** A value `depth` objects and lists deep. */
function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let d = 0; d < depth; d++) v = d % 2 ? [v] : { deeper: v };
  return v;
}

const refused = (map: ArgumentMap, op: Operation): string => {
  const r = commit(createHistory(map), op);
  if (r.ok) throw new Error('the operation was accepted');
  expect(r.reason).not.toMatch(/\n/);
  return r.reason;
};

describe('positions', () => {
  for (const [where, value] of [['x', 2e18], ['x', 1e308], ['y', -1e308], ['x', MAX_COORDINATE + 1]] as const)
    it(`${where} = ${value} is refused, naming the position and the range`, () => {
      const e = refusal(file((f) => (f.view.positions.a![where] = value)));
      expect(e).toMatchObject({ code: 'out-of-range', path: `view.positions.a.${where}` });
      expect(e.message).toMatch(/^A position must be within 10,000,000 px of the origin either way, and this one is /);
    }, QUICK);

  it('positions at the limit load, save, export in every format and lay out', async () => {
    const map = loaded(
      file((f) => {
        f.view.positions.T = { x: MAX_COORDINATE, y: -MAX_COORDINATE };
        f.view.positions.a = { x: -MAX_COORDINATE, y: MAX_COORDINATE };
      }),
    );
    await expectUsable(map);
  }, SLOW);

  it('the figure layout finishes with finite numbers even for positions past the limit (a map made in memory)', async () => {
    const map = loaded(file(() => undefined));
    // Every node far out: nothing to close the gap to, so the figure's own numbers are that far too (this hung).
    for (const p of [{ x: 2e18, y: 3e18 }, { x: 1e308, y: -1e308 }, { x: Number.MAX_VALUE, y: Number.NaN }]) {
      const far = structuredClone(map);
      far.view.positions.a = p;
      far.view.positions.T = { x: p.x, y: p.y + 300 };
      const layout = layoutFigure(far, scopeMap(far, { kind: 'all' }, { counters: true }), THEMES.print, { voices: true, legend: true });
      for (const n of layout.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      expect(Number.isFinite(layout.width) && Number.isFinite(layout.height)).toBe(true);
    }
  }, QUICK);

  it('moving a node past the limit is refused in the same words; to the limit is allowed', () => {
    const map = loaded(file(() => undefined));
    expect(refused(map, ops.moveNodes({ a: { x: 1e300, y: 0 } }))).toMatch(/^A position must be within 10,000,000 px of the origin either way, and this one is 1e\+300/);
    expect(refused(map, ops.addNode({ id: 'n', kind: 'note', text: '' }, { x: 0, y: -2e18 }))).toMatch(/^A position must be within 10,000,000 px/);
    const pasted = ops.cloneFragment(map, ['a'], map, { x: MAX_COORDINATE + 1, y: 0 });
    expect(refused(map, ops.insertFragment(pasted))).toMatch(/^A position must be within 10,000,000 px/);
    expect(commit(createHistory(map), ops.moveNodes({ a: { x: MAX_COORDINATE, y: -MAX_COORDINATE } })).ok).toBe(true);
  }, QUICK);
});

describe('ids that are names of Object.prototype', () => {
  const NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

  /** Nodes, relations and a source named after Object.prototype; half the nodes never placed. */
  function prototypeMap(): string {
    return file((f) => {
      f.sources.push({ id: 'toLocaleString', title: 'Second letter', role: 'primary', text: 'A second text.' });
      NAMES.slice(0, 5).forEach((id, i) => {
        f.nodes.push({ id, kind: i === 0 ? 'claim' : 'evidence', text: `Node ${id}`, ...(i > 0 ? { quote: { source: i % 2 ? 's' : 'toLocaleString', exact: i % 2 ? 'four' : 'second', start: 0 } } : {}) });
        if (i % 2 === 0) f.view.positions[id] = { x: i * 300, y: 400 };
      });
      f.relations.push({ id: 'propertyIsEnumerable', kind: 'supports', from: ['valueOf', 'hasOwnProperty'], to: 'toString' });
      f.relations.push({ id: 'r2', kind: 'supports', from: ['toString'], to: 'T' });
      f.relations.push({ id: 'r3', kind: 'undercuts', from: ['constructor'], to: 'propertyIsEnumerable' });
      f.relations.push({ id: 'r4', kind: 'undercuts', from: ['isPrototypeOf'], to: 'r3' });
      (f.view as Json).collapsed = ['valueOf'];
    });
  }

  it('load, save, export in every format and lay out', async () => {
    await expectUsable(loaded(prototypeMap()));
  }, SLOW);

  it('export as a subtree or a selection of them', async () => {
    const map = loaded(prototypeMap());
    await expectSvg(map, { ...FIGURE, scope: { kind: 'subtree', root: 'toString' } });
    await expectSvg(map, { ...FIGURE, scope: { kind: 'selection', ids: ['propertyIsEnumerable', 'constructor'] } });
    await expectSvg(map, { ...FIGURE, counters: false, scope: { kind: 'selection', ids: ['valueOf'] } });
  }, QUICK);

  it('can be pasted, moved and deleted, and every state still saves', () => {
    let h = createHistory(loaded(prototypeMap()));
    const step = (op: Operation) => {
      const r = commit(h, op);
      if (!r.ok) throw new Error(r.reason);
      h = r.history;
      expectSavesAndReloads(h.present);
      expectShown(h.present);
    };
    step(ops.insertFragment(ops.cloneFragment(h.present, ['constructor', 'valueOf', 'hasOwnProperty', 'toString'], h.present, { x: 40, y: 40 })));
    step(ops.moveNodes({ valueOf: { x: 10, y: 10 } }));
    step(ops.deleteNodes(['toString']));
  }, QUICK);

  it('"__proto__" is not an id', () => {
    const e = refusal(file((f) => (f.nodes[1]!.id = '__proto__')));
    expect(e).toMatchObject({ code: 'invalid', path: 'nodes[1].id' });
  }, QUICK);
});

describe('long strings', () => {
  it(`a source text of ${MAX_SOURCE_TEXT_LENGTH.toLocaleString('en-US')} characters that an escaping expression choked on loads, saves and exports`, async () => {
    const text = 'onon<&>"script:\\'.repeat(Math.ceil(MAX_SOURCE_TEXT_LENGTH / 16)).slice(0, MAX_SOURCE_TEXT_LENGTH);
    const map = loaded(file((f) => (f.sources[0]!.text = text)));
    await expectUsable(map);
  }, SLOW);

  it('one character more is refused, naming the field and the limit', () => {
    const e = refusal(file((f) => (f.sources[0]!.text = 'x'.repeat(MAX_SOURCE_TEXT_LENGTH + 1))));
    expect(e).toEqual({ code: 'too-long', path: 'sources[0].text', message: "A source's text can be at most 8,388,608 characters long, and this one has 8,388,609. Shorten it, or split it." });
  }, QUICK);

  it(`a node text of ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters of "onon…" (quadratic for a backtracking expression) exports at once`, async () => {
    const map = loaded(file((f) => (f.nodes[1]!.text = 'on'.repeat(MAX_TEXT_LENGTH / 2))));
    await expectUsable(map, false);
    expect(refusal(file((f) => (f.nodes[1]!.text = 'x'.repeat(MAX_TEXT_LENGTH + 1))))).toMatchObject({ code: 'too-long', path: 'nodes[1].text' });
  }, SLOW);

  it('a string of 8 M characters in a field this version does not know loads, saves and exports', async () => {
    const map = loaded(file((f) => (f.nodes[0]!.laterField = '"\\'.repeat(4 * 1024 * 1024))));
    await expectSvg(map);
    expectSavesAndReloads(map);
  }, SLOW);

  it('titles and other fields have limits of their own', () => {
    expect(refusal(file((f) => (f.nodes[0]!.title = 't'.repeat(MAX_TITLE_LENGTH + 1))))).toMatchObject({ code: 'too-long', path: 'nodes[0].title', message: expect.stringMatching(/^A title can be at most 10,000 characters long/) });
    expect(refusal(file((f) => (f.nodes[0]!.voice = 'v'.repeat(MAX_FIELD_LENGTH + 1))))).toMatchObject({ code: 'too-long', path: 'nodes[0].voice' });
    expect(refusal(file((f) => ((f.meta as Json).title = 'm'.repeat(MAX_TITLE_LENGTH + 1))))).toMatchObject({ code: 'too-long', path: 'meta.title' });
  }, QUICK);

  it('an edit past a limit is refused in the loader\u2019s words', () => {
    const map = loaded(file(() => undefined));
    expect(refused(map, ops.editNode('a', { text: 'x'.repeat(10 * 1024 * 1024) }))).toBe("A node's text can be at most 100,000 characters long, and this one has 10,485,760. Shorten it, or split it.");
    expect(refused(map, ops.setMeta({ title: 'm'.repeat(MAX_TITLE_LENGTH + 1) }))).toMatch(/^A title can be at most 10,000 characters long/);
    expect(refused(map, ops.anchorQuote('a', { source: 's', exact: 'q'.repeat(MAX_TEXT_LENGTH + 1) }))).toMatch(/^A quoted passage can be at most 100,000 characters long/);
    expect(refused(map, ops.setRelationVoice('r', 'v'.repeat(MAX_FIELD_LENGTH + 1)))).toMatch(/^This field can be at most 10,000 characters long/);
    expect(commit(createHistory(map), ops.editNode('a', { text: 'x'.repeat(MAX_TEXT_LENGTH) })).ok).toBe(true);
  }, QUICK);

  it('edits that would make the saved map larger than the loader opens are refused, with its size', () => {
    const long = '漢'.repeat(MAX_TEXT_LENGTH); // 300,000 bytes in UTF-8
    const nodes = Array.from({ length: 111 }, (_, i) => ({ id: `big${i}`, kind: 'note' as const, text: long }));
    const r = commit(createHistory(loaded(file(() => undefined))), ops.insertFragment({ nodes, relations: [], positions: {} }));
    if (!r.ok) throw new Error(r.reason);
    const map = r.history.present; // 31.8 MB: room for less than one more such text
    const more = Array.from({ length: 10 }, (_, i) => ({ id: `more${i}`, kind: 'note' as const, text: long }));
    expect(refused(map, ops.insertFragment({ nodes: more, relations: [], positions: {} }))).toMatch(/^With this change the map would be 3\d\.\d MB when saved, and Argument Atlas opens maps of up to 32\.0 MB\./);
    expect(refused(map, ops.addNode({ id: 'one', kind: 'note', text: long.repeat(1) }))).toMatch(/^With this change the map would be/);
  }, SLOW);
});

describe('nesting', () => {
  it(`fields nested to the limit (${MAX_NESTING_DEPTH} deep from the file) load, save and export`, async () => {
    // file (1) > nodes (2) > node (3) > the field: 61 more reach 64.
    const map = loaded(file((f) => (f.nodes[0]!.later = nested(MAX_NESTING_DEPTH - 3))));
    await expectUsable(map, false);
  }, QUICK);

  for (const depth of [MAX_NESTING_DEPTH - 2, 1_300, 100_000])
    it(`a field nested ${depth} levels deep under a node is refused, where it starts to be too deep`, () => {
      // Written out as text: JSON.stringify itself cannot write 100,000 levels.
      const text = file((f) => (f.nodes[0]!.later = 'DEEP')).replace('"DEEP"', '{"deeper":['.repeat(depth / 2) + '1' + ']}'.repeat(depth / 2));
      const e = refusal(text);
      expect(e.code).toBe('too-deep');
      expect(e.path).toMatch(/^nodes\[0\]\.later(\.deeper\[0\]){30}\.deeper$/);
      expect(e.message).toBe('Objects and lists can be nested at most 64 deep in a map, and this one is deeper. Flatten the field.');
    }, QUICK);

  it('so is a deep imported record, and an edit cannot make one', () => {
    expect(refusal(file((f) => (f.sources[0]!.bib = { note: nested(MAX_NESTING_DEPTH) }))).code).toBe('too-deep');
    const map = loaded(file(() => undefined));
    expect(refused(map, ops.editSource('s', { bib: { note: nested(MAX_NESTING_DEPTH) } }))).toMatch(/^Objects and lists can be nested at most 64 deep/);
    expect(refused(map, ops.addNode({ id: 'n', kind: 'note', text: '', deep: nested(200) } as never))).toMatch(/^Objects and lists can be nested at most 64 deep/);
  }, QUICK);
});

describe('keys named "__proto__"', () => {
  const RESERVED = /^A field cannot be named "__proto__": JavaScript objects cannot keep it as data, so it would be lost\. Rename the field\.$/;

  it('are refused inside a field this version does not know, with the path', () => {
    const text = file((f) => (f.nodes[0]!.later = { ok: 1 })).replace('"ok":1', '"ok":1,"list":[{"__proto__":{"polluted":true}}]');
    const e = refusal(text);
    expect(e).toMatchObject({ code: 'reserved-key', path: 'nodes[0].later.list[0].__proto__' });
    expect(e.message).toMatch(RESERVED);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, QUICK);

  it('are refused on a node itself (the validator would drop the field without a word)', () => {
    const e = refusal(file(() => undefined).replace('"kind":"thesis"', '"kind":"thesis","__proto__":{"kind":"claim"}'));
    expect(e).toMatchObject({ code: 'reserved-key', path: 'nodes[0].__proto__' });
  }, QUICK);

  it('cannot come in through an edit (undo would lose them)', () => {
    const map = loaded(file(() => undefined));
    const withKey = JSON.parse('{"id":"n","kind":"note","text":"","later":{"__proto__":1}}');
    expect(refused(map, ops.addNode(withKey))).toMatch(RESERVED);
    expect(refused(map, ops.editSource('s', { bib: JSON.parse('{"type":"book","note":{"__proto__":{}}}') }))).toMatch(RESERVED);
    expect(refused(map, ops.insertFragment({ nodes: [withKey], relations: [], positions: {} }))).toMatch(RESERVED);
  }, QUICK);
});

describe('keys named twice', () => {
  it('are refused with the path of their object', () => {
    const text = file((f) => f.nodes.push({ id: 'c', kind: 'claim', text: 'first' })).replace('"text":"first"', '"text":"first","text":"second"');
    expect(refusal(text)).toEqual({ code: 'duplicate-key', path: 'nodes[2]', message: 'The key "text" appears twice in this object, and only one can be kept; remove the one that is wrong.' });
  }, QUICK);

  it('however they are escaped, and at any depth', () => {
    expect(refusal(file(() => undefined).replace('"kind":"thesis"', '"kind":"thesis","\\u006bind":"claim"'))).toMatchObject({ code: 'duplicate-key', path: 'nodes[0]' });
    expect(refusal(file((f) => (f.view.positions.T = { x: 1, y: 2 })).replace('"T":{"x":1,"y":2}', '"T":{"x":1,"y":2,"x":3}'))).toMatchObject({ code: 'duplicate-key', path: 'view.positions.T' });
    expect(refusal(file(() => undefined).replace('"format":', '"version":1,"format":'))).toMatchObject({ code: 'duplicate-key', path: '' });
  }, QUICK);

  it('are found at the end of a 30 MB file, and a file of a million distinct keys passes, in linear time', () => {
    const filler = 'x'.repeat(28 * 1024 * 1024);
    const text = file((f) => {
      f.sources[0]!.later = filler;
      f.nodes.push({ id: 'z', kind: 'note', text: 'end' });
    }).replace('"text":"end"', '"text":"end","text":"end"');
    expect(refusal(text)).toMatchObject({ code: 'duplicate-key', path: 'nodes[2]' });
    const keys = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, i]));
    expect(loadMap(file((f) => (f.nodes[0]!.later = keys))).ok).toBe(true);
  }, QUICK);
});

describe('counts', () => {
  function manyNodes(n: number): string {
    return file((f) => {
      for (let i = 0; i < n - 2; i++) {
        f.nodes.push({ id: `n${i}`, kind: 'premise', text: `Premise ${i}` });
        f.relations.push({ id: `r${i}`, kind: 'supports', from: [`n${i}`], to: i === 0 ? 'T' : `n${Math.floor(i / 2)}` });
        f.view.positions[`n${i}`] = { x: (i % 150) * 300, y: 300 + Math.floor(i / 150) * 200 };
      }
    });
  }

  it(`a map of ${MAX_NODES.toLocaleString('en-US')} nodes loads, saves and exports as SVG; PNG is refused in words at 300 DPI`, async () => {
    const map = loaded(manyNodes(MAX_NODES));
    expectSavesAndReloads(map);
    expectShown(map);
    const fig = renderFigure(map, FIGURE);
    expect(fig.layout.nodes).toHaveLength(MAX_NODES);
    expect(rasterTooLarge(fig, 300)).toMatch(/more than a PNG can be drawn at here; (choose \d+ DPI or less|even at 36 DPI it would be too large)/);
  }, SLOW);

  it('one node more is refused, and so is adding one to a full map', () => {
    expect(refusal(manyNodes(MAX_NODES + 1))).toMatchObject({ code: 'too-many', path: 'nodes', message: 'A map can have at most 20,000 nodes, and this one would have 20,001. Split the map into several.' });
    const full = loaded(manyNodes(MAX_NODES));
    expect(refused(full, ops.addNode({ id: 'one-more', kind: 'note', text: '' }))).toBe('A map can have at most 20,000 nodes, and this one would have 20,001. Split the map into several.');
  }, SLOW);
});

describe('messages quote ids and titles escaped', () => {
  it('a line break in an id cannot print a line of its own', () => {
    const e = refusal(file((f) => ((f.nodes[1]!.quote as Json).source = 'x\nnodes[0]: all is well')));
    expect(e.message).toContain('"x\\nnodes[0]: all is well"');
    expect(e.message).not.toContain('\n');
  }, QUICK);

  it('nor one in a title, or a right-to-left override', () => {
    const map = loaded(file((f) => (f.sources[0]!.title = 'Letter\nDeleted.\u202e')));
    expect(refused(map, ops.deleteSource('s'))).toBe('"Letter\\nDeleted.\\u202e" cannot be deleted: it is quoted by evidence "a". Delete or re-anchor that evidence first.');
  }, QUICK);
});

describe('damaged figures say what is damaged', () => {
  const figureOf = () => renderFigure(loaded(file(() => undefined)), FIGURE);
  const reason = async (bytes: Uint8Array) => {
    const r = await importFigure(bytes);
    if (r.ok) throw new Error('it opened');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).not.toMatch(/carries no argument map/);
    return r.errors[0]!;
  };
  /** Where the chunk of `type` starts in the file (its length field). */
  const chunkAt = (png: Uint8Array, type: string) => {
    let at = 8;
    for (;;) {
      const length = new DataView(png.buffer, png.byteOffset).getUint32(at);
      if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === type) return at;
      at += 12 + length;
    }
  };

  it('a bad checksum', async () => {
    const png = await renderPng(figureOf(), 12);
    const bad = png.slice();
    bad[chunkAt(png, 'iTXt') + 10]! ^= 0x01;
    expect(await reason(bad)).toEqual({ code: 'damaged-figure', path: '', message: 'The PNG file is damaged: chunk 3 (iTXt) fails its checksum (CRC), so its bytes were changed after it was written.' });
  }, QUICK);

  it('a chunk length that lies', async () => {
    const png = await renderPng(figureOf(), 12);
    const bad = png.slice();
    new DataView(bad.buffer).setUint32(chunkAt(png, 'pHYs'), 0xfffffff0);
    expect((await reason(bad)).message).toMatch(/^The PNG file is damaged: chunk 2 \(pHYs\) gives its length as 4,294,967,280 bytes, but only [\d,]+ bytes follow \(the file is cut off, or the length is wrong\)\.$/);
  }, QUICK);

  it('a file cut off before the map', async () => {
    const png = await renderPng(figureOf(), 12);
    expect((await reason(png.subarray(0, chunkAt(png, 'iTXt') + 20))).message).toMatch(/^The PNG file is damaged: chunk \d \(iTXt\) gives its length as/);
    expect((await reason(png.subarray(0, 40))).message).toMatch(/^The PNG file is damaged: it ends inside chunk 2, so it was cut off\.$/);
  }, QUICK);

  it('a map chunk whose compressed text does not unpack', async () => {
    const chunks = readPngChunks(await renderPng(figureOf(), 12));
    const head = new TextEncoder().encode(`${PNG_MAP_KEYWORD}\0\x01\0\0\0`);
    const broken = { type: 'iTXt', data: new Uint8Array([...head, 0x78, 0x9c, 1, 2, 3, 4, 5, 6, 7]) };
    const png = writePngChunks([chunks[0]!, broken, ...chunks.slice(1).filter((c) => c.type !== 'iTXt')]);
    expect(await reason(png)).toEqual({ code: 'damaged-figure', path: '', message: 'The map in this PNG is damaged: its compressed text does not unpack (the chunk was cut or changed).' });
  }, QUICK);

  it('damage after the map chunk still gives the map', async () => {
    const png = await renderPng(figureOf(), 12);
    const bad = png.slice();
    bad[chunkAt(png, 'IDAT') + 12]! ^= 0xff;
    expect(crc32(bad)).not.toBe(crc32(png));
    const r = await importFigure(bad);
    expect(r.ok).toBe(true);
  }, QUICK);

  it('a PDF whose attached map is damaged', async () => {
    const map = loaded(file(() => undefined));
    const fig = renderFigure(map, FIGURE);
    const pdf = await renderPdf(fig, renderFigure(map, FIGURE, { embedMap: false }).svg, 'fit', map.meta.modified);
    const text = new TextDecoder('latin1').decode(pdf);
    const at = text.indexOf('stream', text.indexOf('/Type /EmbeddedFile')) + 'stream\n'.length;
    const bad = pdf.slice();
    for (let i = at + 2; i < at + 40; i++) bad[i] = 0x41;
    expect(await reason(bad)).toEqual({ code: 'damaged-figure', path: '', message: 'The map attached to this PDF is damaged: its compressed stream does not unpack (the file was cut or changed).' });
  }, QUICK);

  it('an SVG of a hundred thousand unclosed map elements, and a PDF of as many attachments, are read through at once', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><metadata>${'<aa:map xmlns:aa="urn:argument-atlas:argmap">x'.repeat(100_000)}</metadata></svg>`;
    const r = await importFigure(new TextEncoder().encode(svg));
    expect(r.ok).toBe(false);
    const pdf = new TextEncoder().encode(`%PDF-1.7\n${'1 0 obj << /Type /EmbeddedFile /Length 5 >> stream\nxxxxx'.repeat(100_000)}\n%%EOF`);
    expect((await importFigure(pdf)).ok).toBe(false);
  }, QUICK);
});

describe('the history keeps every field through undo', () => {
  it('an unknown field of a deleted node comes back whole (no "__proto__" can be among its keys)', () => {
    const map = loaded(file((f) => (f.nodes[1]!.later = { a: [{ b: 1 }], c: 'd', constructor: { prototype: 1 } })));
    const r = commit(createHistory(map), ops.deleteNodes(['a']));
    if (!r.ok) throw new Error(r.reason);
    expect(serializeMap(undo(r.history).present)).toBe(serializeMap(map));
  }, QUICK);
});

it('a figure too wide for a PNG at any resolution says to export SVG or PDF, not "choose 0 DPI"', () => {
  expect(rasterTooLarge({ width: 5_000_000, height: 100 }, 300)).toMatch(/even at 36 DPI it would be too large: export SVG or PDF, or a part of the map\.$/);
});
