// The kinds of document a historian can bring in as a source, and the words the app uses for them.
import type { TranscriptionMethod } from '../model';

export type DocumentKind = 'text' | 'markdown' | 'pdf' | 'docx' | 'html';

export const DOCUMENT_KIND_LABELS = {
  text: 'Plain text',
  markdown: 'Markdown',
  pdf: 'PDF',
  docx: 'Word document (.docx)',
  html: 'Web page (HTML)',
} as const satisfies Record<DocumentKind, string>;

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as readonly DocumentKind[];

/** File name endings for each kind, lower case, without the dot (the first is the usual one). */
export const DOCUMENT_KIND_EXTENSIONS = {
  text: ['txt', 'text'],
  markdown: ['md', 'markdown'],
  pdf: ['pdf'],
  docx: ['docx'],
  html: ['html', 'htm', 'xhtml'],
} as const satisfies Record<DocumentKind, readonly string[]>;

/** "kinds" for a file picker's accept list: ".txt,.text,.md,…". */
export const ACCEPTED_EXTENSIONS: readonly string[] = DOCUMENT_KINDS.flatMap((k) => DOCUMENT_KIND_EXTENSIONS[k].map((e) => `.${e}`));

/** How the text of each kind of document came in, as the source records it (the app and the CLI alike). */
export const METHOD_OF_KIND = {
  text: 'text-file',
  markdown: 'text-file',
  pdf: 'pdf-text',
  docx: 'docx-text',
  html: 'html-text',
} as const satisfies Record<DocumentKind, TranscriptionMethod>;
