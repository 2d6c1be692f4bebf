// The browser's document reader for the intake: pdf.js's worker-backed build, loaded the
// first time a PDF is read (mammoth is loaded by the intake itself, for a .docx). The worker
// is the one Vite bundles with the app: nothing is fetched from elsewhere.
import { detectKind } from '../../arguments/intake/detect';
import { intakeDocument, type PdfJs } from '../../arguments/intake';
import type { DocumentReader } from './addSourceFlow';

let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
    .then(([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    })
    .catch((err: unknown) => {
      pdfjs = null; // try again next time
      throw err;
    });
  return pdfjs;
}

export const readSourceDocument: DocumentReader = async (name, bytes, options) => {
  const pdf = detectKind(name, bytes) === 'pdf' ? await loadPdfJs() : undefined;
  return intakeDocument(name, bytes, { ...options, ...(pdf ? { pdfjs: pdf } : {}) });
};
