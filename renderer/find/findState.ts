// Find's state, outside the bar so shortcuts (Ctrl+F, F3) and the sources pane reach it: the
// query, which match was gone to, and the passage the sources pane shows as current. Going to a
// node selects it (the canvas brings a selected node into view, the outline scrolls to it);
// going to a passage opens its source's tab.
import { useMemo } from 'react';
import { createStore, useStore } from 'zustand';
import { findInMap, findInText, type FindMatch, type FindResults, type TextRange } from '../../arguments/analysis/find';
import { outlineOf, readingOrder } from '../../arguments/analysis/outline';
import type { ArgumentMap, Id, Source } from '../../arguments/model';
import { focusNodeSoon } from '../canvas/navigation';
import { showSource } from '../sources/paneState';
import { getMap, select } from '../store/store';

interface FindState {
  open: boolean;
  query: string;
  /** The match gone to, in the results of `query`; -1 before the first. */
  current: number;
  /** Bumped to ask the bar to focus its field (Ctrl+F while it is open). */
  focusRequest: number;
  /** The passage gone to: the sources pane marks it as the current match and scrolls to it. */
  passage: { source: Id; start: number; end: number } | null;
  /** The node gone to last, which gets focus when Find closes. */
  lastNode: Id | null;
}

export const find = createStore<FindState>(() => ({ open: false, query: '', current: -1, focusRequest: 0, passage: null, lastNode: null }));
export const useFind = <T,>(sel: (s: FindState) => T): T => useStore(find, sel);

/** Where focus was before Find opened, given back when it closes. */
let returnTo: Element | null = null;

export function openFind(): void {
  if (!find.getState().open) returnTo = document.activeElement;
  find.setState((s) => ({ open: true, focusRequest: s.focusRequest + 1 }));
}

/** Closes Find; focus goes to the node gone to last, else back where it was. */
export function closeFind(): void {
  const { lastNode } = find.getState();
  find.setState({ open: false, passage: null, current: -1, lastNode: null });
  const back = returnTo;
  returnTo = null;
  const area = back?.closest('.aa-outline') ? 'outline' : 'canvas';
  if (lastNode !== null && Object.hasOwn(getMap().nodes, lastNode)) focusNodeSoon(lastNode, area);
  else if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
  else focusNodeSoon(null, area);
}

export function setQuery(query: string): void {
  find.setState({ query, current: -1, passage: null });
}

let cached: { map: ArgumentMap; query: string; results: FindResults } | null = null;

/** The matches of `query` in `map`, nodes in the outline's reading order (cached for the last pair). */
export function resultsFor(map: ArgumentMap, query: string): FindResults {
  if (cached && cached.map === map && cached.query === query) return cached.results;
  const results = findInMap(map, query, { order: readingOrder(outlineOf(map)) });
  cached = { map, query, results };
  return results;
}

/** Goes to match `index` of the current results. */
export function goTo(index: number): void {
  const { query } = find.getState();
  const { matches } = resultsFor(getMap(), query);
  const match: FindMatch | undefined = matches[index];
  if (!match) return;
  if (match.kind === 'node') {
    find.setState({ current: index, passage: null, lastNode: match.node });
    select({ nodes: [match.node], relations: [] });
  } else {
    find.setState({ current: index, passage: { source: match.source, start: match.start, end: match.end } });
    showSource(match.source);
  }
}

/** The next match (F3, Enter), or with -1 the previous (Shift+F3, Shift+Enter), wrapping round. Opens Find when it is closed. */
export function findNext(delta: 1 | -1 = 1): void {
  const s = find.getState();
  if (!s.open || s.query.trim() === '') return openFind();
  const n = resultsFor(getMap(), s.query).matches.length;
  if (n === 0) return;
  const next = s.current < 0 ? (delta > 0 ? 0 : n - 1) : (s.current + delta + n) % n;
  goTo(next);
}

const NONE: readonly TextRange[] = [];

/** Find's matches in a source's text while Find is open (the sources pane marks them). */
export function useFoundIn(source: Source | undefined): readonly TextRange[] {
  const open = useFind((s) => s.open);
  const query = useFind((s) => s.query);
  const text = source?.text;
  return useMemo(() => (open && text && query.trim() !== '' ? findInText(text, query) : NONE), [open, query, text]);
}
