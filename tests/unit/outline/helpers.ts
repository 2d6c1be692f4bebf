// The shipped map's outline (one citation processor per file), and Pandoc as the outside reader
// of what the writers make: its plain text, whitespace and typographic quotes folded.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { nodeCiteProcessor } from '../../../arguments/cli/citeproc-node';
import { loadMap } from '../../../arguments/format/load';
import type { ArgumentMap } from '../../../arguments/model';
import { buildOutline, type OutlineOptions } from '../../../arguments/outline/build';
import type { Outline } from '../../../arguments/outline/model';

export const root = new URL('../../../', import.meta.url).pathname;

export function shippedMap(): ArgumentMap {
  const loaded = loadMap(readFileSync(join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json')));
  if (!loaded.ok) throw new Error('the shipped map does not load');
  return loaded.map;
}

export async function outlineOf(map: ArgumentMap, options: OutlineOptions = {}): Promise<Outline> {
  const processor = await nodeCiteProcessor();
  try {
    return buildOutline(map, processor, options);
  } finally {
    processor.dispose();
  }
}

/** Pandoc's plain text of a document (`from`: docx, markdown, latex). */
export function pandoc(input: string | Uint8Array, from: string): string {
  const r = spawnSync('pandoc', ['-f', from, '-t', 'plain', '--wrap=none', '-s'], { input, maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr?.toString()).toBe(0);
  return r.stdout.toString('utf8');
}

/** Spacing folded, typographic quotes straightened (Pandoc's smart quotes, TeX's ligatures). */
export const fold = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** Each of `parts` found in `text` after the one before it; the first one missing, or null. */
export function missingInOrder(text: string, parts: readonly string[]): string | null {
  const t = fold(text);
  let at = 0;
  for (const p of parts) {
    const f = fold(p);
    if (f === '') continue;
    const k = t.indexOf(f, at);
    if (k < 0) return p;
    at = k + f.length;
  }
  return null;
}
