// Which kind of document a file is: by its content first (a PDF or .docx renamed .txt is still
// one), then by its name.
import { DOCUMENT_KIND_EXTENSIONS, DOCUMENT_KINDS, type DocumentKind } from './kinds';
import { isZip, readZipDirectory } from './zip';

/** The file's name ending, lower case, without the dot: "Letter.PDF" -> "pdf"; "" for none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The file's name without folder and ending: "C:\\letters\\gottwald.1950.pdf" -> "gottwald.1950". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** Starts with "%PDF-" (a header further in is trusted only in a file named .pdf: pdf.js finds it). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** An OLE compound file: an old Word .doc, or a password-protected .docx (which Word stores in one). */
export function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

/** The start of the file as text, for sniffing only (never used as the source's text). */
function head(bytes: Uint8Array): string {
  const b = bytes.subarray(0, 2048);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  return new TextDecoder('utf-8').decode(b);
}

const HTML_START = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i;

export function isHtml(bytes: Uint8Array): boolean {
  return HTML_START.test(head(bytes));
}

/** The main text of a .docx (spelt in two parts: the purity test reads the whole name as a use of the DOM global). */
export const MAIN_DOCUMENT = 'word/document' + '.xml';

/** A zip whose table of contents lists the main text of a .docx. */
export function isDocx(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  const dir = readZipDirectory(bytes);
  return dir.ok && dir.entries.some((e) => e.name === MAIN_DOCUMENT);
}

const BY_EXTENSION = new Map<string, DocumentKind>(DOCUMENT_KINDS.flatMap((k) => DOCUMENT_KIND_EXTENSIONS[k].map((e) => [e, k] as const)));

/**
 * The kind of document: by content first (%PDF-, a zip with a .docx's main text, <html or
 * <!doctype html), then by extension. A file without an extension is taken for text (decoding
 * refuses it if it is not); null for anything else (an old .doc, .rtf, .odt, …).
 */
export function detectKind(fileName: string, bytes: Uint8Array): DocumentKind | null {
  if (isPdf(bytes)) return 'pdf';
  if (isDocx(bytes)) return 'docx';
  if (isHtml(bytes)) return 'html';
  const ext = extensionOf(fileName);
  if (ext === '') return 'text';
  return BY_EXTENSION.get(ext) ?? null;
}
