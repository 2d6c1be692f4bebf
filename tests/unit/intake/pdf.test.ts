// PDFs made with PDFKit (so their text is known), read back with pdf.js's Node build as the CLI
// passes it: pages joined by form feeds, words kept apart, scans, passwords and damage refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intakeDocument, type IntakeResult, type PdfJs } from '../../../arguments/intake';
import { pageOf } from '../../../arguments/intake';
import { describePages, gapBetween, pageText } from '../../../arguments/intake/pdf';
import { makePdf, PDFJS, randomBytes, SERIF, stripesPng, textPdf } from './fixtures';

const PAGES = [
  'The first page: Comrade Gottwald, we have received your letter.',
  'The second page speaks of the Security Council.',
  'On the third page: the passage that a quote will cite.',
  'The fourth page.',
  'The fifth and last page.',
];

function intake(r: IntakeResult) {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.intake;
}

function refusal(r: IntakeResult) {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.intake.text.slice(0, 80))}`);
  return r.error;
}

/** pdf.js with every loading task's destroy() counted. */
function countingPdfJs(): { pdfjs: PdfJs; opened: number; destroyed: () => number } {
  let destroyed = 0;
  const spy = {
    opened: 0,
    pdfjs: {
      getDocument(params) {
        spy.opened++;
        const task = PDFJS.getDocument(params);
        const destroy = task.destroy.bind(task);
        task.destroy = () => {
          destroyed++;
          return destroy();
        };
        return task;
      },
    } satisfies PdfJs,
    destroyed: () => destroyed,
  };
  return spy;
}

afterEach(() => vi.unstubAllGlobals());

describe('PDF text', () => {
  it('keeps page breaks as form feeds: a passage on page 3 comes after exactly two', async () => {
    const r = intake(await intakeDocument('letters.pdf', await textPdf(PAGES), { pdfjs: PDFJS }));
    expect(r.kind).toBe('pdf');
    expect(r.extracted).toBe(true);
    expect(r.pages).toBe(5);
    expect(r.text.split('\f')).toEqual(PAGES);
    const at = r.text.indexOf('the passage that a quote will cite');
    expect(at).toBeGreaterThan(0);
    expect(r.text.slice(0, at).split('\f').length - 1).toBe(2);
    expect(pageOf(r.text, at)).toBe(3);
    expect(pageOf(r.text, 0)).toBe(1);
    expect(pageOf(r.text, r.text.length)).toBe(5);
    expect(r.warnings).toEqual([]);
  });

  it('keeps a wrapped paragraph’s lines apart and its words whole', async () => {
    const long = 'Dear Comrade Gottwald, we have received your letter of 25 August and we consider it necessary to explain our position on the question of the absence of the Soviet Union from the Security Council.';
    const r = intake(await intakeDocument('long.pdf', await textPdf([long]), { pdfjs: PDFJS }));
    expect(r.text).toContain('\n');
    expect(r.text.replace(/\n/g, ' ')).toBe(long);
  });

  it('does not run words together that are placed one by one, in any order', async () => {
    const bytes = await makePdf((doc) => {
      doc.addPage().font('Helvetica').fontSize(12);
      doc.text('Moscow', 72, 100);
      doc.text('27', 140, 100);
      doc.text('August', 160, 100);
      // Drawn right to left: pdf.js gives the items in drawing order, with nothing between them.
      doc.text('Stalin', 300, 200);
      doc.text('signed', 72, 200);
      doc.text('column one', 72, 300);
      doc.text('column two', 400, 300);
      doc.text('next line', 72, 320);
    });
    const r = intake(await intakeDocument('placed.pdf', bytes, { pdfjs: PDFJS }));
    const words = r.text.split(/\s+/);
    for (const w of ['Moscow', '27', 'August', 'Stalin', 'signed', 'one', 'two', 'next', 'line']) expect(words).toContain(w);
    expect(r.text).toMatch(/column two\s*\n\s*next line/);
  });

  it('reads Cyrillic set in an embedded font', async () => {
    const bytes = await makePdf((doc) => {
      doc.addPage().font(SERIF).fontSize(12).text('Товарищу Готвальду. Мы получили ваше письмо.');
    });
    expect(intake(await intakeDocument('pismo.pdf', bytes, { pdfjs: PDFJS })).text).toBe('Товарищу Готвальду. Мы получили ваше письмо.');
  });

  it('suggests the PDF’s own title, else the file name', async () => {
    const titled = await textPdf(['Text.'], { info: { Title: 'Stalin to Gottwald, 27 August 1950' } });
    expect(intake(await intakeDocument('scan-0042.pdf', titled, { pdfjs: PDFJS })).suggestedTitle).toBe('Stalin to Gottwald, 27 August 1950');
    const untitled = await textPdf(['Text.']);
    expect(intake(await intakeDocument('C:\\letters\\Gottwald 1950.pdf', untitled, { pdfjs: PDFJS })).suggestedTitle).toBe('Gottwald 1950');
  });

  it('reports progress page by page', async () => {
    const calls: [number, number][] = [];
    intake(await intakeDocument('p.pdf', await textPdf(PAGES), { pdfjs: PDFJS, onProgress: (d, t) => calls.push([d, t]) }));
    expect(calls).toEqual([0, 1, 2, 3, 4, 5].map((d) => [d, 5]));
  });

  it('fetches nothing (no fonts, no cmaps) and runs nothing', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network')));
    vi.stubGlobal('fetch', fetch);
    // pdf.js's Node build reads font data with fs, not fetch: what it is asked to load is checked too.
    const asked: Parameters<PdfJs['getDocument']>[0][] = [];
    const pdfjs: PdfJs = { getDocument: (params) => (asked.push(params), PDFJS.getDocument(params)) };
    intake(await intakeDocument('p.pdf', await textPdf(['Helvetica is a standard font pdf.js would fetch data for.']), { pdfjs }));
    expect(fetch).not.toHaveBeenCalled();
    expect(asked).toHaveLength(1);
    const params = asked[0] as Record<string, unknown>;
    for (const where of ['url', 'standardFontDataUrl', 'cMapUrl', 'wasmUrl', 'iccUrl', 'docBaseUrl']) expect(params[where], where).toBeUndefined();
    expect(params).toMatchObject({ isEvalSupported: false, enableXfa: false, useSystemFonts: false, disableFontFace: true });
  });

  it('leaves the caller’s bytes intact (pdf.js gets a copy)', async () => {
    const bytes = await textPdf(['Text.']);
    const copy = bytes.slice();
    intake(await intakeDocument('p.pdf', bytes, { pdfjs: PDFJS }));
    expect(bytes).toEqual(copy);
  });
});

describe('PDFs without text', () => {
  const scan = (pages: ('image' | 'blank' | string)[]) =>
    makePdf((doc) => {
      for (const p of pages) {
        doc.addPage();
        if (p === 'image') doc.image(Buffer.from(stripesPng(60, 80)), 72, 72, { width: 300 });
        else if (p !== 'blank') doc.font('Helvetica').fontSize(12).text(p);
      }
    });

  it('refuses a PDF whose only content is an image: it is a scan', async () => {
    const bytes = await scan(['image', 'image']);
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/Subtype \/Image/);
    const e = refusal(await intakeDocument('scan.pdf', bytes, { pdfjs: PDFJS }));
    expect(e.code).toBe('no-text-layer');
    expect(e.message).toBe('The PDF “scan.pdf” has no text: it is a scan. Add a transcription instead (paste it, or a .txt file).');
  });

  it('names the pages without text, and keeps them as empty pages', async () => {
    const r = intake(await intakeDocument('mixed.pdf', await scan(['One.', 'image', 'Three.', 'blank', 'Five.', 'image', 'image', 'image']), { pdfjs: PDFJS }));
    expect(r.text).toBe('One.\f\fThree.\f\fFive.\f\f\f');
    expect(r.pages).toBe(8);
    expect(r.warnings).toEqual(['Pages 2, 4 and 6–8 have no text layer: they may be scanned images.']);
  });

  it('words the warning for a single page', async () => {
    const r = intake(await intakeDocument('one.pdf', await scan(['One.', 'image']), { pdfjs: PDFJS }));
    expect(r.warnings).toEqual(['Page 2 has no text layer: it may be a scanned image.']);
  });
});

describe('PDFs that cannot be read', () => {
  it('refuses a password-protected PDF as encrypted', async () => {
    const bytes = await textPdf(['Secret.'], { userPassword: 'gottwald', ownerPassword: 'stalin' } as PDFKit.PDFDocumentOptions);
    const e = refusal(await intakeDocument('secret.pdf', bytes, { pdfjs: PDFJS }));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/“secret.pdf” is protected by a password/);
    expect(e.message).toMatch(/without the password/);
  });

  it('reads a PDF that only restricts permissions (no password to open it)', async () => {
    const bytes = await textPdf(['Readable.'], { ownerPassword: 'stalin', permissions: { copying: false } } as PDFKit.PDFDocumentOptions);
    expect(intake(await intakeDocument('restricted.pdf', bytes, { pdfjs: PDFJS })).text).toBe('Readable.');
  });

  it('refuses a truncated PDF as damaged (cut anywhere)', async () => {
    const bytes = await textPdf(PAGES);
    for (const keep of [0.3, 0.6, 0.95]) {
      const e = refusal(await intakeDocument('cut.pdf', bytes.subarray(0, Math.floor(bytes.length * keep)), { pdfjs: PDFJS }));
      expect(e.code).toBe('damaged');
      expect(e.message).toMatch(/“cut.pdf” is (incomplete|damaged)/);
    }
    // Cut in its last lines (the cross-reference table), every page is still there and pdf.js
    // would rebuild it; without its end marker it is still refused: it is not the whole file.
    const e = refusal(await intakeDocument('cut.pdf', bytes.subarray(0, bytes.length - 40), { pdfjs: PDFJS }));
    expect(e).toMatchObject({ code: 'damaged', message: expect.stringMatching(/“cut.pdf” is incomplete.*Get a complete copy/) });
  });

  it('refuses random bytes named .pdf, and a PDF header followed by garbage, as damaged', async () => {
    const noise = refusal(await intakeDocument('noise.pdf', randomBytes(50_000), { pdfjs: PDFJS }));
    expect(noise.code).toBe('damaged');
    expect(noise.message).toMatch(/“noise.pdf” is damaged or is not really a PDF/);
    const garbage = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...randomBytes(20_000, 7), ...new TextEncoder().encode('\n%%EOF\n')]);
    expect(refusal(await intakeDocument('garbage.pdf', garbage, { pdfjs: PDFJS })).code).toBe('damaged');
  });

  it('says PDFs cannot be read when no pdf.js is given', async () => {
    expect(refusal(await intakeDocument('a.pdf', await textPdf(['x'])))).toMatchObject({ code: 'unsupported' });
  });

  it('destroys the pdf.js document whatever happens', async () => {
    const good = await textPdf(PAGES);
    const cases: [string, Uint8Array][] = [
      ['good.pdf', good],
      ['cut.pdf', good.subarray(0, good.length - 200)],
      ['noise.pdf', randomBytes(5000)],
      ['secret.pdf', await textPdf(['x'], { userPassword: 'p' } as PDFKit.PDFDocumentOptions)],
      ['scan.pdf', await makePdf((d) => void d.addPage())],
    ];
    for (const [name, bytes] of cases) {
      const spy = countingPdfJs();
      await intakeDocument(name, bytes, { pdfjs: spy.pdfjs });
      expect([name, spy.opened, spy.destroyed()]).toEqual([name, 1, expect.any(Number)]);
      expect(spy.destroyed()).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('cancelling', () => {
  it('stops between pages when the signal aborts, and says so', async () => {
    const controller = new AbortController();
    const spy = countingPdfJs();
    const seen: number[] = [];
    const bytes = await textPdf(Array.from({ length: 30 }, (_, i) => `Page ${i + 1}.`));
    const r = await intakeDocument('long.pdf', bytes, {
      pdfjs: spy.pdfjs,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 3) controller.abort();
      },
    });
    expect(refusal(r)).toEqual({ code: 'cancelled', message: 'Reading “long.pdf” was cancelled.' });
    expect(Math.max(...seen)).toBeLessThan(30);
    expect(spy.destroyed()).toBeGreaterThanOrEqual(1);
  });

  it('does not start when the signal has already aborted', async () => {
    const spy = countingPdfJs();
    const r = await intakeDocument('a.pdf', await textPdf(['x']), { pdfjs: spy.pdfjs, signal: AbortSignal.abort() });
    expect(refusal(r).code).toBe('cancelled');
    expect(spy.opened).toBe(0);
  });
});

describe('assembling a page from pdf.js text items', () => {
  const item = (str: string, x: number, y: number, width: number, hasEOL = false, size = 12) => ({
    str,
    dir: 'ltr',
    transform: [size, 0, 0, size, x, y],
    width,
    height: size,
    fontName: 'f',
    hasEOL,
  });

  it('uses pdf.js’s ends of line and spaces as they are', () => {
    expect(pageText([item('Dear', 72, 700, 26), item(' ', 98, 700, 3), item('Comrade', 101, 700, 45, true), item('Gottwald', 72, 686, 48)])).toBe('Dear Comrade\nGottwald');
  });

  it('adds a space at a gap, a line break at another line, nothing inside a word', () => {
    expect(pageText([item('Mos', 72, 700, 20), item('cow', 92, 700, 20)])).toBe('Moscow');
    expect(pageText([item('Moscow', 72, 700, 40), item('1950', 130, 700, 25)])).toBe('Moscow 1950');
    expect(pageText([item('Moscow', 72, 700, 40), item('Kremlin', 72, 680, 40)])).toBe('Moscow\nKremlin');
    expect(pageText([item('right', 300, 700, 30), item('left', 72, 700, 20)])).toBe('right left');
    // A subscript stays on its line.
    expect(pageText([item('H', 72, 700, 8), item('2', 80, 697, 4, false, 7), item('O', 84, 700, 8)])).toBe('H2O');
  });

  it('breaks the line where the text turns', () => {
    const rotated = { ...item('margin note', 500, 300, 60), transform: [0, 12, -12, 0, 500, 300] };
    expect(pageText([item('Body', 72, 700, 30), rotated])).toBe('Body\nmargin note');
    expect(gapBetween(item('a', 0, 0, 5), rotated)).toBe('\n');
  });

  it('keeps a form feed inside a page from making a page of its own, and drops trailing white space', () => {
    expect(pageText([item('a\fb', 72, 700, 20, true), item('', 0, 0, 0, true)])).toBe('a b');
  });

  it('ignores marked-content items', () => {
    expect(pageText([{ type: 'beginMarkedContent', id: 'x' }, item('Text', 72, 700, 20), { type: 'endMarkedContent', id: 'x' }])).toBe('Text');
  });

  it('gives no page for a text without page breaks', () => {
    expect(pageOf('One page only.', 5)).toBeNull();
  });

  it('names pages in runs', () => {
    expect(describePages([3])).toBe('3');
    expect(describePages([3, 7])).toBe('3 and 7');
    expect(describePages([3, 4])).toBe('3 and 4');
    expect(describePages([2, 3, 4, 5, 9, 12])).toBe('2–5, 9 and 12');
  });
});
