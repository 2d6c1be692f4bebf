// What the PDF writers (pdf.ts, pdfParts.ts, handoutPdf.ts) use of PDFKit and svg-to-pdfkit,
// which are handed in (PDFKit's Node build in the CLI, its browser build in the app), and the
// one unit they share: a figure's px is a CSS pixel, 1/96 in, and a PDF's pt 1/72 in.
/** The parts of PDFKit this uses (its Node and browser builds both have them). */
export interface PdfDocumentLike {
  registerFont(name: string, src: Uint8Array | ArrayBuffer): unknown;
  font(name: string): unknown;
  save(): unknown;
  restore(): unknown;
  addPage(options: Record<string, unknown>): unknown;
  translate(x: number, y: number): unknown;
  scale(k: number): unknown;
  file(src: Uint8Array, options: Record<string, unknown>): unknown;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  end(): void;
}

export interface PdfLibraries {
  PDFDocument: new (options: Record<string, unknown>) => PdfDocumentLike;
  SVGtoPDF: (doc: PdfDocumentLike, svg: string, x: number, y: number, options: Record<string, unknown>) => void;
}

export const PT_PER_PX = 72 / 96;
