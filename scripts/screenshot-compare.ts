// Takes the README's screenshots of comparing a student's map (docs/seminar-compare*.png) in the
// web build: npm run build:web && npx tsx scripts/screenshot-compare.ts
// (expects `npx vite preview --config vite.config.ts --port 4173` to be running; APP_URL moves it).
// The student's map is the shipped one with an evidence deleted, a counter reworded, a premise
// placed under another claim and a point of the student's own.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { commit, createHistory, type Operation } from '../arguments/history';
import { loadMap } from '../arguments/format/load';
import { serializeMap } from '../arguments/format/serialize';
import { deleteItems, editNode, insertFragment } from '../arguments/operations';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../tests/browser';

const loaded = loadMap(readFileSync(new URL('../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!loaded.ok) throw new Error('the shipped map does not load');
let history = createHistory(loaded.map);
const ops: Operation[] = [
  deleteItems(['E1d'], []),
  editNode('O3', { text: 'The letter names America as diverted “from Europe and the Far East” both, not from Europe alone.' }),
  insertFragment({ nodes: [{ id: 'S1', kind: 'counter', text: 'The letter was written to be read by others in Prague as well, so it may be guarded.' }], relations: [{ id: 'rS1', kind: 'opposes', from: ['S1'], to: 'C1' }], positions: { S1: { x: 2400, y: 0 } } }),
];
for (const op of ops) {
  const r = commit(history, op);
  if (!r.ok) throw new Error(r.reason);
  history = r.history;
}
const student = Buffer.from(serializeMap(history.present));

const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
await page.goto(process.env.APP_URL ?? 'http://127.0.0.1:4173/');
await page.locator('.react-flow__node').first().waitFor();
await page.waitForTimeout(800);
// The canvas and the comparison alone: the panes closed.
for (const pane of ['Sources', 'Inspector']) {
  const toggle = page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: pane, exact: true });
  if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
}
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Compare…' }).click()]);
await chooser.setFiles({ name: 'anna.argmap.json', mimeType: 'application/json', buffer: student });
const panel = page.getByRole('complementary', { name: 'Comparison' });
await panel.waitFor();
await panel.locator('summary').click();
// The missing evidence framed on the canvas, as choosing its finding does.
await panel.getByRole('button', { name: /A message to be delivered orally/ }).click();
await page.waitForTimeout(1200);
for (let i = 0; i < 3; i++) await page.locator('.aa-canvas .react-flow__controls-zoomout').click();
await page.waitForTimeout(800);
await page.screenshot({ path: 'docs/seminar-compare.png' });
console.log('wrote docs/seminar-compare.png');
await panel.locator('summary').click();
await panel.getByRole('button', { name: 'Side by side' }).click();
await page.locator('.aa-compare-student .react-flow__node[data-id="S1"]').waitFor();
await page.waitForTimeout(800);
// A node chosen on the model: its counterpart in the student's map is framed and highlighted.
await panel.getByRole('button', { name: /^Your “Objection: no ranking/ }).click();
await page.waitForTimeout(1200);
await panel.getByRole('button', { name: 'Hide findings' }).click();
for (let i = 0; i < 2; i++) await page.locator('.aa-canvas .react-flow__controls-zoomout').click();
await page.waitForTimeout(800);
await page.screenshot({ path: 'docs/seminar-compare-side.png' });
console.log('wrote docs/seminar-compare-side.png');
await browser.close();
