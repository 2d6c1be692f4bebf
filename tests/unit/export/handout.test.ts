// The HTML handout as a browser would read it: a CSP that allows only the page's own script and
// styles (by hashes that match them), nothing fetched, user text only ever as text, the
// sources byte-exact, the step-through's data naming groups the figure has, and a worksheet
// that leaves no trace of the text it blanks.
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { NODE_PLATFORM } from '../../../arguments/cli/commands/export-handout';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { renderFigure, DEFAULT_FIGURE_OPTIONS } from '../../../arguments/export/figure';
import { buildHandout, HandoutError, WORKSHEET_BLANK, worksheetNodes, type Handout } from '../../../arguments/export/handout';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import type { ArgumentMap, Id } from '../../../arguments/model';
import { presentationSteps } from '../../../arguments/present/steps';
import { HOSTILE, shippedMap } from './helpers';

await startFigureRouting();

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  parent?: El;
}

/** The page as htmlparser2 (a real HTML tokenizer) reads it: every element with its attributes and raw text. */
function parse(html: string): El[] {
  const els: El[] = [];
  const stack: El[] = [];
  new Parser(
    {
      onopentag(name, attrs) {
        const el: El = { name, attrs, text: '', parent: stack[stack.length - 1] };
        els.push(el);
        stack.push(el);
      },
      ontext(t) {
        for (const el of stack) el.text += t;
      },
      onclosetag() {
        stack.pop();
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  ).end(html);
  return els;
}

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
/** The raw content of each `<tag>` element (scripts and styles are raw text to the parser). */
const rawOf = (html: string, tag: 'script' | 'style') => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
const dataOf = (h: Handout) => JSON.parse(/var D = (.*);\n/.exec(rawOf(h.html, 'script')[0]!)![1]!) as { steps: { title: string; nodes: Id[]; relations: Id[] }[]; quotes: Record<Id, string> };

function hostileMap(): ArgumentMap {
  const map = structuredClone(shippedMap());
  const nodes = Object.values(map.nodes);
  nodes.forEach((n, i) => {
    n.text = HOSTILE[i % HOSTILE.length]!;
    n.title = HOSTILE[(i + 7) % HOSTILE.length];
  });
  map.nodes['constructor'] = { id: 'constructor', kind: 'counter', text: '</script><script>alert(1)</script>', title: '</style><style>*{display:none}</style>' };
  map.relations['toString'] = { id: 'toString', kind: 'opposes', from: ['constructor'], to: 'T' };
  map.meta = { ...map.meta, title: '</title><script>alert(1)</script>' };
  Object.values(map.sources).forEach((s, i) => (s.text = `${HOSTILE[i]!}\r\n</script>&amp;<mark>\r${s.text}`));
  const valid = loadMap(serializeMap(map));
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.map;
}

const shipped = buildHandout(shippedMap(), NODE_PLATFORM);
const hostile = buildHandout(hostileMap(), NODE_PLATFORM);

describe('the handout page', () => {
  it('has a CSP with no inline or eval allowance, whose hashes are exactly its script and styles', () => {
    for (const h of [shipped, hostile]) {
      const metas = parse(h.html).filter((e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
      expect(metas).toHaveLength(1);
      const csp = new Map(metas[0]!.attrs.content!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('img-src')).toEqual(['data:']);
      expect(csp.get('font-src')).toEqual(['data:']);
      expect(metas[0]!.attrs.content).not.toMatch(/unsafe-|\*|https?:/);
      const scripts = rawOf(h.html, 'script');
      const styles = rawOf(h.html, 'style');
      expect(scripts).toHaveLength(1);
      expect(styles.length).toBeGreaterThanOrEqual(2);
      expect(csp.get('script-src')).toEqual(scripts.map((s) => `'sha256-${sha(s)}'`));
      expect(csp.get('style-src')).toEqual(styles.map((s) => `'sha256-${sha(s)}'`));
      // The script builds nothing from strings: no eval, no innerHTML, no inline handlers.
      expect(scripts[0]).not.toMatch(/\beval\(|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|setAttribute\('on/);
    }
  });

  it('fetches nothing: no URL but XML namespaces, no src or href, fonts inline', () => {
    const withoutNamespaces = shipped.html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutNamespaces).not.toMatch(/https?:\/\//);
    for (const h of [shipped, hostile])
      for (const e of parse(h.html)) {
        expect(Object.keys(e.attrs).filter((a) => /^(src|href|xlink:href|srcset|action|formaction|on.*)$/i.test(a)), `<${e.name}>`).toEqual([]);
        expect(e.name).not.toMatch(/^(link|img|iframe|object|embed|image|use|foreignobject|a|form|base)$/);
      }
    expect(shipped.faces.map((f) => `${f.font} ${f.face}`)).toEqual(expect.arrayContaining(['Source Serif 4 regular']));
    expect((shipped.html.match(/src:url\(data:font\/ttf;base64,/g) ?? []).length).toBe(shipped.faces.length);
    // Small enough to mail: the faces the figure uses, not every bundled font.
    expect(shipped.html.length).toBeLessThan(3 * 1024 * 1024);
  });

  it('shows hostile text only as text', () => {
    const html = hostile.html;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(rawOf(html, 'style').length);
    expect(html.match(/<title[ >]/g)).toHaveLength(2); // the page's and the figure's
    const els = parse(html);
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'small', 'div', 'button', 'span', 'p', 'main', 'section', 'h2', 'article', 'h3', 'mark', 'script', 'svg', 'desc', 'metadata', 'aa:map', 'g', 'rect', 'path', 'text', 'tspan']);
    for (const e of els) expect(allowed.has(e.name), `<${e.name}>`).toBe(true);
    // The page's title is the map's, as text.
    expect(els.find((e) => e.name === 'title' && e.parent?.name === 'head')!.text).toBe('</title><script>alert(1)</script>');
  });

  it('carries each source byte-exact, the quoted passages marked', () => {
    for (const [h, map] of [
      [shipped, shippedMap()],
      [hostile, hostileMap()],
    ] as const) {
      const texts = parse(h.html).filter((e) => e.attrs.class === 'aa-source-text');
      expect(texts.map((e) => e.text)).toEqual(Object.values(map.sources).map((s) => s.text));
    }
    const marks = parse(shipped.html).filter((e) => e.name === 'mark');
    const quoted = Object.values(shippedMap().nodes).filter((n) => n.quote);
    expect(marks.length).toBeGreaterThanOrEqual(new Set(quoted.map((n) => n.quote!.exact)).size);
    // Every mark lies inside the source text, and each quoting node leads to a mark of its passage.
    const data = dataOf(shipped);
    for (const n of quoted) {
      const id = data.quotes[n.id]!;
      const mark = marks.find((m) => m.attrs.id === id)!;
      expect(mark, n.id).toBeDefined();
      expect(n.quote!.exact.startsWith(mark.text), n.id).toBe(true);
    }
  });

  it('steps through the presentation order over groups the figure has', () => {
    const map = shippedMap();
    const data = dataOf(shipped);
    expect(data.steps.map((s) => s.nodes)).toEqual(presentationSteps(map).map((s) => s.nodes));
    expect(shipped.steps).toBe(data.steps.length);
    const ids = new Set(parse(shipped.html).map((e) => e.attrs.id));
    const stepOf = new Map(data.steps.flatMap((s, k) => s.nodes.map((id) => [id, k] as const)));
    const relStep = new Map(data.steps.flatMap((s, k) => s.relations.map((id) => [id, k] as const)));
    for (const id of Object.keys(map.nodes)) expect(ids.has(`node-${id}`), id).toBe(true);
    // Every relation is revealed once, no earlier than what it joins, and its arrow is in the figure.
    expect([...relStep.keys()].sort()).toEqual(Object.keys(map.relations).sort());
    for (const r of Object.values(map.relations)) {
      expect(ids.has(`relation-${r.id}`), r.id).toBe(true);
      const ends = [...r.from, r.to].map((id) => stepOf.get(id) ?? relStep.get(id)!);
      expect(relStep.get(r.id)).toBe(Math.max(...ends));
    }
    // Hostile ids (constructor, toString) are found like any other.
    const h = dataOf(hostile);
    expect(h.steps.some((s) => s.nodes.includes('constructor'))).toBe(true);
    expect(h.steps.some((s) => s.relations.includes('toString'))).toBe(true);
    expect(hostile.html).toContain('id="node-constructor"');
  });

  it('leaves figures outside the handout byte for byte as before (no relation groups)', () => {
    const svg = renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS).svg;
    expect(svg).not.toContain('data-relation');
    expect(shipped.html).toContain('data-relation=');
  });
});

describe('the student worksheet', () => {
  const map = shippedMap();
  const counters = worksheetNodes(map, 'counters');

  /** Every string in a JSON value. */
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]) : []);
  /** What a reader could find in the file: its text with entities decoded, its attributes, every string of its JSON; whitespace one space. */
  const readable = (html: string) => {
    const els = parse(html);
    const json = [dataOf({ html } as Handout), ...els.filter((e) => e.name === 'aa:map').map((e) => JSON.parse(e.text) as unknown)].flatMap(strings);
    const attrs = els.flatMap((e) => Object.values(e.attrs));
    const texts: string[] = [];
    // The script's and the embedded map's text are JSON, read as such above.
    new Parser({ ontext: (t) => texts.push(t) }, { decodeEntities: true }).end(html.replace(/<script>[\s\S]*?<\/script>|<metadata>[\s\S]*?<\/metadata>/g, ''));
    return [...texts, ...attrs, ...json].join(' ').replace(/\s+/g, ' ');
  };
  /** Runs of four words of a node's text that no other text of the map holds (its quote is the source's, and stays). */
  const others = (id: Id) =>
    [...Object.values(map.nodes).flatMap((n) => (n.id === id ? [n.quote?.exact ?? ''] : [n.text, n.title ?? '', n.quote?.exact ?? ''])), ...Object.values(map.sources).map((s) => s.text)].join(' ').replace(/\s+/g, ' ');
  const ownRuns = (id: Id) => {
    const rest = others(id);
    const words = map.nodes[id]!.text.split(/\s+/).filter((w) => w !== '');
    return words.slice(0, -3).map((_, i) => words.slice(i, i + 4).join(' ')).filter((run) => !rest.includes(run));
  };

  it('picks every counter-consideration, or the ids given, and refuses ids the map lacks', () => {
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.every((id) => map.nodes[id]!.kind === 'counter')).toBe(true);
    expect(counters).toEqual(Object.values(map.nodes).filter((n) => n.kind === 'counter').map((n) => n.id));
    expect(worksheetNodes(map, ' T , T ')).toEqual(['T']);
    expect(() => worksheetNodes(map, 'T,nope,toString')).toThrow(/does not have: nope, toString\./);
    expect(() => worksheetNodes(map, ' , ')).toThrow(HandoutError);
  });

  it('blanks their text everywhere in the file: figure, embedded map, labels, step titles', () => {
    const normal = readable(shipped.html);
    const sheet = buildHandout(map, NODE_PLATFORM, { worksheet: counters });
    const text = readable(sheet.html);
    expect(sheet.blanked).toEqual(counters);
    for (const id of counters) {
      const runs = ownRuns(id);
      expect(runs.length, id).toBeGreaterThan(0);
      // The reading sees these runs in the ordinary handout, and none of them in the worksheet.
      expect(runs.some((r) => normal.includes(r)), id).toBe(true);
      expect(runs.filter((r) => text.includes(r)), id).toEqual([]);
      // The box stays, with lines to write on.
      expect(sheet.html).toContain(`id="node-${id}"`);
    }
    expect(sheet.html).toContain(WORKSHEET_BLANK.split('\n')[0]);
    expect(parse(sheet.html).find((e) => e.name === 'title')!.text).toMatch(/\(worksheet\)$/);
  });

  it('renames a step named after a blanked node', () => {
    const untitled = structuredClone(map);
    // A claim in the analyst's own words (not a quotation of a source).
    const claim = Object.values(map.nodes).find((n) => n.kind === 'claim' && !others(n.id).includes(n.text.replace(/\s+/g, ' ').trim().slice(0, 20)))!.id;
    delete untitled.nodes[claim]!.title;
    delete untitled.view.presentation;
    const first20 = map.nodes[claim]!.text.replace(/\s+/g, ' ').trim().slice(0, 20);
    // Without a title the default steps are named after its text ...
    expect(dataOf(buildHandout(untitled, NODE_PLATFORM)).steps.some((s) => s.title.includes(first20))).toBe(true);
    // ... which the worksheet does not let through.
    const sheet = buildHandout(untitled, NODE_PLATFORM, { worksheet: [claim] });
    expect(dataOf(sheet).steps.filter((s) => /^Step \d+$/.test(s.title)).length).toBeGreaterThan(0);
    expect(sheet.html).not.toContain(first20);
  });
});
