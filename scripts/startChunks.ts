// The code a page needs before it can show anything, in one file: the modules an entry imports
// statically, all the way down, are put in a chunk of their own, so the page fetches one script
// (plus what it shares with other entries) instead of some fifty small ones. Left to itself the
// bundler splits that code by which lazy parts also use each piece; a page served over HTTP/1.1
// (the web build, the benchmark pages) then waits on six connections at a time, and the desktop
// window's app:// handler answers each request in turn. What loads later (export, PDF, layout
// worker, dialogs) still comes in its own chunks when first used.
import type { Plugin } from 'vite';

interface ModuleGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { isEntry: boolean; importedIds: readonly string[] } | null;
}

/** The modules each entry reaches by static imports, entry id → ids (the entry itself included). */
export function staticReach(graph: ModuleGraph): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>();
  for (const id of graph.getModuleIds()) {
    if (!graph.getModuleInfo(id)?.isEntry) continue;
    const seen = new Set<string>([id]);
    const todo = [id];
    while (todo.length > 0) {
      for (const next of graph.getModuleInfo(todo.pop()!)?.importedIds ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
      }
    }
    reach.set(id, seen);
  }
  return reach;
}

/** `renderer/index.html` → `index`: the chunk's name says whose start it is. */
const entryName = (id: string): string => id.replace(/^.*[\\/]/, '').replace(/\..*$/, '');

/**
 * A Vite plugin: one chunk of the code every entry needs at start (`start-shared`, only when there
 * are several entries) and one per entry for the rest of what it needs at start (`start`).
 */
export function startChunks(): Plugin {
  let owner = new Map<string, string>();
  let shared = new Set<string>();
  let entries = new Set<string>();
  return {
    name: 'argument-atlas-start-chunks',
    apply: 'build',
    buildEnd() {
      const reach = staticReach(this);
      const count = new Map<string, number>();
      owner = new Map();
      for (const [entry, ids] of reach)
        for (const id of ids) {
          count.set(id, (count.get(id) ?? 0) + 1);
          owner.set(id, entry);
        }
      entries = new Set(reach.keys());
      shared = new Set([...count].filter(([, n]) => n > 1).map(([id]) => id));
    },
    outputOptions(options) {
      return {
        ...options,
        codeSplitting: {
          groups: [
            { name: 'start-shared', test: (id: string) => shared.has(id), priority: 20 },
            { name: (id: string) => `start-${entryName(owner.get(id)!)}`, test: (id: string) => owner.has(id) && !shared.has(id) && !entries.has(id), priority: 10 },
          ],
        },
      };
    },
  };
}
