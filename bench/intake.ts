// Intake figures: extracting the text of a 300-page PDF (~2,500 characters a page, made with
// PDFKit) with intakeDocument and pdf.js's Node build, as `argmap source add` runs it. Median
// of a few runs after one warm-up; the note gives pages per second.
//
//   npx tsx bench/intake.ts        prints the figures
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { intakeDocument } from '../arguments/intake';
import { prng } from './generate';
import { stats, type Figure } from './results';

export interface IntakeBenchOptions {
  pages?: number;
  charsPerPage?: number;
  reps?: number;
  log?: (line: string) => void;
}

const WORDS = (
  'the delegation reported that comrade Gottwald had received the letter of August and that the Security Council ' +
  'would meet again in September while the ministry considered the question of Korea and the position of the Soviet Union ' +
  'протокол заседания политбюро товарищ Сталин письмо ответ решение вопрос'
).split(' ');

/** A page of words drawn from a seeded PRNG: the same PDF every run. */
function pageText(next: () => number, chars: number): string {
  let s = '';
  while (s.length < chars) s += (s ? ' ' : '') + WORDS[Math.floor(next() * WORDS.length)];
  return s;
}

/** A PDF of `pages` pages of Latin and Cyrillic text in an embedded font, and the characters it holds. */
export function benchPdf(pages: number, charsPerPage: number): Promise<{ bytes: Uint8Array; chars: number }> {
  const font = new URL('../node_modules/@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf', import.meta.url).pathname;
  const next = prng(1950);
  let chars = 0;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 48 });
    const chunks: Uint8Array[] = [];
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let o = 0;
      for (const c of chunks) bytes.set(c, o), (o += c.length);
      resolve({ bytes, chars });
    });
    for (let p = 0; p < pages; p++) {
      const text = pageText(next, charsPerPage);
      chars += text.length;
      doc.addPage().font(font).fontSize(9).text(text, { width: 499 });
    }
    doc.end();
  });
}

export async function benchIntake(options: IntakeBenchOptions = {}): Promise<Figure[]> {
  const pages = options.pages ?? 300;
  const reps = options.reps ?? 5;
  const log = options.log ?? (() => {});
  const { bytes, chars } = await benchPdf(pages, options.charsPerPage ?? 2500);
  const ms: number[] = [];
  let error: string | undefined;
  for (let i = 0; i <= reps && !error; i++) {
    const t0 = performance.now();
    const r = await intakeDocument('bench.pdf', bytes, { pdfjs });
    const t = performance.now() - t0;
    if (!r.ok) error = r.error.message;
    else if (r.intake.pages !== pages) error = `read ${r.intake.pages} pages of ${pages}`;
    else if (i > 0) ms.push(t); // the first run warms up pdf.js
  }
  const median = stats(ms)?.median;
  const rate = median ? Math.round((pages * 1000) / median) : null;
  log(`  intake: ${pages}-page PDF (${(bytes.length / 2 ** 20).toFixed(1)} MB, ${chars.toLocaleString('en-US')} characters): ${median?.toFixed(0) ?? '—'} ms, ${rate ?? '—'} pages/s`);
  return [
    {
      key: `node.intake.pdf.${pages}`,
      label: `Extract the text of a ${pages}-page PDF (~${Math.round(chars / pages).toLocaleString('en-US')} characters a page; intakeDocument, pdf.js Node build)`,
      size: null,
      unit: 'ms',
      app: ms,
      baseline: null,
      ...(rate ? { note: `— ${rate.toLocaleString('en-US')} pages/s` } : {}),
      ...(error ? { error } : {}),
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchIntake({ log: (l) => console.log(l) });
  for (const f of figures) console.log(JSON.stringify({ ...f, app: f.app.map((x) => Math.round(x)) }));
}
