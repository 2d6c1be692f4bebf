// Invisible bidirectional controls made visible. A right-to-left override (U+202E) in a node's
// text or a source silently reorders what follows it ("evil" shown as "live"): a historian must
// see that the character is there, not read text the file does not hold. Every bidi control is
// replaced by a marked name such as ⟨RLO⟩, so nothing downstream can reorder text by it, and
// the marks say where each was (for highlighting them). Right-to-left letters themselves
// (Hebrew, Arabic) are text and are left alone.

export interface ControlChar {
  /** The abbreviation shown in the mark: "RLO". */
  abbr: string;
  /** Its Unicode name, for a tooltip or a screen reader: "right-to-left override". */
  name: string;
}

/** Every Unicode bidi formatting character (UAX #9, table 4), by code point. */
export const BIDI_CONTROLS: ReadonlyMap<number, ControlChar> = new Map([
  [0x061c, { abbr: 'ALM', name: 'Arabic letter mark' }],
  [0x200e, { abbr: 'LRM', name: 'left-to-right mark' }],
  [0x200f, { abbr: 'RLM', name: 'right-to-left mark' }],
  [0x202a, { abbr: 'LRE', name: 'left-to-right embedding' }],
  [0x202b, { abbr: 'RLE', name: 'right-to-left embedding' }],
  [0x202c, { abbr: 'PDF', name: 'pop directional formatting' }],
  [0x202d, { abbr: 'LRO', name: 'left-to-right override' }],
  [0x202e, { abbr: 'RLO', name: 'right-to-left override' }],
  [0x2066, { abbr: 'LRI', name: 'left-to-right isolate' }],
  [0x2067, { abbr: 'RLI', name: 'right-to-left isolate' }],
  [0x2068, { abbr: 'FSI', name: 'first strong isolate' }],
  [0x2069, { abbr: 'PDI', name: 'pop directional isolate' }],
]);

/** A character class of exactly the code points above. */
const CONTROL_CLASS = `[${[...BIDI_CONTROLS.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;
const ANY_CONTROL = new RegExp(CONTROL_CLASS);

export interface ControlMark extends ControlChar {
  /** The mark's span in the shown text: [start, end). */
  start: number;
  end: number;
  /** Where the control stood in the original text (UTF-16 offset). */
  at: number;
  /** The control character itself. */
  char: string;
}

export interface VisibleText {
  /** The text with every bidi control replaced by its mark: it holds no control any more. */
  text: string;
  marks: ControlMark[];
}

/** The mark shown in place of a control: ⟨RLO⟩. */
export const markOf = (c: ControlChar): string => `⟨${c.abbr}⟩`;

/** Whether `text` holds a bidi control (cheap: callers skip the rest when it does not). */
export function hasBidiControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** `text` with its bidi controls shown as marks; the same string (and no marks) when it has none. */
export function visibleControls(text: string): VisibleText {
  if (!hasBidiControls(text)) return { text, marks: [] };
  const marks: ControlMark[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(new RegExp(CONTROL_CLASS, 'g'))) {
    const at = m.index;
    const control = BIDI_CONTROLS.get(m[0].charCodeAt(0))!;
    out += text.slice(last, at);
    const mark = markOf(control);
    marks.push({ ...control, start: out.length, end: out.length + mark.length, at, char: m[0] });
    out += mark;
    last = at + 1;
  }
  return { text: out + text.slice(last), marks };
}

export type TextSegment = { text: string; mark?: undefined } | { text: string; mark: ControlMark };

/** The shown text cut into plain runs and marks, for a view that styles the marks. */
export function controlSegments(text: string): TextSegment[] {
  const shown = visibleControls(text);
  if (shown.marks.length === 0) return text === '' ? [] : [{ text }];
  const out: TextSegment[] = [];
  let last = 0;
  for (const mark of shown.marks) {
    if (mark.start > last) out.push({ text: shown.text.slice(last, mark.start) });
    out.push({ text: shown.text.slice(mark.start, mark.end), mark });
    last = mark.end;
  }
  if (last < shown.text.length) out.push({ text: shown.text.slice(last) });
  return out;
}
