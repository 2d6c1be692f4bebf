import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../arguments/', import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the argument domain is pure', () => {
  it('imports no React, Electron, DOM or file system outside its CLI edge', () => {
    const offenders: string[] = [];
    for (const f of files(root)) {
      const rel = relative(root, f);
      if (rel.startsWith('cli/')) continue;
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1]!;
        if (/^(node:)?(fs|path|child_process|os)(\/|$)|^react|^electron|^@xyflow/.test(spec)) offenders.push(`${rel}: ${spec}`);
      }
      if (/\b(document|window|localStorage|indexedDB)\./.test(src)) offenders.push(`${rel}: uses a DOM global`);
    }
    expect(offenders).toEqual([]);
  });
});
