// A merge's result applied to the open map as ONE operation, one undo step: the map becomes the
// merged one, record by record. Its check is the loader's own (the merged map, written and read
// back, must load), so a merge can never put into the editor a map the file could not hold.
import type { Draft } from 'immer';
import { describeIssue } from '../format/errors';
import { loadMap } from '../format/load';
import { serializeMap } from '../format/serialize';
import type { Operation } from '../history';
import type { ArgumentMap } from '../model';
import type { MergeResult } from './merge';

// Every part of a map: a part added to the model without its line here does not compile.
const PARTS = { meta: true, sources: true, nodes: true, relations: true, evaluations: true, comments: true, view: true, unknown: true } as const satisfies Record<keyof ArgumentMap, true>;
const FIELDS = Object.keys(PARTS) as (keyof ArgumentMap)[];

export function applyMerge(result: MergeResult, label = 'Merge edits'): Operation {
  return {
    label,
    check: () => {
      const loaded = loadMap(serializeMap(result.map));
      return loaded.ok ? null : `The merged map would not load: ${loaded.errors.slice(0, 3).map(describeIssue).join(' ')}`;
    },
    apply: (d: Draft<ArgumentMap>) => {
      const draft = d as unknown as Record<string, unknown>;
      for (const key of FIELDS) {
        if (Object.hasOwn(result.map, key) && result.map[key] !== undefined) draft[key] = structuredClone(result.map[key]);
        else delete draft[key];
      }
    },
  };
}
