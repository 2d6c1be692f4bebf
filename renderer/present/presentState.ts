// A presentation in this window: the steps (the file's order or the one derived from the map),
// the step shown, and the options chosen when it started. Each step swaps the window's document
// for the map revealed so far (store.showPresented), so nothing hidden reaches the canvas, the
// status, the DOM or an export; ending it gives the document back as it was.
import { createStore, useStore } from 'zustand';
import { presentedMap, shownAt, type RevealOptions } from '../../arguments/present/reveal';
import { normalizeSteps, presentationSteps, type PresentationStep } from '../../arguments/present/steps';
import type { ArgumentMap, Id } from '../../arguments/model';
import { layers, setShowStatus } from '../status/layersState';
import { editor, endPresenting, getMap, isPresenting, presentedDocument, showPresented } from '../store/store';

export interface PresentOptions {
  hideCounters: boolean;
  hiddenVoices: string[];
  /** Show the dialectical status on the cards, as it changes with each step. */
  showStatus: boolean;
  fullScreen: boolean;
}

interface PresentState {
  steps: PresentationStep[];
  at: number;
  options: PresentOptions;
  revealed: Id[];
  /** Whether the status was on before the presentation turned it on (given back at the end). */
  statusBefore: boolean;
}

export const DEFAULT_PRESENT_OPTIONS: PresentOptions = { hideCounters: false, hiddenVoices: [], showStatus: false, fullScreen: true };

export const present = createStore<PresentState>(() => ({ steps: [], at: 0, options: DEFAULT_PRESENT_OPTIONS, revealed: [], statusBefore: false }));
export const usePresent = <T,>(selector: (s: PresentState) => T): T => useStore(present, selector);

const reveal = (s: PresentState): RevealOptions => ({ hideCounters: s.options.hideCounters, revealed: new Set(s.revealed), hiddenVoices: new Set(s.options.hiddenVoices) });

// The whole map is the store's: the document it keeps aside while presenting (one copy, not two).
function show(s: PresentState, map: ArgumentMap, frame = true): void {
  const shown = shownAt(map, s.steps, s.at, reveal(s));
  const step = s.steps[s.at];
  const focus = (step?.nodes ?? []).filter((id) => shown.has(id));
  // A step whose nodes are all hidden (counters kept back) frames what is shown.
  showPresented(presentedMap(map, shown), focus.length > 0 ? focus : [...shown], frame);
}

/**
 * Shows the step again from the whole map as it is now (in a seminar, others edit it while this
 * window presents or follows), without moving the view.
 */
export function refreshPresentation(): void {
  const map = presentedDocument();
  if (map !== null) show(present.getState(), map, false);
}

// A seminar's change replaces the whole map kept aside (store.showLiveMap): the step shows it.
editor.subscribe((s, prev) => {
  const map = s.presentation?.document.history.present;
  if (map !== undefined && prev.presentation !== null && map !== prev.presentation.document.history.present) refreshPresentation();
});

/** Starts presenting the map in `steps` (the Present dialog's arrangement), else the map's own order. */
export function startPresentation(options: PresentOptions, arranged?: readonly PresentationStep[]): void {
  if (isPresenting()) return;
  const map = getMap();
  const steps = arranged ? normalizeSteps(map, arranged) : presentationSteps(map);
  present.setState({ steps, at: 0, options, revealed: [], statusBefore: layers.getState().showStatus });
  if (options.showStatus) setShowStatus(true);
  show(present.getState(), map);
  if (options.fullScreen && document.fullscreenEnabled && !document.fullscreenElement) void document.documentElement.requestFullscreen().catch(() => undefined);
}

/** Forward (+1) or back (−1); to the first (`'first'`) or last (`'last'`) step. */
export function goToStep(to: number | 'first' | 'last'): void {
  const s = present.getState();
  const map = presentedDocument();
  if (map === null) return;
  const at = to === 'first' ? 0 : to === 'last' ? s.steps.length - 1 : Math.max(0, Math.min(s.steps.length - 1, s.at + to));
  if (at === s.at) return;
  present.setState({ at });
  show(present.getState(), map);
}

/** Shows the counter-considerations the steps so far hold back (with "hide counters" on). */
export function revealCounters(): void {
  const s = present.getState();
  const map = presentedDocument();
  if (map === null || !s.options.hideCounters) return;
  const ids = s.steps.slice(0, s.at + 1).flatMap((step) => step.nodes);
  present.setState({ revealed: [...new Set([...s.revealed, ...ids])] });
  show(present.getState(), map);
}

export function stopPresentation(): void {
  if (!isPresenting()) return;
  endPresenting();
  if (present.getState().options.showStatus) setShowStatus(present.getState().statusBefore);
  present.setState({ steps: [], at: 0, revealed: [] });
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

/** The keys of a presentation (clickers send PageDown / PageUp); true when the key was one. */
export function presentationKey(e: KeyboardEvent): boolean {
  if (!isPresenting()) return false;
  const key = e.key;
  const act = (fn: () => void) => {
    e.preventDefault();
    fn();
    return true;
  };
  if (key === ' ' || key === 'ArrowRight' || key === 'PageDown' || key === 'ArrowDown') return act(() => goToStep(1));
  if (key === 'ArrowLeft' || key === 'PageUp' || key === 'ArrowUp') return act(() => goToStep(-1));
  if (key === 'Home') return act(() => goToStep('first'));
  if (key === 'End') return act(() => goToStep('last'));
  if (key === 'Escape') return act(stopPresentation);
  if (key.toLowerCase() === 'c' && present.getState().options.hideCounters) return act(revealCounters);
  return false;
}
