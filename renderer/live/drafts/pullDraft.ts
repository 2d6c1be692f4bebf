// Compare & bring… of a student's draft: the draft is read from the host and shown as the
// comparison's student map ("Ada’s draft") beside the class map, never made the document; the
// instructor brings chosen nodes in as one undo step (compareState.ts bringIntoMap), which the
// live binding sends to the room like any edit. The loader's check is the comparison's own.
import type { DraftsSource } from './draftsSource';

/** The comparison's name for a student's draft. */
export const draftTitle = (name: string): string => `${name}’s draft`;

/**
 * Opens the comparison with `name`'s draft; the sentence why not (nothing changed then), or null.
 * `showClassMap` is called first when given: what is brought goes into the map shown, which must be
 * the class map, never a draft the instructor is looking into.
 */
export async function compareDraft(source: DraftsSource, name: string, showClassMap?: () => void | Promise<void>): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await source.read(name);
  } catch (err) {
    return `${draftTitle(name)} could not be read: ${err instanceof Error && err.message ? err.message : String(err)}`;
  }
  // The comparison's code is a lazy chunk (as File > Compare… loads it).
  const { readMapFile, showComparison } = await import('../../compare/compareState');
  const read = readMapFile({ name: draftTitle(name), bytes, ref: null });
  if (!read.ok) return `${read.title}. ${read.lines.slice(0, 3).join(' ')}`;
  await showClassMap?.();
  showComparison(read.name, read.map);
  return null;
}
