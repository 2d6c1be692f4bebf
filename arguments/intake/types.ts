// What intake gives back: a source text ready to be added to a map, or a worded refusal.
import type { DocumentInitParameters, PDFDocumentLoadingTask } from 'pdfjs-dist/types/src/display/api';
import type { TextEncoding } from './decode';
import type { IntakeError } from './errors';
import type { DocumentKind } from './kinds';

export interface Intake {
  kind: DocumentKind;
  /** Exactly as decoded or extracted; to be stored as the source's text and never changed. */
  text: string;
  /** Text files (text, markdown, html): the encoding they were read in. */
  encoding?: TextEncoding;
  /** PDF: its number of pages; the text has pages.length - 1 form feeds ("\f") between them. */
  pages?: number;
  /** PDF, DOCX, HTML: a program extracted the text, so it must be checked against the original. */
  extracted: boolean;
  /** HTML <title>, PDF Info Title, DOCX core title, else the file name without its extension. */
  suggestedTitle?: string;
  /** Worded, e.g. "Pages 3 and 7 have no text layer: they may be scanned images." */
  warnings: string[];
}

export type IntakeResult = { ok: true; intake: Intake } | { ok: false; error: IntakeError };

/**
 * pdf.js, injected: the CLI passes the Node legacy build (`pdfjs-dist/legacy/build/pdf.mjs`),
 * the renderer its worker-backed build. Only `getDocument` is used.
 */
export interface PdfJs {
  getDocument(params: DocumentInitParameters): PDFDocumentLoadingTask;
}

/** getDocument parameters a caller may add: local resources only (nothing may be fetched over a network). */
export type PdfDocumentParams = Pick<DocumentInitParameters, 'worker' | 'cMapUrl' | 'cMapPacked' | 'standardFontDataUrl'>;

export interface IntakeOptions {
  /** Needed for PDFs; without it a PDF is refused as `unsupported`. */
  pdfjs?: PdfJs;
  /** e.g. the renderer's PDFWorker, or a local cMapUrl for PDFs with non-embedded CJK fonts. */
  pdfParams?: PdfDocumentParams;
  /** PDF: called after each page (done pages, total pages), first with (0, total). */
  onProgress?(done: number, total: number): void;
  /** Aborting gives a `cancelled` result (a PDF stops between, or during, pages). */
  signal?: AbortSignal;
}
