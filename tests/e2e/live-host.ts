// The host a live-seminar browser test talks to: the real one (arguments/cli/live/host.ts
// `startLiveHost`) on 127.0.0.1 and any free port, serving the web build (dist/renderer), on a
// scratch copy of the shipped map (its update log beside it, removed afterwards).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type Page } from '@playwright/test';
import { startLiveHost, type RoomInfoAnswer } from '../../arguments/cli/live/host';
import type { RoomMode } from '../../arguments/live/protocol';
import { fitAll } from '../canvas';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WEB_ROOT = join(root, 'dist/renderer');
const SEED_PATH = join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json');

export interface TestHost {
  code: string;
  key: string;
  joinUrl: string;
  instructorUrl: string;
  origin: string;
  mapPath: string;
  /** The room's info as the host answers it in process (main's relay asks it so: LiveHost.roomInfo). */
  roomInfo(name: string, key?: string): RoomInfoAnswer;
  /** Stops the host (it saves; its update log stays), as a closed laptop lid would. */
  stop(): Promise<void>;
  /** Starts it again on the same address, code and map: it resumes its update log. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestHost(mode: RoomMode): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-live-e2e-'));
  const mapPath = join(dir, 'seminar.argmap.json');
  writeFileSync(mapPath, readFileSync(SEED_PATH));
  let host = await startLiveHost({ mapPath, host: '127.0.0.1', port: 0, mode, webRoot: WEB_ROOT });
  let running = true;
  const { code, port } = host;
  return {
    code: host.code,
    key: host.key,
    joinUrl: host.joinUrl,
    instructorUrl: host.instructorUrl,
    origin: `http://127.0.0.1:${host.port}`,
    mapPath,
    roomInfo: (name, key) => host.roomInfo(name, key),
    stop: async () => {
      running = false;
      await host.close();
    },
    resume: async () => {
      host = await startLiveHost({ mapPath, host: '127.0.0.1', port, code, mode, webRoot: WEB_ROOT });
      running = true;
    },
    close: async () => {
      if (running) await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SeminarPage {
  page: Page;
  /** Requests the page made to any address but the host's (a live page must make none). */
  outside: string[];
  errors: string[];
}

/** A page of its own browser context at `url` on the host, recording what it asks of other addresses and its errors. */
export async function openSeminarPage(browser: Browser, host: TestHost, url: string): Promise<SeminarPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(host.origin) && !u.startsWith(host.origin.replace('http:', 'ws:')) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, outside, errors };
}

/** Joins under `name` from the join screen, waits for the bar to say Live, and fits the map. */
export async function joinSeminar(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Join the seminar/ });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Live seminar' }).getByRole('status')).toContainText('Live ·');
  await fitAll(page);
}
