// The parts of the window around the map (the sources pane, the inspector, the dialogs) are
// mounted, and their code fetched, once the canvas has painted the map's opening view: the first
// frame then waits only for the canvas. Their places in the window's grid are held by empty
// placeholders meanwhile, so the canvas has its final size when the opening view is worked out.
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { create } from 'zustand';

const useShown = create<{ shown: boolean }>(() => ({ shown: false }));

/**
 * A canvas that has not shown its map by then (a card that never reports its size) does not keep
 * the panes away longer than this.
 */
const AT_THE_LATEST_MS = 3000;

/** Called by the canvas once it has set the opening view: the panes follow once that frame is painted. */
export function mapShown(): void {
  if (useShown.getState().shown) return;
  // The next animation frame is the one that paints the view; a task queued from it runs after that paint.
  requestAnimationFrame(() => setTimeout(() => useShown.setState({ shown: true }), 0));
}

/** Mounts the panes at once (no canvas to wait for: a presentation, the outline instead of the map, tests). */
export function showPanesNow(): void {
  useShown.setState({ shown: true });
}

/** True once the map has been shown (or AT_THE_LATEST_MS after the window first asked). */
export function useMapShown(): boolean {
  const shown = useShown((s) => s.shown);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(showPanesNow, AT_THE_LATEST_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  return shown;
}

/** `load`'s component once the map has been shown; `Placeholder` (holding its place) until its code is in. */
export function afterMapShown(load: () => Promise<ComponentType>, Placeholder: ComponentType | null = null): ComponentType {
  const Part = lazy(async () => ({ default: await load() }));
  const fallback = Placeholder ? <Placeholder /> : null;
  return function AfterMapShown() {
    const shown = useMapShown();
    if (!shown) return fallback;
    return (
      <Suspense fallback={fallback}>
        <Part />
      </Suspense>
    );
  };
}
