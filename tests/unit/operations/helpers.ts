// Shared by the tests of the source and quote operations: the maps they start from, and
// the checks every operation must pass (a refusal changes nothing; undo and redo give back
// the same bytes).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory, redo, undo, type History, type Operation } from '../../../arguments/history';
import type { ArgumentMap } from '../../../arguments/model';
import { editNode } from '../../../arguments/operations';

function load(url: URL): ArgumentMap {
  const r = loadMap(readFileSync(url, 'utf8'));
  if (!r.ok) throw new Error(`${url.pathname} does not load: ${JSON.stringify(r.errors)}`);
  return r.map;
}

/** tests/fixtures/v1/full.argmap.json: a letter quoted by evidence "e", an article quoting the letter. */
export const fixture = (): ArgumentMap => load(new URL('../../fixtures/v1/full.argmap.json', import.meta.url));

/** The shipped map of Stalin's letter to Gottwald. */
export const shipped = (): ArgumentMap => load(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));

export function apply(map: ArgumentMap, op: Operation): ArgumentMap {
  const r = commit(createHistory(map), op);
  if (!r.ok) throw new Error(r.reason);
  return r.history.present;
}

/** A history with one step already in it, so "the undo history is untouched" means something. */
function withPast(map: ArgumentMap): History {
  const first = Object.keys(map.nodes)[0];
  if (!first) return createHistory(map);
  const r = commit(createHistory(map), editNode(first, { text: `${map.nodes[first]!.text} (edited)` }));
  if (!r.ok) throw new Error(r.reason);
  return r.history;
}

/** The operation is refused in words, and neither the map nor its history changes. */
export function refused(map: ArgumentMap, op: Operation): string {
  const h = withPast(map);
  const bytes = serializeMap(h.present);
  const steps = h.past.length;
  const r = commit(h, op);
  if (r.ok) throw new Error(`expected "${op.label}" to be refused`);
  expect(serializeMap(h.present)).toBe(bytes);
  expect(h.past).toHaveLength(steps);
  expect(r.reason).toMatch(/^[A-Z"“].*[.”]$/s);
  return r.reason;
}

/** Commits, undoes and redoes the operation: one step, and the bytes before and after come back exactly. */
export function roundTrip(map: ArgumentMap, op: Operation): ArgumentMap {
  const h = createHistory(map);
  const before = serializeMap(map);
  const r = commit(h, op);
  if (!r.ok) throw new Error(r.reason);
  expect(r.history.past).toHaveLength(1);
  expect(r.history.past[0]!.label).toBe(op.label);
  const after = serializeMap(r.history.present);
  expect(after).not.toBe(before);
  const undone = undo(r.history);
  expect(serializeMap(undone.present)).toBe(before);
  expect(serializeMap(redo(undone).present)).toBe(after);
  // Every state the operation makes opens again.
  const reloaded = loadMap(after);
  if (!reloaded.ok) throw new Error(JSON.stringify(reloaded.errors));
  return r.history.present;
}

/** tests/fixtures/v2/full.argmap.json: the same map with evaluations of each kind and comment threads. */
export const layered = (): ArgumentMap => load(new URL('../../fixtures/v2/full.argmap.json', import.meta.url));
