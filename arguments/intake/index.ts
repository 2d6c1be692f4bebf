// Bringing a historian's document in as a source text: pasted text, .txt/.md, PDF, .docx, HTML.
// Pure (Uint8Array and TextDecoder only): the renderer and the CLI run the same code.
export { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, DOCUMENT_KIND_EXTENSIONS, ACCEPTED_EXTENSIONS, METHOD_OF_KIND, type DocumentKind } from './kinds';
export { type IntakeError, type IntakeErrorCode } from './errors';
export { MAX_SOURCE_FILE_BYTES, MAX_SOURCE_TEXT_LENGTH, MAX_PDF_PAGES, checkFileSize } from './limits';
export { decodeText, type DecodeResult, type TextEncoding } from './decode';
export { detectKind, extensionOf, titleFromFileName } from './detect';
export { PAGE_BREAK, pageOf } from './pdf';
export { intakeDocument, intakePastedText } from './intake';
export type { Intake, IntakeOptions, IntakeResult, PdfJs, PdfDocumentParams } from './types';
