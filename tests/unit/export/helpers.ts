// Shared by the figure tests: a strict XML well-formedness checker (XML 1.0, no DTDs: figures
// never have one), the shipped map, external tools, and a map full of hostile strings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { readPngChunks } from '../../../arguments/export/embed';
import { loadMap } from '../../../arguments/format/load';
import type { ArgumentMap } from '../../../arguments/model';

// ----- XML -------------------------------------------------------------------------------------

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

export class XmlError extends Error {}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Parses `src` as a well-formed XML 1.0 document, or throws XmlError saying where it is not. */
export function parseXmlStrict(src: string): XmlElement {
  // Every character must be an XML Char (code points: a lone surrogate is not one).
  for (let i = 0; i < src.length; i++) {
    const cp = src.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!isXmlChar(cp)) throw new XmlError(`character U+${cp.toString(16).toUpperCase()} at ${i} is not allowed in XML`);
  }
  let at = 0;
  const fail = (what: string): never => {
    throw new XmlError(`${what} at offset ${at}: ${JSON.stringify(src.slice(at, at + 40))}`);
  };
  const startsWith = (s: string) => src.startsWith(s, at);
  const skipSpace = () => {
    while (at < src.length && /[ \t\r\n]/.test(src[at]!)) at++;
  };
  const name = (): string => {
    const m = NAME.exec(src.slice(at, at + 200));
    if (!m) fail('expected a name');
    at += m![0].length;
    return m![0];
  };
  const reference = (): string => {
    // at points at '&'
    const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][A-Za-z0-9_.-]*);/.exec(src.slice(at, at + 20));
    if (!m) fail('"&" that does not start a reference');
    const ref = m![1]!;
    at += m![0].length;
    if (ref.startsWith('#')) {
      const cp = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(cp)) fail(`character reference to U+${cp.toString(16)}, not an XML character`);
      return String.fromCodePoint(cp);
    }
    if (!(ref in PREDEFINED)) fail(`undeclared entity &${ref};`);
    return PREDEFINED[ref]!;
  };
  const misc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) comment();
      else if (startsWith('<?')) pi();
      else return;
    }
  };
  const comment = () => {
    const end = src.indexOf('-->', at + 4);
    if (end < 0) fail('unterminated comment');
    if (src.slice(at + 4, end).includes('--')) fail('"--" inside a comment');
    at = end + 3;
  };
  const pi = () => {
    const end = src.indexOf('?>', at + 2);
    if (end < 0) fail('unterminated processing instruction');
    at = end + 2;
  };
  const element = (): XmlElement => {
    if (!startsWith('<')) fail('expected an element');
    at++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const before = at;
      skipSpace();
      if (startsWith('/>')) {
        at += 2;
        return el;
      }
      if (startsWith('>')) {
        at++;
        break;
      }
      if (at === before) fail('expected whitespace before an attribute');
      const attr = name();
      skipSpace();
      if (src[at] !== '=') fail('expected "="');
      at++;
      skipSpace();
      const quote = src[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      at++;
      let value = '';
      while (src[at] !== quote) {
        if (at >= src.length) fail('unterminated attribute value');
        if (src[at] === '<') fail('"<" in an attribute value');
        if (src[at] === '&') value += reference();
        else value += src[at++];
      }
      at++;
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      el.attrs[attr] = value;
    }
    let text = '';
    const flush = () => {
      if (text) el.children.push(text);
      text = '';
    };
    for (;;) {
      if (at >= src.length) fail(`<${el.name}> is not closed`);
      if (startsWith('</')) {
        at += 2;
        const closing = name();
        skipSpace();
        if (src[at] !== '>') fail('expected ">"');
        at++;
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        flush();
        return el;
      }
      if (startsWith('<![CDATA[')) {
        const end = src.indexOf(']]>', at);
        if (end < 0) fail('unterminated CDATA section');
        text += src.slice(at + 9, end);
        at = end + 3;
      } else if (startsWith('<!--')) comment();
      else if (startsWith('<?')) pi();
      else if (startsWith('<!')) fail('markup declaration inside an element');
      else if (startsWith('<')) {
        flush();
        el.children.push(element());
      } else if (src[at] === '&') text += reference();
      else {
        if (startsWith(']]>')) fail('"]]>" in text');
        text += src[at++];
      }
    }
  };

  if (startsWith('\ufeff')) at++;
  if (startsWith('<?xml')) {
    const end = src.indexOf('?>', at);
    if (end < 0) fail('unterminated XML declaration');
    at = end + 2;
  }
  misc();
  if (startsWith('<!DOCTYPE')) fail('a DOCTYPE (figures never have one)');
  const root = element();
  misc();
  if (at !== src.length) fail('content after the root element');
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) if (typeof c !== 'string') yield* walk(c);
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** The text of every <text> in `el`, one string per <text>, its tspans joined by spaces. */
export function textsIn(el: XmlElement): string[] {
  return [...walk(el)].filter((e) => e.name === 'text').map((t) => t.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join(' '));
}

// ----- the shipped map and tools ---------------------------------------------------------------

export const root = new URL('../../../', import.meta.url).pathname;
export const SHIPPED_PATH = join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json');

export function shippedMap(): ArgumentMap {
  const r = loadMap(readFileSync(SHIPPED_PATH));
  if (!r.ok) throw new Error('the shipped map does not load');
  return r.map;
}

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `aa-export-${prefix}-`));
}

/** Runs a command; fails the test with its stderr when it is missing or fails. */
export function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} could not be run (${r.error.message}); .ci/run installs librsvg2-bin and poppler-utils.`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Whitespace removed: text wrapped over lines compares equal to the text it came from. */
export const squash = (s: string) => s.replace(/\s+/g, '');

// ----- hostile strings -------------------------------------------------------------------------

const control = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

/** Strings that must come out of a figure as text, never as markup or broken XML. */
export const HOSTILE: string[] = [
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)>",
  '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  '<a xlink:href="javascript:alert(1)">x</a>',
  '<image href="http://example.com/x.png"/>',
  '<use href="#node-T"/>',
  '<style>*{fill:red}</style>',
  'onmouseover="alert(1)"',
  '" onclick="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  ']]>',
  '<![CDATA[',
  '<![CDATA[<script>alert(1)</script>]]>',
  '&amp;',
  '&lt;script&gt;',
  '&#60;script&#62;',
  '&#0;',
  '&#x1F;',
  '&nbsp;',
  '&xxe;',
  '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<?xml-stylesheet href="evil.css"?>',
  '<!-- comment -->',
  '--',
  '"\'&<>',
  control,
  '\u0000',
  'a\u0000b\u0001c\u001fd',
  '\u007f\u0080\u0085\u009f',
  '\ufffe\uffff',
  '\ud800',
  'x\udc00y',
  '\u202eevil\u202c',
  'abc\u202edcba',
  '\u2066isolate\u2069 \u200e\u200f',
  '\u2028line\u2029paragraph',
  '\ufeffBOM',
  'x'.repeat(5000),
  'Ж'.repeat(5000),
  'https://example.com/' + 'a'.repeat(4000),
  '\t\ttabs\tand\nnew\r\nlines\r',
  '   leading and   multiple   spaces   ',
  'Сталин — «лагерь демократии» (lager\u2019 demokratii)',
  '漢字かなカナ한국어 😀👍🏽 e\u0301 \u0000',
  'url(javascript:alert(1))',
  'expression(alert(1))',
  '%3Cscript%3E',
];

/** Decodes an 8-bit RGB(A) PNG (not interlaced, any row filters) into its RGBA pixels. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const chunks = readPngChunks(png);
  const ihdr = Buffer.from(chunks[0]!.data);
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const channels = ihdr[9] === 6 ? 4 : ihdr[9] === 2 ? 3 : 0;
  if (ihdr[8] !== 8 || channels === 0 || ihdr[12] !== 0) throw new Error('decodePng reads 8-bit RGB(A), not interlaced, only');
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => Buffer.from(c.data))));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`decodePng: ${raw.length} bytes of rows where ${height * (stride + 1)} were due`);
  const rgba = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  let cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? cur[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      cur[x] = (v + pred) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) rgba[(y * width + x) * 4 + k] = cur[x * channels + k]!;
      rgba[(y * width + x) * 4 + 3] = channels === 4 ? cur[x * 4 + 3]! : 255;
    }
    [prev, cur] = [cur, prev];
  }
  return { width, height, rgba };
}
