// Every user string enters a figure through these functions. The figure is XML: what a map
// holds must come out as text, never as markup, whatever it contains.

/** The namespace of the map document carried in a figure's <metadata> (here, not in svg.ts: reading a figure's map needs no font table). */
export const MAP_METADATA_NS = 'urn:argument-atlas:argmap';

/**
 * Characters that may not appear in an XML 1.0 document at all (C0 controls but tab, line
 * feed and carriage return; U+FFFE and U+FFFF; unpaired surrogates), plus DEL and the C1
 * controls, which XML allows but no renderer draws.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any character escapeXml could change: markup, tab and line breaks, what XML cannot carry (any surrogate, to be safe), and the ':' and '=' defuse() looks at. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff\ud800-\udfff&<>"':=]/;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Text for an XML element or a quoted attribute value: the five markup characters as
 * entities, tab and line breaks as character references (so attribute values keep them),
 * characters XML cannot carry removed.
 */
export function escapeXml(text: string): string {
  // Most strings of a figure (numbers' units, colours, words of plain prose) need none of it.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return defuse(text.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c]!), '&#58;', '&#61;');
}

/**
 * Text that reads like a script URL ("javascript:") or an event attribute ("onload=") gets
 * its colon or equals sign as a character reference. The figure has no URL or event
 * attributes for it to be, so this changes nothing drawn; it keeps scanners that look at the
 * raw file (mail filters, upload checks, the tests) from mistaking a quotation for an attack.
 */
function defuse(text: string, colon: string, equals: string): string {
  return defuseEvents(text.replace(/(script|data)(\s*):/gi, `$1$2${colon}`), equals);
}

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSpace = (ch: string) => /\s/.test(ch);

/**
 * What `text.replace(/(on[a-z]+\s*)=/gi, `$1${equals}`)` gives, in linear time: that expression
 * backtracks through every run of letters after each "on" ("onononon…" of 100,000 characters
 * took seconds). From each "=", back over spaces and the run of letters before them: is there
 * an "on" in the run with a letter after it?
 */
function defuseEvents(text: string, equals: string): string {
  let out = '';
  let last = 0;
  for (let i = text.indexOf('='); i !== -1; i = text.indexOf('=', i + 1)) {
    let end = i;
    while (end > 0 && isSpace(text[end - 1]!)) end--;
    let start = end;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    let event = false;
    for (let p = start; p + 2 < end && !event; p++) event = (text.charCodeAt(p) | 0x20) === 0x6f && (text.charCodeAt(p + 1) | 0x20) === 0x6e;
    if (event) {
      out += text.slice(last, i) + equals;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Directional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a figure
 * they could make a line read in an order that is not the text's, so they are not drawn.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A user string as the figure draws it: no characters XML cannot carry, no bidi overrides, tabs as spaces. */
export function displayText(text: string): string {
  return text.replace(NOT_XML, '').replace(BIDI_CONTROLS, '').replace(/\t/g, ' ').replace(/\r\n?/g, '\n');
}

/**
 * JSON that can stand as XML character data without losing anything and without entities:
 * inside its strings, the markup characters, characters XML cannot carry, line and paragraph
 * separators and bidi controls become \u escapes (JSON.stringify already escapes C0 controls
 * and lone surrogates), and so do the colon of "script:" and the equals sign of "onload=".
 * JSON.parse of it gives back the same value.
 */
export function jsonAsXmlText(json: string): string {
  const u = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  // The strings found by scanning, not by a regular expression: one of 8 M characters overflows the stack of one.
  // A string with none of them, nor a colon or an equals sign, stays as it is and is copied with
  // the text around it in one slice (most of a map's strings: ids, kinds, plain prose).
  let out = '';
  let at = 0;
  let kept = 0;
  let next = -1;
  for (let open = json.indexOf('"'); open !== -1; open = json.indexOf('"', at)) {
    const close = stringEnd(json, open);
    at = close + 1;
    // The next such character at or after the string's start (outside strings too: a key's colon),
    // looked for again only once passed, so the whole text is scanned once.
    if (next < open) {
      ESCAPED_OR_DEFUSED.lastIndex = open;
      next = ESCAPED_OR_DEFUSED.exec(json)?.index ?? Infinity;
    }
    if (next > close) continue;
    const str = json.slice(open, close + 1);
    out += json.slice(kept, open) + defuse(str.replace(/[<>&\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g, u), u(':'), u('='));
    kept = at;
  }
  return out + json.slice(kept);
}

/** What jsonAsXmlText may change inside a string: the escaped characters, and the colon and equals sign defuse() looks at. */
const ESCAPED_OR_DEFUSED = /[<>&:=\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

/** The index of the quote that closes the JSON string opened at `open` (the text's end when none does). */
function stringEnd(json: string, open: number): number {
  for (let at = open + 1; ; ) {
    const q = json.indexOf('"', at);
    if (q < 0) return json.length;
    let slashes = 0;
    for (let i = q - 1; i > open && json.charCodeAt(i) === 0x5c; i--) slashes++;
    if (slashes % 2 === 0) return q;
    at = q + 1;
  }
}

/** Character data back to text: the predefined entities, character references and CDATA sections. */
export function unescapeXml(text: string): string {
  // CDATA sections found with indexOf: a lazy regular expression rescans the rest of the text for every unclosed one.
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<![CDATA['); open !== -1; open = text.indexOf('<![CDATA[', at)) {
    const close = text.indexOf(']]>', open + 9);
    if (close < 0) break;
    out += unescapeReferences(text.slice(at, open)) + text.slice(open + 9, close);
    at = close + 3;
  }
  return out + unescapeReferences(text.slice(at));
}

function unescapeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref === 'amp') return '&';
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const cp = ref!.startsWith('#x') ? parseInt(ref!.slice(2), 16) : parseInt(ref!.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}
