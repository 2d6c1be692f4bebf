// Documents built by the tests, so their text is known: PDFs with PDFKit, .docx files and zip
// archives with fflate (and a raw zip writer for archives fflate would not write: bombs whose
// headers lie, entries that overlap). No binary fixture is committed.
import { Deflate, strToU8, zipSync, zlibSync } from 'fflate';
import PDFDocument from 'pdfkit';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfJs } from '../../../arguments/intake';

/** pdf.js as the CLI passes it. */
export const PDFJS: PdfJs = pdfjs;

export const SERIF = new URL('../../../node_modules/@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf', import.meta.url).pathname;

type Doc = InstanceType<typeof PDFDocument>;

/** A PDF drawn by `draw` (pages added by it), as bytes. */
export function makePdf(draw: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: true, ...options });
    const chunks: Uint8Array[] = [];
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** One page per string (null: a page with nothing on it), Helvetica 12 pt. */
export function textPdf(pages: (string | null)[], options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return makePdf((doc) => {
    for (const page of pages) {
      doc.addPage();
      if (page !== null) doc.font('Helvetica').fontSize(12).text(page, { width: 450 });
    }
  }, options);
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) out.set(c, o), (o += c.length);
  return out;
}

// ----- a PNG (for a PDF whose only content is a picture) ------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** A w×h RGB PNG of grey stripes, like a scanned page without text. */
export function stripesPng(w: number, h: number): Uint8Array {
  const rows = new Uint8Array(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) {
    const row = y * (1 + 3 * w);
    for (let x = 0; x < 3 * w; x++) rows[row + 1 + x] = y % 8 < 4 ? 40 : 220;
  }
  const chunk = (type: string, data: Uint8Array) => {
    const body = concat([strToU8(type), data]);
    return concat([new Uint8Array(be32(data.length)), body, new Uint8Array(be32(crc32(body)))]);
  };
  const ihdr = new Uint8Array([...be32(w), ...be32(h), 8, 2, 0, 0, 0]);
  return concat([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(rows)), chunk('IEND', new Uint8Array())]);
}

// ----- .docx ----------------------------------------------------------------------------------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

/** A paragraph of runs; "\n" in a run is a line break (<w:br/>), "\t" a tab. */
export function paragraph(text: string): string {
  const runs = text.split(/(\n|\t)/).map((part) => (part === '\n' ? '<w:br/>' : part === '\t' ? '<w:tab/>' : part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ''));
  return `<w:p><w:r>${runs.join('')}</w:r></w:p>`;
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function documentXml(body: string): string {
  return `${XML}<w:document ${W}><w:body>${body}</w:body></w:document>`;
}

/** A minimal .docx: content types, package relationships, the main document; extra parts as given. */
export function makeDocx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(documentXml(body)),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

export function coreXml(title: string): string {
  return `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title></cp:coreProperties>`;
}

/** A .docx with one footnote, referenced from the first paragraph. */
export function docxWithFootnote(): Uint8Array {
  const body = `<w:p><w:r><w:t>The letter was sent on 27 August.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>${paragraph('Second paragraph.')}`;
  const footnotes = `${XML}<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">RGASPI, f. 558, op. 11, d. 62, l. 71.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
  const docRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`;
  return makeDocx(body, { 'word/footnotes.xml': footnotes, 'word/_rels/document.xml.rels': docRels });
}

// ----- raw zip archives ---------------------------------------------------------------------------

export interface RawEntry {
  name: string;
  /** The stored (compressed) bytes. */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare (they may lie). */
  declaredSize: number;
  crc?: number;
}

const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/**
 * A zip written field by field. `offsets` (optional) makes central-directory entries point at
 * the local header of another entry (index), as an overlapping bomb does.
 */
export function rawZip(entries: readonly RawEntry[], offsets?: readonly number[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const at: number[] = [];
  let o = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const header = new Uint8Array([...le32(0x04034b50), ...le16(20), ...le16(0), ...le16(e.method), ...le16(0), ...le16(0), ...le32(e.crc ?? 0), ...le32(e.data.length), ...le32(e.declaredSize), ...le16(name.length), ...le16(0)]);
    at.push(o);
    const local = concat([header, name, e.data]);
    locals.push(local);
    o += local.length;
  }
  const central: Uint8Array[] = [];
  const cdStart = o;
  const count = offsets ? offsets.length : entries.length;
  for (let k = 0; k < count; k++) {
    const i = offsets ? offsets[k]! : k;
    const e = entries[i]!;
    const name = strToU8(offsets ? `${e.name}.${k}` : e.name);
    central.push(
      concat([
        new Uint8Array([...le32(0x02014b50), ...le16(20), ...le16(20), ...le16(0), ...le16(e.method), ...le16(0), ...le16(0), ...le32(e.crc ?? 0), ...le32(e.data.length), ...le32(e.declaredSize), ...le16(name.length), ...le16(0), ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(at[i]!)]),
        name,
      ]),
    );
  }
  const cd = concat(central);
  const end = new Uint8Array([...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(count), ...le16(count), ...le32(cd.length), ...le32(cdStart), ...le16(0)]);
  return concat([...locals, cd, end]);
}

/**
 * `mib` MiB of zeros, deflated by streaming them through fflate's Deflate: a few MiB are
 * compressed, each ended by a sync flush; once the window holds only zeros, a flushed segment
 * inflates to the same MiB of zeros wherever it is repeated, so the stream is that segment
 * repeated. The zeros are never held (the stream is ~1 KB per MiB).
 */
export function deflatedZeros(mib: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (c) => chunks.push(c.slice()));
  const zeros = new Uint8Array(1 << 20);
  const segments: Uint8Array[] = [];
  for (let i = 0; i < 3; i++) {
    const before = chunks.length;
    deflate.push(zeros);
    deflate.flush(true);
    segments.push(concat(chunks.slice(before)));
  }
  const before = chunks.length;
  deflate.push(new Uint8Array(0), true);
  const tail = concat(chunks.slice(before));
  const steady = segments[2]!;
  return concat([segments[0]!, segments[1]!, ...Array.from({ length: Math.max(0, mib - 2) }, () => steady), tail]);
}

/** A .docx-shaped zip whose word/document.xml inflates to `mib` MiB of zeros, declaring `declaredSize`. */
export function bombDocx(mib: number, declaredSize: number): Uint8Array {
  const ok = (name: string, text: string): RawEntry => {
    const data = strToU8(text);
    return { name, data, method: 0, declaredSize: data.length, crc: crc32(data) };
  };
  return rawZip([ok('[Content_Types].xml', CONTENT_TYPES), ok('_rels/.rels', RELS), { name: 'word/document.xml', data: deflatedZeros(mib), method: 8, declaredSize }]);
}

/** A seeded PRNG's bytes (mulberry32). */
export function randomBytes(n: number, seed = 1950): Uint8Array {
  const out = new Uint8Array(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 255;
  }
  return out;
}

/** The header of an OLE compound file (an old .doc), with optional content after it. */
export function oleFile(content = ''): Uint8Array {
  const header = new Uint8Array(512);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = new Uint8Array(content.length * 2);
  for (let i = 0; i < content.length; i++) body[i * 2] = content.charCodeAt(i);
  return concat([header, body]);
}

export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = bom ? `\uFEFF${text}` : text;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    const [lo, hi] = [u & 255, u >>> 8];
    out.set(order === 'le' ? [lo, hi] : [hi, lo], i * 2);
  }
  return out;
}
