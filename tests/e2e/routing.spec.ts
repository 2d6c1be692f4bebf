// No arrow crosses a card on screen: once the canvas has routed the shipped map's arrows, every
// segment of every drawn line stays out of every card but its relation's own ends; after a drag
// the moved card's arrows are routed again on the drop.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
type P = { x: number; y: number };

const file = JSON.parse(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8')) as {
  relations: { id: string; kind: string; from: string[]; to: string }[];
};
const shipped = { relations: Object.fromEntries(file.relations.map((r) => [r.id, r])) };

/** Cards (in flow coordinates) and each edge's drawn paths, read from the DOM. */
async function drawing(page: Page): Promise<{ cards: Box[]; edges: { id: string; routed: boolean; d: string[] }[] }> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
      return { id: el.dataset.id!, x: m.e, y: m.f, w: el.offsetWidth, h: el.offsetHeight };
    });
    const edges = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].map((g) => ({
      id: g.dataset.id!,
      routed: g.querySelector('[data-routed]') !== null,
      d: [...g.querySelectorAll('path.react-flow__edge-path')].map((p) => p.getAttribute('d')!),
    }));
    return { cards, edges };
  });
}

function segments(d: string): [P, P][] {
  const out: [P, P][] = [];
  let at: P = { x: 0, y: 0 };
  for (const m of d.matchAll(/([MLQ])\s*([-\d.,\s]+)/g)) {
    const n = m[2]!.trim().split(/[\s,]+/).map(Number);
    const pts = m[1] === 'Q' ? [{ x: n[0]!, y: n[1]! }, { x: n[2]!, y: n[3]! }] : [{ x: n[0]!, y: n[1]! }];
    if (m[1] === 'M') at = pts[0]!;
    else for (const p of pts) (out.push([at, p]), (at = p));
  }
  return out;
}

/** Whether a-b passes through the inside of r shrunk by 2 px (a touch at the ends is no crossing). */
function hits(a: P, b: P, box: Box): boolean {
  const r = { x: box.x + 2, y: box.y + 2, w: box.w - 4, h: box.h - 4 };
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [[-dx, a.x - r.x], [dx, r.x + r.w - a.x], [-dy, a.y - r.y], [dy, r.y + r.h - a.y]] as const) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

function crossings(d: Awaited<ReturnType<typeof drawing>>): string[] {
  const out: string[] = [];
  for (const e of d.edges) {
    const relation = e.id.split('::')[0]!;
    const r = shipped.relations[relation]!;
    const own = new Set(r.kind === 'undercuts' ? r.from : [...r.from, r.to]);
    // A card dropped onto one of the arrow's own cards cannot be avoided: the line starts inside it.
    const ownCards = d.cards.filter((c) => own.has(c.id));
    const onOwn = (c: Box) => ownCards.some((o) => o.x < c.x + c.w && c.x < o.x + o.w && o.y < c.y + c.h && c.y < o.y + o.h);
    for (const path of e.d) for (const [a, b] of segments(path)) for (const c of d.cards) if (!own.has(c.id) && !onOwn(c) && hits(a, b, c)) out.push(`${e.id} crosses ${c.id}`);
  }
  return out;
}

const allRouted = async (page: Page) => expect.poll(async () => (await drawing(page)).edges.filter((e) => !e.routed).map((e) => e.id), { timeout: 15_000 }).toEqual([]);

test('every arrow of the shipped map is routed around the cards on the canvas, in the routing worker', async ({ app }) => {
  await allRouted(app);
  expect(app.workers().map((w) => w.url()).some((u) => /routing\.worker/.test(u))).toBe(true);
  const d = await drawing(app);
  expect(d.cards.length).toBe(39);
  expect(d.edges.length).toBe(41);
  expect(crossings(d)).toEqual([]);
  // The "when and to whom" objection's undercut no longer runs through the "Anti-war mood" card.
  const undercut = d.edges.find((e) => e.id === 'r.O1')!;
  const antiWar = d.cards.find((c) => c.id === 'K1')!;
  expect(undercut.d.flatMap(segments).some(([a, b]) => hits(a, b, antiWar))).toBe(false);
});

test('a dragged card\'s arrows are drawn plainly during the drag and routed again on the drop', async ({ app }) => {
  await allRouted(app);
  const card = app.locator('.react-flow__node[data-id="K1"]');
  const box = (await card.boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + 10);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width / 2 + 25, box.y + 25, { steps: 5 });
  // Mid-drag: K1's own arrow follows it unrouted.
  const moving = (await drawing(app)).edges.filter((e) => shipped.relations[e.id.split('::')[0]!]!.from.includes('K1'));
  expect(moving.length).toBeGreaterThan(0);
  expect(moving.every((e) => !e.routed)).toBe(true);
  await app.mouse.up();
  await allRouted(app);
  expect(crossings(await drawing(app))).toEqual([]);
});

test('after an auto-layout every arrow is routed again around the cards where they now stand', async ({ app }, info) => {
  await allRouted(app);
  // The shipped map is laid out already: move a card out of its place first.
  const card = app.locator('.react-flow__node[data-id="K1"]');
  const box = (await card.boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + 10);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width / 2 + 140, box.y + 90, { steps: 8 });
  await app.mouse.up();
  await allRouted(app);
  const moved = (await drawing(app)).cards.find((c) => c.id === 'K1')!;
  await app.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(app.getByRole('button', { name: 'Auto-layout' })).toBeEnabled({ timeout: 30_000 });
  await expect.poll(async () => (await drawing(app)).cards.find((c) => c.id === 'K1')!.x, { timeout: 15_000 }).not.toBe(moved.x);
  await allRouted(app);
  const d = await drawing(app);
  expect(d.edges.length).toBe(41);
  expect(crossings(d)).toEqual([]);
  await app.screenshot({ path: info.outputPath('shipped-map-after-auto-layout.png') });
});
