// Documents the browser tests bring in as sources, made by the tests so their text is known:
// PDFs with PDFKit (with a text layer, scanned-looking without one, password-protected, cut
// short), a .docx with fflate, and the bad inputs of issue 9. Nothing binary is committed.
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

function concat(chunks: readonly Uint8Array[]): Buffer {
  return Buffer.concat(chunks.map((c) => Buffer.from(c)));
}

/** A PDF drawn by `draw`, as bytes. */
export function makePdf(draw: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
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

/** One page per string, Helvetica 12 pt; `title` goes into the PDF's Info dictionary. */
export function textPdf(pages: readonly string[], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return makePdf((doc) => {
    for (const page of pages) {
      doc.addPage();
      doc.font('Helvetica').fontSize(12).text(page, { width: 450 });
    }
  }, options);
}

/** Pages with only drawings on them, as a scan without OCR is to a text extractor. */
export function scannedPdf(): Promise<Buffer> {
  return makePdf((doc) => {
    doc.addPage();
    for (let y = 60; y < 700; y += 14) doc.rect(60, y, 480, 6).fill('#444444');
  });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal .docx, one paragraph per string. */
export function docx(paragraphs: readonly string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(RELS),
      'word/document.xml': strToU8(`${XML}<w:document ${W}><w:body>${body}</w:body></w:document>`),
    }),
  );
}

/** Seeded bytes that are no text in any encoding. */
export function binary(n: number): Buffer {
  const out = Buffer.alloc(n);
  let a = 1950;
  for (let i = 0; i < n; i++) {
    a = (a * 1103515245 + 12345) >>> 0;
    out[i] = (a >>> 16) & 255;
  }
  out[0] = 0;
  return out;
}

export const HOSTILE = '<img src=x onerror=alert(1)>';
