// Voices as layers: how each voice is shown on the canvas (shown, dimmed, hidden) and whether it
// counts in the status; whether the status is shown at all, and its legend. View state of this
// window, never the argument: nothing here is saved in the map or goes into the undo history.
// Voices are named, so a choice holds for any map with that voice (a new voice counts and shows).
// The status and legend toggles and the judge's name are remembered (localStorage); the voices'
// choices last for the session, so a voice hidden once never vanishes from a map opened days later.
import { createStore, useStore } from 'zustand';

export type Visibility = 'shown' | 'dimmed' | 'hidden';
export const VISIBILITIES = ['shown', 'dimmed', 'hidden'] as const satisfies readonly Visibility[];

export interface LayersState {
  /** Voices not shown as is; a voice absent here is shown. */
  visibility: Readonly<Record<string, Visibility>>;
  /** Voices left out of the status, in name order; every other voice counts. */
  uncounted: readonly string[];
  showStatus: boolean;
  legend: boolean;
  panel: boolean;
  /** Who judges in the inspector and the node's menu, remembered. */
  judge: string;
}

const KEY = 'argument-atlas.status';
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

interface Remembered {
  showStatus: boolean;
  legend: boolean;
  panel: boolean;
  judge: string;
}
const DEFAULTS: Remembered = { showStatus: true, legend: false, panel: false, judge: 'analyst' };

function remembered(): Remembered {
  try {
    const saved = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Partial<Record<keyof Remembered, unknown>> | null;
    const flag = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
    return {
      showStatus: flag(saved?.showStatus, DEFAULTS.showStatus),
      legend: flag(saved?.legend, DEFAULTS.legend),
      panel: flag(saved?.panel, DEFAULTS.panel),
      judge: typeof saved?.judge === 'string' && saved.judge.trim() !== '' ? saved.judge : DEFAULTS.judge,
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export const layers = createStore<LayersState>(() => ({ visibility: {}, uncounted: [], ...remembered() }));
export const useLayers = <T,>(sel: (s: LayersState) => T): T => useStore(layers, sel);

function remember(): void {
  const { showStatus, legend, panel, judge } = layers.getState();
  try {
    storage()?.setItem(KEY, JSON.stringify({ showStatus, legend, panel, judge }));
  } catch {
    /* storage may be unavailable; these are preferences */
  }
}

export function setVisibility(voice: string, v: Visibility): void {
  layers.setState((s) => {
    const visibility = { ...s.visibility };
    if (v === 'shown') delete visibility[voice];
    else visibility[voice] = v;
    return { visibility };
  });
}

export function setCounted(voice: string, counted: boolean): void {
  layers.setState((s) => {
    const rest = s.uncounted.filter((x) => x !== voice);
    return { uncounted: counted ? rest : [...rest, voice].sort() };
  });
}

/** Count exactly these voices of `all` (the map's voices); the others are left out. */
export function countOnly(all: readonly string[], counted: readonly string[]): void {
  const keep = new Set(counted);
  layers.setState({ uncounted: all.filter((v) => !keep.has(v)).sort() });
}

export function setShowStatus(on: boolean): void {
  layers.setState({ showStatus: on });
  remember();
}
export function setLegend(on: boolean): void {
  layers.setState({ legend: on });
  remember();
}
export function setVoicesPanel(on: boolean): void {
  layers.setState({ panel: on });
  remember();
}
export function setJudge(judge: string): void {
  const name = judge.trim();
  if (name === '') return;
  layers.setState({ judge: name });
  remember();
}

/** The voices counted in the status, for computeStatus: null when every voice counts. */
export function countedVoices(voices: readonly string[], uncounted: readonly string[]): ReadonlySet<string> | null {
  if (uncounted.length === 0) return null;
  const out = new Set(voices);
  for (const v of uncounted) out.delete(v);
  return out;
}
