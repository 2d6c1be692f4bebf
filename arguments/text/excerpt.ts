// The first words of a text, for labels that must stay short: cut between words, never
// inside one, and marked with an ellipsis when something was left out. The text is only
// sliced (whitespace runs shown as one space), never changed otherwise.

const ELLIPSIS = '…';

/**
 * At most `max` characters (the ellipsis included) of `text`'s beginning, ending at a word
 * boundary. A first word longer than `max` is the one case cut inside a word (there is no
 * boundary to cut at). Whitespace runs become one space; an empty text stays empty.
 */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = Math.max(1, max - ELLIPSIS.length);
  // A cut at `room` is between words when the next character is a space.
  const head = flat.slice(0, room + 1);
  const space = head.lastIndexOf(' ');
  let cut = space > 0 ? head.slice(0, space) : flat.slice(0, room);
  // Never half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trimmed = cut.replace(/[\s,;:.–—-]+$/u, '');
  return (trimmed || cut) + ELLIPSIS;
}
