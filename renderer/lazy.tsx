// Parts of the window most sessions never open, loaded the first time they are wanted so the
// first frame does not wait for their code (the figure exporter behind the Export dialog, the
// outline). Once loaded a part stays mounted, as it was when it was bundled in.
import { lazy, Suspense, useState, type ComponentType } from 'react';

/** `load`'s component, mounted (and its code fetched) once `wanted` is first true. */
export function whenWanted(load: () => Promise<ComponentType>, useWanted: () => boolean): ComponentType {
  const Part = lazy(async () => ({ default: await load() }));
  return function WhenWanted() {
    const wanted = useWanted();
    const [loaded, setLoaded] = useState(false);
    if (wanted && !loaded) setLoaded(true);
    return loaded ? (
      <Suspense fallback={null}>
        <Part />
      </Suspense>
    ) : null;
  };
}
