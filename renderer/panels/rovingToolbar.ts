// The WAI-ARIA toolbar pattern for a role="toolbar": one Tab stop (the button last used, else the
// first), ← → between its buttons, Home / End to the ends. Without it every button is a Tab
// stop, and the map lies dozens of Tabs away from the top of the window.
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

export function useRovingToolbar<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const current = useRef<HTMLElement | null>(null);

  const arrange = useCallback(() => {
    const root = ref.current;
    if (!root) return;
    const all = [...root.querySelectorAll<HTMLButtonElement>('button')];
    const enabled = all.filter((b) => !b.disabled);
    const stop = current.current && enabled.includes(current.current as HTMLButtonElement) ? current.current : (enabled[0] ?? null);
    for (const b of all) b.tabIndex = b === stop ? 0 : -1;
  }, []);

  // After every render: a button enabled, disabled or added since keeps one stop in all.
  useLayoutEffect(arrange);

  const onFocus = useCallback(
    (e: FocusEvent<T>) => {
      const el = e.target as HTMLElement;
      // Events from a dialog portalled out of the toolbar bubble here through React: not ours.
      if (el.tagName !== 'BUTTON' || !ref.current?.contains(el)) return;
      current.current = el;
      arrange();
    },
    [arrange],
  );

  const onKeyDown = useCallback((e: KeyboardEvent<T>) => {
    const root = ref.current;
    const el = e.target as HTMLElement;
    if (!root || !root.contains(el) || e.altKey || e.ctrlKey || e.metaKey) return;
    const enabled = [...root.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    const at = enabled.indexOf(el as HTMLButtonElement);
    if (at < 0) return;
    const to = e.key === 'ArrowRight' ? (at + 1) % enabled.length : e.key === 'ArrowLeft' ? (at - 1 + enabled.length) % enabled.length : e.key === 'Home' ? 0 : e.key === 'End' ? enabled.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    e.stopPropagation();
    enabled[to]!.focus();
  }, []);

  return { ref, onFocus, onKeyDown };
}
