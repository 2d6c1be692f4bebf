// The map travels with its figure: the .argmap.json document inside the SVG's <metadata>,
// a PNG's iTXt chunk, or a PDF's embedded file; and back out again. Pure TypeScript over
// Uint8Array with the web-standard (De)CompressionStream, so the app and the CLI share it.
import { issue } from '../format/errors';
import { loadMap, MAX_FILE_BYTES, type LoadResult } from '../format/load';
import { MAP_METADATA_NS } from './svg';
import { unescapeXml } from './xml';

export type FigureKind = 'svg' | 'png' | 'pdf';

/** The keyword of the PNG text chunk that carries the map. */
export const PNG_MAP_KEYWORD = 'argument-atlas/argmap';
/** The name of the file a PDF figure carries. */
export const PDF_ATTACHMENT_NAME = 'map.argmap.json';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
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
      if (total > MAX_FILE_BYTES * 2) throw new Error('The embedded map is too large.');
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

/** The map document in an SVG figure's metadata, or null. Tolerates another prefix or a moved namespace declaration. */
export function mapJsonOfSvg(svg: string): string | null {
  const prefixes = new Set<string>(['aa']);
  for (const m of svg.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) if (m[2] === MAP_METADATA_NS) prefixes.add(m[1]!);
  for (const p of prefixes) {
    const esc = p.replace(/[.-]/g, '\\$&');
    const m = new RegExp(`<${esc}:map\\b[^>]*>([\\s\\S]*?)</${esc}:map\\s*>`).exec(svg);
    if (m) return unescapeXml(m[1]!).trim();
  }
  const plain = /<map\b[^>]*xmlns\s*=\s*["']urn:argument-atlas:argmap["'][^>]*>([\s\S]*?)<\/map\s*>/.exec(svg);
  return plain ? unescapeXml(plain[1]!).trim() : null;
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

/** The chunks of a PNG (CRCs checked); throws on a damaged file. */
export function readPngChunks(png: Uint8Array): PngChunk[] {
  if (!isPng(png)) throw new Error('This is not a PNG file.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    if (at + 12 + length > png.length) throw new Error('The PNG file is cut off.');
    const type = latin1(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) throw new Error(`The PNG file is damaged (the ${type} chunk fails its checksum).`);
    chunks.push({ type, data });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new Error('The PNG file has no header.');
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

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function iTXt(keyword: string, text: string, compress: boolean): Promise<PngChunk> {
  const body = utf8.encode(text);
  const head = concat(utf8.encode(keyword), new Uint8Array([0, compress ? 1 : 0, 0, 0, 0]));
  return { type: 'iTXt', data: concat(head, compress ? await deflate(body) : body) };
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
export async function addPngMetadata(png: Uint8Array, meta: { mapJson?: string; dpi?: number; title?: string }): Promise<Uint8Array> {
  const chunks = readPngChunks(png);
  const ours = new Set([PNG_MAP_KEYWORD, 'Title', 'Software']);
  const kept = chunks.filter((c) => !(c.type === 'pHYs' && meta.dpi) && !ours.has(textChunkKeyword(c) ?? ''));
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
  return writePngChunks([kept[0]!, ...added, ...kept.slice(1)]);
}

/** The map document in a PNG figure's text chunks, or null. */
export async function mapJsonOfPng(png: Uint8Array): Promise<string | null> {
  for (const c of readPngChunks(png)) {
    if (textChunkKeyword(c) !== PNG_MAP_KEYWORD) continue;
    const d = c.data;
    const k = d.indexOf(0);
    if (c.type === 'tEXt') return latin1(d.subarray(k + 1));
    if (c.type === 'zTXt') return latin1(await inflate(d.subarray(k + 2)));
    // iTXt: keyword \0 flag method language \0 translated keyword \0 text
    const compressed = d[k + 1] === 1;
    const lang = d.indexOf(0, k + 3);
    const translated = d.indexOf(0, lang + 1);
    if (lang < 0 || translated < 0) return null;
    const body = d.subarray(translated + 1);
    return new TextDecoder('utf-8', { fatal: true }).decode(compressed ? await inflate(body) : body);
  }
  return null;
}

// ----- PDF ------------------------------------------------------------------------------------

/** A PDF header in the first KB (where readers look for it), and not a JSON or XML text that mentions one. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 1024));
  const at = head.indexOf('%PDF-');
  return at >= 0 && !/^[\s\ufeff\u00ef\u00bb\u00bf]*[{[<]/.test(head.slice(0, at));
}

/**
 * The contents of every embedded file stream (/Type /EmbeddedFile) of a PDF whose objects
 * are not packed in object streams (PDFKit writes none), inflated when they are FlateDecode.
 */
export async function embeddedFilesOfPdf(pdf: Uint8Array): Promise<Uint8Array[]> {
  const text = latin1(pdf);
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(/\/Type\s*\/EmbeddedFile(?![A-Za-z#])/g)) {
    const objStart = text.lastIndexOf(' obj', m.index);
    const streamMatch = /(?<!end)stream(\r\n|\n|\r)/.exec(text.slice(m.index));
    if (objStart < 0 || !streamMatch) continue;
    const dict = text.slice(objStart, m.index + streamMatch.index);
    const start = m.index + streamMatch.index + streamMatch[0].length;
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
      out.push(flate ? await inflate(data) : data);
    } catch {
      // A damaged stream: try the others.
    }
  }
  return out;
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

/**
 * The map document a figure carries, as text, with the figure's kind; `json` is null when
 * the figure carries none. Null for bytes that are not an SVG, PNG or PDF at all.
 * For a PDF with several embedded files, the first that loads as a map (else the first).
 */
export async function mapJsonOfFigure(bytes: Uint8Array): Promise<{ kind: FigureKind; json: string | null } | null> {
  const kind = figureKind(bytes);
  if (!kind) return null;
  try {
    if (kind === 'png') return { kind, json: await mapJsonOfPng(bytes) };
    if (kind === 'svg') return { kind, json: mapJsonOfSvg(new TextDecoder('utf-8').decode(bytes)) };
    const files = await embeddedFilesOfPdf(bytes);
    const decoded = files.map((f) => new TextDecoder('utf-8').decode(f));
    return { kind, json: decoded.find((t) => loadMap(t).ok) ?? decoded[0] ?? null };
  } catch {
    return { kind, json: null };
  }
}

/** Opens a figure exported by Argument Atlas as the full, editable map it was made from. */
export async function importFigure(bytes: Uint8Array): Promise<LoadResult> {
  const found = await mapJsonOfFigure(bytes);
  if (!found) return { ok: false, errors: [issue('not-a-map', '', 'This file is not a figure (an SVG, PNG or PDF exported by Argument Atlas).')] };
  if (found.json === null)
    return {
      ok: false,
      errors: [issue('not-a-map', '', `This ${KIND_NAMES[found.kind]} carries no argument map: only figures exported by Argument Atlas can be opened as maps.`)],
    };
  return loadMap(found.json);
}
