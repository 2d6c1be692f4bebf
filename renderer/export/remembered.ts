// Choices an export dialog remembers between uses, in localStorage where there is one (typed
// without the DOM library, so Node code can import this). What is read back is only an object:
// the caller checks each field, so a stale or hand-edited entry falls back to its default.
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

export function readRemembered(key: string): Record<string, unknown> {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage()?.getItem(key) ?? 'null');
  } catch {
    raw = null;
  }
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

export function remember(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the choices are simply not remembered.
  }
}
