// The map travels with its figure: the .argmap.json document inside the SVG's <metadata>,
// a PNG's iTXt chunk, or a PDF's embedded file; and back out again. Pure TypeScript over
// Uint8Array with the web-standard (De)CompressionStream, so the app and the CLI share it.
import { formatBytes, issue, quote } from '../format/errors';
import { loadMap, MAX_FILE_BYTES, type LoadResult } from '../format/load';
import { MAP_METADATA_NS, unescapeXml } from './xml';

export type FigureKind = 'svg' | 'png' | 'pdf';

/** The keyword of the PNG text chunk that carries the map. */
export const PNG_MAP_KEYWORD = 'argument-atlas/argmap';
/** The name of the file a PDF figure carries. */
export const PDF_ATTACHMENT_NAME = 'map.argmap.json';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Why the map cannot be read out of a figure whose kind was recognised. */
export type FigureProblemCode =
  | 'not-png'
  | 'png-cut-off'
  | 'png-bad-length'
  | 'png-bad-type'
  | 'png-bad-checksum'
  | 'png-no-header'
  | 'map-damaged'
  | 'map-too-large'
  | 'unreadable';

/** A damaged figure, worded for the user: what is wrong with it, not only that no map came out. */
export class FigureError extends Error {
  override name = 'FigureError';
  constructor(
    readonly code: FigureProblemCode,
    message: string,
  ) {
    super(message);
  }
}

const count = (n: number) => n.toLocaleString('en-US');
const utf8 = new TextEncoder();
const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
};

// ----- zlib through the Compression Streams API ----------------------------------------------

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
      if (total > MAX_FILE_BYTES * 2)
        throw new FigureError('map-too-large', `The map in this figure unpacks to more than ${formatBytes(MAX_FILE_BYTES * 2)}, larger than any map Argument Atlas opens.`);
    }
  })();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  await reading;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** zlib (RFC 1950) compression, as PNG and PDF (FlateDecode) use it. */
export const deflate = (bytes: Uint8Array) => through(bytes, new CompressionStream('deflate'));
export const inflate = (bytes: Uint8Array) => through(bytes, new DecompressionStream('deflate'));

// ----- SVG ------------------------------------------------------------------------------------

/**
 * The content of the first element `name` whose start tag `accept`s, up to the first end tag
 * after it; null when there is none. Found with indexOf, in one pass: a lazy regular expression
 * would rescan the rest of the file for every start tag without an end.
 */
function elementContent(svg: string, name: string, accept: (startTag: string) => boolean = () => true): string | null {
  for (let at = svg.indexOf(`<${name}`); at !== -1; at = svg.indexOf(`<${name}`, at + 1)) {
    if (/[\w.:-]/.test(svg.charAt(at + name.length + 1))) continue; // a longer name
    const tagEnd = svg.indexOf('>', at);
    if (tagEnd < 0) return null;
    if (!accept(svg.slice(at, tagEnd + 1))) continue;
    for (let close = svg.indexOf(`</${name}`, tagEnd); close !== -1; close = svg.indexOf(`</${name}`, close + 1))
      if (/^\s*>/.test(svg.slice(close + name.length + 2, close + name.length + 66))) return svg.slice(tagEnd + 1, close);
    return null;
  }
  return null;
}

/** The map document in an SVG figure's metadata, or null. Tolerates another prefix or a moved namespace declaration. */
export function mapJsonOfSvg(svg: string): string | null {
  const prefixes = new Set<string>(['aa']);
  for (const m of svg.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) if (m[2] === MAP_METADATA_NS) prefixes.add(m[1]!);
  for (const p of prefixes) {
    const content = elementContent(svg, `${p}:map`);
    if (content !== null) return unescapeXml(content).trim();
  }
  const plain = elementContent(svg, 'map', (tag) => /\sxmlns\s*=\s*["']urn:argument-atlas:argmap["']/.test(tag));
  return plain !== null ? unescapeXml(plain).trim() : null;
}

// ----- PNG ------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The largest chunk length PNG allows (2^31 − 1). */
const MAX_PNG_CHUNK = 0x7fffffff;

/**
 * The chunks of a PNG up to its end chunk, or up to the first damage, with what that damage is:
 * the map chunk comes right after the header, so a PNG damaged further on still gives it.
 */
function walkPng(png: Uint8Array): { chunks: PngChunk[]; damage: FigureError | null } {
  if (!isPng(png)) return { chunks: [], damage: new FigureError('not-png', 'This is not a PNG file (it does not begin with the PNG signature).') };
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  const damaged = (code: FigureProblemCode, what: string) => ({ chunks, damage: new FigureError(code, `The PNG file is damaged: ${what}.`) });
  let at = 8;
  for (;;) {
    const nth = `chunk ${chunks.length + 1}`;
    if (at + 12 > png.length) {
      if (chunks.length === 0) return { chunks, damage: new FigureError('png-no-header', 'The PNG file has no header.') };
      return damaged('png-cut-off', at === png.length ? 'it has no end chunk (IEND), so it was cut off' : `it ends inside ${nth}, so it was cut off`);
    }
    const length = view.getUint32(at);
    const type = latin1(png.subarray(at + 4, at + 8));
    const rest = png.length - at - 12;
    const name = /^[A-Za-z]{4}$/.test(type) ? type : quote(type);
    if (length > MAX_PNG_CHUNK || length > rest)
      return damaged('png-bad-length', `${nth} (${name}) gives its length as ${count(length)} bytes, but only ${count(Math.max(0, rest))} bytes follow (the file is cut off, or the length is wrong)`);
    // The checksum covers the type and the data: a changed type fails it too, and says so first.
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length))
      return damaged('png-bad-checksum', `${nth} (${name}) fails its checksum (CRC), so its bytes were changed after it was written`);
    if (name !== type) return damaged('png-bad-type', `${nth} has no valid type (${name}), so the file's structure is broken there`);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (chunks.length === 1 && type !== 'IHDR') return damaged('png-no-header', `it does not begin with its header chunk (IHDR)`);
    if (type === 'IEND') return { chunks, damage: null };
  }
}

/** The chunks of a PNG (lengths and CRCs checked, up to its end chunk); throws a FigureError saying what is wrong with a damaged file. */
export function readPngChunks(png: Uint8Array): PngChunk[] {
  const { chunks, damage } = walkPng(png);
  if (damage) throw damage;
  return chunks;
}

export function writePngChunks(chunks: readonly PngChunk[]): Uint8Array {
  const size = 8 + chunks.reduce((n, c) => n + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE, 0);
  let at = 8;
  for (const c of chunks) {
    view.setUint32(at, c.data.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = c.type.charCodeAt(i);
    out.set(c.data, at + 8);
    view.setUint32(at + 8 + c.data.length, crc32(out.subarray(at + 4, at + 8 + c.data.length)));
    at += 12 + c.data.length;
  }
  return out;
}

/** Width and height in pixels, from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const ihdr = readPngChunks(png)[0]!.data;
  const view = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

/** Resolution from the pHYs chunk, in dots per inch; null when the PNG does not say. */
export function pngDpi(png: Uint8Array): number | null {
  const phys = readPngChunks(png).find((c) => c.type === 'pHYs');
  if (!phys || phys.data[8] !== 1) return null;
  return new DataView(phys.data.buffer, phys.data.byteOffset).getUint32(0) * 0.0254;
}

/** The pieces of a file, end to end (PNG chunks, a streamed PNG's parts). */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function iTXt(keyword: string, text: string, compress: boolean): Promise<PngChunk> {
  const body = utf8.encode(text);
  const head = joinBytes([utf8.encode(keyword), new Uint8Array([0, compress ? 1 : 0, 0, 0, 0])]);
  return { type: 'iTXt', data: joinBytes([head, compress ? await deflate(body) : body]) };
}

function textChunkKeyword(c: PngChunk): string | null {
  if (c.type !== 'iTXt' && c.type !== 'tEXt' && c.type !== 'zTXt') return null;
  const nul = c.data.indexOf(0);
  return nul < 0 ? null : latin1(c.data.subarray(0, nul));
}

/**
 * The PNG with its resolution (pHYs, so LaTeX and layout programs size it right), its title
 * and the map document (a compressed iTXt chunk) after the header. Older copies of these
 * chunks are replaced.
 */
export async function addPngMetadata(png: Uint8Array, meta: PngMetadata): Promise<Uint8Array> {
  const chunks = readPngChunks(png);
  const ours = new Set([PNG_MAP_KEYWORD, 'Title', 'Software']);
  const kept = chunks.filter((c) => !(c.type === 'pHYs' && meta.dpi) && !ours.has(textChunkKeyword(c) ?? ''));
  return writePngChunks([kept[0]!, ...(await pngMetadataChunks(meta)), ...kept.slice(1)]);
}

export interface PngMetadata {
  mapJson?: string;
  dpi?: number;
  title?: string;
}

/** The chunks addPngMetadata puts after the header, for a PNG written band by band (pngStream.ts). */
export async function pngMetadataChunks(meta: PngMetadata): Promise<PngChunk[]> {
  const added: PngChunk[] = [];
  if (meta.dpi) {
    const ppm = Math.round(meta.dpi / 0.0254);
    const data = new Uint8Array(9);
    const view = new DataView(data.buffer);
    view.setUint32(0, ppm);
    view.setUint32(4, ppm);
    data[8] = 1;
    added.push({ type: 'pHYs', data });
  }
  added.push(await iTXt('Software', 'Argument Atlas', false));
  if (meta.title) added.push(await iTXt('Title', meta.title, false));
  if (meta.mapJson !== undefined) added.push(await iTXt(PNG_MAP_KEYWORD, meta.mapJson, true));
  return added;
}

const mapDamaged = (what: string) => new FigureError('map-damaged', `The map in this PNG is damaged: ${what}.`);

async function unpack(body: Uint8Array): Promise<Uint8Array> {
  try {
    return await inflate(body);
  } catch (err) {
    if (err instanceof FigureError) throw err;
    throw mapDamaged('its compressed text does not unpack (the chunk was cut or changed)');
  }
}

/**
 * The map document in a PNG figure's text chunks, or null when it has none. Throws a
 * FigureError saying what is wrong when the file is damaged before the map chunk, or the map
 * chunk itself is.
 */
export async function mapJsonOfPng(png: Uint8Array): Promise<string | null> {
  const { chunks, damage } = walkPng(png);
  for (const c of chunks) {
    if (textChunkKeyword(c) !== PNG_MAP_KEYWORD) continue;
    const d = c.data;
    const k = d.indexOf(0);
    if (c.type === 'tEXt') return latin1(d.subarray(k + 1));
    if (c.type === 'zTXt') return latin1(await unpack(d.subarray(k + 2)));
    // iTXt: keyword \0 flag method language \0 translated keyword \0 text
    const compressed = d[k + 1] === 1;
    const lang = d.indexOf(0, k + 3);
    const translated = lang < 0 ? -1 : d.indexOf(0, lang + 1);
    if (lang < 0 || translated < 0) throw mapDamaged('its text chunk is incomplete');
    const body = d.subarray(translated + 1);
    const bytes = compressed ? await unpack(body) : body;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw mapDamaged('its text is not valid UTF-8');
    }
  }
  if (damage) throw damage;
  return null;
}

// ----- PDF ------------------------------------------------------------------------------------

/** A PDF header in the first KB (where readers look for it), and not a JSON or XML text that mentions one. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 1024));
  const at = head.indexOf('%PDF-');
  return at >= 0 && !/^[\s\ufeff\u00ef\u00bb\u00bf]*[{[<]/.test(head.slice(0, at));
}

/** A PDF figure has one attachment; a file with more candidates than this is not one (and is not scanned on). */
const MAX_PDF_ATTACHMENTS = 64;

/** The embedded files of a PDF, and how many of them were damaged (a stream that does not unpack). */
async function pdfAttachments(pdf: Uint8Array): Promise<{ files: Uint8Array[]; damaged: number }> {
  const text = latin1(pdf);
  const files: Uint8Array[] = [];
  let damaged = 0;
  let seen = 0;
  const streamKeyword = /(?<!end)stream(\r\n|\n|\r)/g;
  for (const m of text.matchAll(/\/Type\s*\/EmbeddedFile(?![A-Za-z#])/g)) {
    if (++seen > MAX_PDF_ATTACHMENTS) break;
    const objStart = text.lastIndexOf(' obj', m.index);
    streamKeyword.lastIndex = m.index;
    const streamMatch = streamKeyword.exec(text);
    if (objStart < 0 || !streamMatch) continue;
    const dict = text.slice(objStart, streamMatch.index);
    const start = streamMatch.index + streamMatch[0].length;
    let length: number | null = null;
    const len = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dict);
    if (len && len[2] === undefined) length = Number(len[1]);
    else if (len) {
      const ref = new RegExp(`(?:^|[\\r\\n\\s])${len[1]}\\s+${len[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(text);
      if (ref) length = Number(ref[1]);
    }
    if (length === null) {
      const end = text.indexOf('endstream', start);
      if (end < 0) continue;
      length = end - start;
    }
    const data = pdf.subarray(start, start + length);
    const flate = /\/Filter\s*(?:\[\s*)?\/FlateDecode/.test(dict);
    const other = /\/Filter/.test(dict) && !flate;
    if (other) continue;
    try {
      files.push(flate ? await inflate(data) : data);
    } catch (err) {
      if (err instanceof FigureError) throw err;
      damaged++; // try the others
    }
  }
  return { files, damaged };
}

/**
 * The contents of every embedded file stream (/Type /EmbeddedFile) of a PDF whose objects
 * are not packed in object streams (PDFKit writes none), inflated when they are FlateDecode.
 */
export async function embeddedFilesOfPdf(pdf: Uint8Array): Promise<Uint8Array[]> {
  return (await pdfAttachments(pdf)).files;
}

// ----- any figure -------------------------------------------------------------------------------

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '').trimStart();
  return head.startsWith('<') && /<svg[\s>]/.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 65536)));
}

/** What kind of figure the bytes are, by their content (not their name); null for anything else. */
export function figureKind(bytes: Uint8Array): FigureKind | null {
  if (isPng(bytes)) return 'png';
  if (isPdf(bytes)) return 'pdf';
  if (looksLikeSvg(bytes)) return 'svg';
  return null;
}

const KIND_NAMES: Record<FigureKind, string> = { svg: 'SVG', png: 'PNG', pdf: 'PDF' };

export interface FigureContent {
  kind: FigureKind;
  /** The map document; null when the figure carries none, or `problem` keeps it from being read. */
  json: string | null;
  /** What is wrong with a damaged figure (the CLI and the app print its message). */
  problem?: FigureError;
}

/**
 * The map document a figure carries, as text, with the figure's kind; `json` is null when
 * the figure carries none, and `problem` says why when the figure is damaged. Null for bytes
 * that are not an SVG, PNG or PDF at all. For a PDF with several embedded files, the first
 * that loads as a map (else the first).
 */
export async function mapJsonOfFigure(bytes: Uint8Array): Promise<FigureContent | null> {
  const kind = figureKind(bytes);
  if (!kind) return null;
  try {
    if (kind === 'png') return { kind, json: await mapJsonOfPng(bytes) };
    if (kind === 'svg') return { kind, json: mapJsonOfSvg(new TextDecoder('utf-8').decode(bytes)) };
    const { files, damaged } = await pdfAttachments(bytes);
    const decoded = files.map((f) => new TextDecoder('utf-8').decode(f));
    const json = decoded.find((t) => loadMap(t).ok) ?? decoded[0] ?? null;
    if (json === null && damaged > 0)
      return { kind, json, problem: new FigureError('map-damaged', 'The map attached to this PDF is damaged: its compressed stream does not unpack (the file was cut or changed).') };
    return { kind, json };
  } catch (err) {
    const problem = err instanceof FigureError ? err : new FigureError('unreadable', `This ${KIND_NAMES[kind]} could not be read (${err instanceof Error ? err.message : String(err)}).`);
    return { kind, json: null, problem };
  }
}

/** Opens a figure exported by Argument Atlas as the full, editable map it was made from. */
export async function importFigure(bytes: Uint8Array): Promise<LoadResult> {
  const found = await mapJsonOfFigure(bytes);
  if (!found) return { ok: false, errors: [issue('not-a-map', '', 'This file is not a figure (an SVG, PNG or PDF exported by Argument Atlas).')] };
  if (found.problem) return { ok: false, errors: [issue('damaged-figure', '', found.problem.message)] };
  if (found.json === null)
    return {
      ok: false,
      errors: [issue('not-a-map', '', `This ${KIND_NAMES[found.kind]} carries no argument map: only figures exported by Argument Atlas can be opened as maps.`)],
    };
  return loadMap(found.json);
}
