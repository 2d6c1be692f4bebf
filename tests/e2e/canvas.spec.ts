// The canvas as a new user meets it: the opening view, zooming out and in, where new nodes land,
// arrows and their words, an undercut of an undercut, text that could break a card.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fitAll, node, test, viewportSettled } from './fixtures';
import { pane, selectSourceRange, shownText } from './source-helpers';

const CLAIMS = ['C1', 'C2', 'C3', 'C4'];

/** The viewport's zoom, from React Flow's transform. */
const zoomOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

/** Pairs of cards that overlap, in the map's own coordinates (whatever the zoom). */
async function overlappingPairs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
      return { id: el.dataset.id!, x: m.e, y: m.f, w: el.offsetWidth, h: el.offsetHeight };
    });
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(`${a.id} × ${b.id}`);
      }
    return out;
  });
}

/** How much of a card (0 to 1) is inside the canvas's window. */
async function inCanvas(page: Page, id: string): Promise<number> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const b = (await page.locator(`[data-id="${id}"]`).boundingBox())!;
  const w = Math.max(0, Math.min(b.x + b.width, pane.x + pane.width) - Math.max(b.x, pane.x));
  const h = Math.max(0, Math.min(b.y + b.height, pane.y + pane.height) - Math.max(b.y, pane.y));
  return Math.round(((w * h) / (b.width * b.height)) * 100) / 100;
}

const settled = viewportSettled;

test.describe('the opening view', () => {
  for (const size of [{ width: 1440, height: 900 }, { width: 1600, height: 1000 }]) {
    test(`at ${size.width} × ${size.height} shows the thesis and all four claims, in order, their text at 11 px or more`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setViewportSize(size);
      await page.goto('/');
      await expect(page.locator('[data-id="T"]')).toBeVisible();
      await settled(page);
      const zoom = await zoomOf(page);
      const pane = (await page.locator('.react-flow').boundingBox())!;
      const shown = ['T', ...CLAIMS];
      const boxes = [];
      for (const id of shown) {
        const card = page.locator(`[data-id="${id}"]`);
        const b = (await card.boundingBox())!;
        // Wholly inside the canvas.
        expect(b.x, id).toBeGreaterThanOrEqual(pane.x);
        expect(b.y, id).toBeGreaterThanOrEqual(pane.y);
        expect(b.x + b.width, id).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
        expect(b.y + b.height, id).toBeLessThanOrEqual(pane.y + pane.height + 0.5);
        const px = await card.locator('.aa-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(px * zoom, `${id}: text on screen`).toBeGreaterThanOrEqual(11);
        boxes.push(b);
      }
      const [thesis, ...claims] = boxes;
      // The thesis first (at the left), then Claim 1, 2, 3, 4 in reading order, one below the other.
      for (const c of claims) expect(c.x).toBeGreaterThan(thesis!.x + thesis!.width);
      for (let i = 1; i < claims.length; i++) expect(claims[i]!.y).toBeGreaterThan(claims[i - 1]!.y + claims[i - 1]!.height - 1);
      await expect(page.locator('[data-id="C1"] .aa-title')).toHaveText('Claim 1');
      await expect(page.locator('[data-id="C4"] .aa-title')).toHaveText('Claim 4');
      console.log(`opening view at ${size.width} × ${size.height}: zoom ${zoom.toFixed(3)}, card text ${(13 * zoom).toFixed(1)} px`);
      expect(errors).toEqual([]);
    });
  }
});

test('zoomed far out, a card title keeps its words whole: none is broken across two lines', async ({ app }) => {
  // Two wheel steps out of the fitted view: cards under 100 px on screen (aa-zoomed-far).
  for (let k = 0; k < 3; k++) {
    await app.mouse.move(735, 480);
    await app.mouse.wheel(0, 120);
    await app.waitForTimeout(80);
  }
  await viewportSettled(app);
  await expect(app.locator('.aa-canvas.aa-zoomed-far')).toHaveCount(1);
  const broken = await app.evaluate(() => {
    const out: string[] = [];
    for (const title of document.querySelectorAll<HTMLElement>('.react-flow__node [data-testid="summary-title"]')) {
      const text = title.textContent ?? '';
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (const m of (t.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(t, m.index);
          range.setEnd(t, m.index + m[0].length);
          // A word on one line is one box (or none where the line clamp hides it).
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(`${m[0]} (in "${text}")`);
        }
      }
    }
    return out;
  });
  expect(broken).toEqual([]);
  // The titles are still there to read: the thesis and an objection's first word whole on one line.
  await expect(app.locator('[data-id="T"] [data-testid="summary-title"]')).toHaveText('Thesis');
});

test('zoomed out, cards show their kind and title in large type; Shift+F zooms back to the selection', async ({ app }) => {
  // The fixture has fitted the whole map (F).
  const zoom = await zoomOf(app);
  console.log(`Fit: zoom ${zoom.toFixed(3)} (card text would be ${(13 * zoom).toFixed(1)} px)`);
  expect(13 * zoom).toBeLessThan(8);
  const zoomedOut = app.locator('.aa-canvas.aa-zoomed-out');
  await expect(zoomedOut).toHaveCount(1);
  const summary = app.locator('[data-id="C1"] [data-testid="summary-title"]');
  await expect(summary).toBeVisible();
  await expect(summary).toHaveText('Claim 1');
  await expect(app.locator('[data-id="C1"] .aa-text')).toBeHidden();
  const titlePx = await summary.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  // Body text would be under 3 px here; the title is four times that.
  expect(titlePx * zoom, 'summary title on screen').toBeGreaterThanOrEqual(10);
  // Evidence is summed up by its source's short citation.
  await expect(app.locator('[data-id="E1a"] [data-testid="summary-title"]')).toContainText('Stalin to Gottwald');

  await app.locator('[data-id="C2"]').click();
  await app.keyboard.press('Shift+F');
  await settled(app);
  expect(await zoomOf(app)).toBeGreaterThan(8 / 13);
  await expect(zoomedOut).toHaveCount(0);
  expect(await inCanvas(app, 'C2')).toBe(1);
  await expect(app.locator('[data-id="C2"] [data-testid="summary-title"]')).toBeHidden();
});

test('zoom to a claim with all that bears on it', async ({ app }) => {
  const fitZoom = await zoomOf(app);
  await app.locator('[data-id="C1"]').click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Zoom to it and all that bears on it' }).click();
  await settled(app);
  for (const id of ['C1', 'P1a', 'P1b', 'O1', 'E1a']) expect(await inCanvas(app, id), id).toBe(1);
  // Closer than the whole map: the fixture fitted it all (F).
  expect(await zoomOf(app)).toBeGreaterThan(fitZoom);
});

test('twenty nodes added by the toolbar, Make evidence, paste and Connect overlap nothing, and nothing else moves', async ({ app }) => {
  expect(await overlappingPairs(app)).toEqual([]);
  const positions = () => app.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => [el.dataset.id, el.style.transform])));
  const before = await positions();
  const count = app.locator('.react-flow__node');
  let expected = await count.count();
  const editor = app.getByRole('textbox', { name: 'Node text' });

  // Toolbar, with nothing selected (the view's centre) and with the thesis selected (its reasons).
  // Each card is picked with the whole map in view (adding one zooms in on it to write its text).
  const pick = async (id: string) => {
    await fitAll(app);
    await app.locator(`[data-id="${id}"]`).click();
  };
  for (let i = 0; i < 5; i++) {
    if (i % 2 === 0) await app.keyboard.press('Escape');
    else await pick('T');
    await app.getByRole('button', { name: 'Add premise', exact: true }).click();
    await editor.fill(`Toolbar premise ${i}.`);
    await editor.press('Enter');
    await expect(count).toHaveCount(++expected);
  }

  // Make evidence, for Claim 2 (selected), five passages of the shown source.
  const text = await shownText(app);
  const taken = await app.locator('.react-flow__node').allTextContents();
  const passages: [number, number][] = [];
  for (let at = 200; passages.length < 5 && at < text.length - 40; at += 97) {
    const passage = text.slice(at, at + 30);
    if (/\n/.test(passage) || taken.some((t) => t.includes(passage.trim()))) continue;
    passages.push([at, at + 30]);
  }
  for (const [start, end] of passages) {
    await pick('C2');
    await selectSourceRange(app, start, end);
    await pane(app).getByRole('button', { name: 'Make evidence' }).click();
    await expect(count).toHaveCount(++expected);
  }

  // Paste: a claim copied and pasted five times.
  await pick('C3');
  await app.keyboard.press('Control+c');
  for (let i = 0; i < 5; i++) {
    await app.keyboard.press('Control+v');
    await expect(count).toHaveCount(++expected);
  }

  // Connect: a premise added by keyboard with Claim 4 selected, connected to it in the dialog.
  for (let i = 0; i < 5; i++) {
    await pick('C4');
    await app.keyboard.press('Alt+3');
    await expect(editor).toBeFocused();
    await app.keyboard.type(`Connected premise ${i}.`);
    await app.keyboard.press('Enter');
    await expect(count).toHaveCount(++expected);
    await app.keyboard.press('c');
    const dialog = app.getByRole('dialog', { name: 'Connect' });
    await app.keyboard.type('The letter confirms Stalin');
    await app.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
  }

  await fitAll(app);
  const overlaps = await overlappingPairs(app);
  console.log(`after 20 nodes added (toolbar, Make evidence, paste, Connect): ${overlaps.length} overlapping pairs`);
  expect(overlaps).toEqual([]);
  const after = await positions();
  for (const [id, transform] of Object.entries(before)) expect(after[id!], `${id} did not move`).toBe(transform);
});

test('arrows are drawn above the cards, and their words cover no card', async ({ app }) => {
  const edges = app.locator('.react-flow__edges');
  const z = await app.evaluate(() => {
    const edge = document.querySelector<HTMLElement>('.react-flow__edge');
    const card = document.querySelector<HTMLElement>('.react-flow__node');
    const zOf = (el: Element | null): number => {
      for (let e = el; e; e = e.parentElement) {
        const z = getComputedStyle(e).zIndex;
        if (z !== 'auto') return Number(z);
      }
      return 0;
    };
    return { edge: zOf(edge), card: zOf(card) };
  });
  expect(z.edge).toBeGreaterThan(z.card);
  await expect(edges.locator('text.aa-edge-label[data-label="undercuts"]').first()).toBeVisible();
  const covered = await app.evaluate(() => {
    const cards = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const out: string[] = [];
    for (const label of document.querySelectorAll('text.aa-edge-label')) {
      const r = label.getBoundingClientRect();
      if (cards.some((c) => r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom)) out.push(label.textContent ?? '');
    }
    return { out, count: document.querySelectorAll('text.aa-edge-label').length };
  });
  expect(covered.count).toBeGreaterThan(10);
  expect(covered.out).toEqual([]);
  // Every "undercuts" is whole, never clipped to "underc".
  for (const t of await edges.locator('text.aa-edge-label[data-label="undercuts"]').allTextContents()) expect(t).toBe('undercuts');
});

test('an undercut of an undercut draws, ending on the line of the undercut it attacks', async ({ app }) => {
  const shipped = JSON.parse(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  shipped.nodes.push({ id: 'X', kind: 'rebuttal', text: 'The critic reads too much into one letter.' });
  shipped.relations.push({ id: 'uu', kind: 'undercuts', from: ['X'], to: 'r.O1' });
  shipped.view.positions.X = { x: shipped.view.positions.O1.x, y: shipped.view.positions.O1.y - 400 };
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles({ name: 'chain.argmap.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(shipped)) });
  await expect(app.getByTestId('document-name')).toHaveText('chain.argmap.json');
  await fitAll(app);
  const path = app.locator('.react-flow__edge[data-id="uu"] path.react-flow__edge-path');
  await expect(path).toHaveCount(1);
  const ends = await app.evaluate(() => {
    const at = (id: string, u: number) => {
      const p = document.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`)!;
      const q = p.getPointAtLength(p.getTotalLength() * u);
      return { x: q.x, y: q.y, length: p.getTotalLength() };
    };
    const line = document.querySelector<SVGPathElement>('.react-flow__edge[data-id="r.O1"] path.react-flow__edge-path')!;
    const end = at('uu', 1);
    let nearest = Infinity;
    for (let i = 0; i <= 400; i++) {
      const q = line.getPointAtLength((line.getTotalLength() * i) / 400);
      nearest = Math.min(nearest, Math.hypot(q.x - end.x, q.y - end.y));
    }
    return { length: end.length, nearest };
  });
  expect(ends.length).toBeGreaterThan(20);
  // It ends on r.O1's line (in map units), not on a card.
  expect(ends.nearest).toBeLessThan(2);
});

test('a 5,000-character word wraps inside its card; bidi controls are shown, never applied', async ({ app }) => {
  await app.keyboard.press('Escape');
  await app.keyboard.press('Alt+2');
  const editor = app.getByRole('textbox', { name: 'Node text' });
  await editor.fill('x'.repeat(5000));
  await editor.press('Enter');
  const card = app.locator('.react-flow__node').filter({ hasText: 'xxxxxxxxxx' });
  await expect(card).toHaveCount(1);
  const overflow = await card.evaluate((el) => {
    const text = el.querySelector<HTMLElement>('.aa-text')!;
    const right = el.getBoundingClientRect().right;
    const parts = [...el.querySelectorAll(':scope > :not(.react-flow__handle)')].map((c) => c.getBoundingClientRect().right);
    return { card: (el as HTMLElement).offsetWidth, beyond: Math.max(...parts) - right, textScroll: text.scrollWidth, text: text.clientWidth };
  });
  expect(overflow.card).toBe(260);
  expect(overflow.beyond).toBeLessThanOrEqual(0);
  expect(overflow.textScroll).toBeLessThanOrEqual(overflow.text);

  await app.keyboard.press('Escape');
  await app.keyboard.press('Alt+2');
  await app.getByRole('textbox', { name: 'Node text' }).fill('invoice \u202efdp.exe\u202c attached');
  await app.getByRole('textbox', { name: 'Node text' }).press('Enter');
  const marked = node(app, 'invoice');
  await expect(marked.locator('.aa-text')).toHaveText('invoice ⟨RLO⟩fdp.exe⟨PDF⟩ attached');
  await expect(marked.locator('abbr.aa-control').first()).toHaveAttribute('title', /right-to-left override/);
  expect(await marked.locator('.aa-text').evaluate((el) => /[\u202a-\u202e\u2066-\u2069]/.test(el.textContent ?? ''))).toBe(false);
});
