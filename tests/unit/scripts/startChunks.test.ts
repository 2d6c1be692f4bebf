// The start chunks (scripts/startChunks.ts): a page fetches what it needs at start as one script,
// shared code once, and what it loads later stays out of it.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { staticReach, startChunks } from '../../../scripts/startChunks';

describe('staticReach', () => {
  it('follows static imports from each entry, not dynamic ones, and stops at cycles', () => {
    const graph: Record<string, { isEntry: boolean; importedIds: string[] }> = {
      page: { isEntry: true, importedIds: ['a'] },
      a: { isEntry: false, importedIds: ['b'] },
      b: { isEntry: false, importedIds: ['a'] },
      later: { isEntry: false, importedIds: ['b', 'c'] },
      c: { isEntry: false, importedIds: [] },
    };
    const reach = staticReach({ getModuleIds: () => Object.keys(graph)[Symbol.iterator](), getModuleInfo: (id) => graph[id] ?? null });
    expect([...reach.keys()]).toEqual(['page']);
    expect([...reach.get('page')!].sort()).toEqual(['a', 'b', 'page']);
  });
});

describe('startChunks in a build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aa-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each page one script of its own and one shared, and keeps lazily loaded code apart', async () => {
    const file = (name: string, text: string) => writeFileSync(join(dir, name), text);
    for (const name of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'])
      file(`${name}.js`, `export const ${name} = () => 'MOD_${name}'.repeat(3);\n`);
    // Each piece also used by the lazily loaded part: left alone, the bundler gives each a chunk.
    file('page.js', `import { one } from './one.js'; import { two } from './two.js'; import { three } from './three.js'; import { four } from './four.js'; import { shared } from './shared.js';\nconsole.log(one(), two(), three(), four(), shared());\nimport('./later.js').then((m) => console.log(m.later()));\n`);
    file('later.js', `import { one } from './one.js'; import { two } from './two.js'; import { three } from './three.js'; import { four } from './four.js'; import { five } from './five.js';\nexport const later = () => one() + two() + three() + four() + five() + 'LATER_ONLY';\n`);
    file('other.js', `import { shared } from './shared.js'; import { six } from './six.js';\nconsole.log(shared(), six());\nimport('./later.js');\n`);
    file('shared.js', `import { seven } from './seven.js'; import { eight } from './eight.js';\nexport const shared = () => seven() + eight() + 'SHARED';\n`);
    file('page.html', `<!doctype html><script type="module" src="./page.js"></script>`);
    file('other.html', `<!doctype html><script type="module" src="./other.js"></script>`);
    await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [startChunks()],
      build: { outDir: join(dir, 'out'), minify: false, rolldownOptions: { input: { page: join(dir, 'page.html'), other: join(dir, 'other.html') } } },
    });
    const scripts = (html: string) => [...readFileSync(join(dir, 'out', html), 'utf8').matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const code = (name: string) => readFileSync(join(dir, 'out/assets', name), 'utf8');
    const own = (html: string, page: string) => scripts(html).filter((s) => s.startsWith(`start-${page}`));
    const page = scripts('page.html');
    expect(own('page.html', 'page')).toHaveLength(1);
    expect(own('other.html', 'other')).toHaveLength(1);
    expect(page.filter((s) => s.startsWith('start-shared'))).toEqual(scripts('other.html').filter((s) => s.startsWith('start-shared')));
    // The page's start script holds every module it imports (no other script of the page has them).
    const start = code(own('page.html', 'page')[0]!);
    for (const name of ['one', 'two', 'three', 'four']) expect(start).toContain(`MOD_${name}`);
    expect(code(page.find((s) => s.startsWith('start-shared'))!)).toContain('SHARED');
    // The lazily loaded part is in none of the start scripts.
    for (const s of [...page, ...scripts('other.html')]) expect(code(s)).not.toContain('LATER_ONLY');
    expect(readdirSync(join(dir, 'out/assets')).some((f) => code(f).includes('LATER_ONLY'))).toBe(true);
    // Scripts each page fetches at start: the runtime (if any), its own, the shared one.
    expect(page.length).toBeLessThanOrEqual(3);
  });
});
