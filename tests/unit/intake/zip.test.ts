// The zip guard: entries read from the central directory (as mammoth's JSZip reads them) and
// inflated by counting what actually comes out, whatever the headers declare.
import { deflateSync, strToU8, strFromU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateZip, readZipDirectory, ZIP_LIMITS, type ZipLimits } from '../../../arguments/intake/zip';
import { crc32, deflatedZeros, randomBytes, rawZip, type RawEntry } from './fixtures';

const deflated = (name: string, text: string): RawEntry => {
  const data = strToU8(text);
  return { name, data: deflateSync(data), method: 8, declaredSize: data.length, crc: crc32(data) };
};

describe('readZipDirectory', () => {
  it('lists what fflate wrote, with where each entry’s data is', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'word/document.xml': strToU8('<w:document/>'.repeat(50)) });
    const dir = readZipDirectory(zip);
    expect(dir.ok).toBe(true);
    if (!dir.ok) return;
    expect(dir.entries.map((e) => [e.name, e.declaredSize])).toEqual([
      ['a.xml', 4],
      ['word/document.xml', 650],
    ]);
  });

  it('tells a non-zip from a damaged zip', () => {
    expect(readZipDirectory(strToU8('plain text'))).toMatchObject({ ok: false, problem: 'not-a-zip' });
    const zip = zipSync({ 'a.xml': strToU8('<a/>') });
    // No end record: the end of the file is missing.
    expect(readZipDirectory(zip.subarray(0, zip.length - 22))).toMatchObject({ ok: false, problem: 'damaged' });
    // The directory points past the end of the file.
    const bad = zip.slice();
    bad[bad.length - 6] = 0xff;
    expect(readZipDirectory(bad)).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('refuses entries that share their data (an overlapping bomb)', () => {
    const zip = rawZip([deflated('word/document.xml', 'x'.repeat(1000))], [0, 0, 0, 0]);
    expect(readZipDirectory(zip)).toMatchObject({ ok: false, problem: 'zip-bomb', detail: 'its parts overlap one another' });
  });

  it('refuses more entries than the limit', () => {
    const entries = Array.from({ length: 12 }, (_, i) => deflated(`p${i}.xml`, '<p/>'));
    expect(readZipDirectory(rawZip(entries), { ...ZIP_LIMITS, maxEntries: 10 })).toMatchObject({ ok: false, problem: 'zip-bomb', detail: 'it has 12 parts' });
  });
});

describe('inflateZip', () => {
  it('inflates every entry and keeps the ones asked for', () => {
    const zip = zipSync({ 'docProps/core.xml': strToU8('<title>Letter</title>'), 'word/document.xml': strToU8('<doc/>'.repeat(1000)), 'stored.bin': [randomBytes(3000), { level: 0 }] });
    const r = inflateZip(zip, { keep: ['docProps/core.xml'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(strFromU8(r.zip.kept.get('docProps/core.xml')!)).toBe('<title>Letter</title>');
    expect(r.zip.kept.has('word/document.xml')).toBe(false);
    expect(r.zip.totalBytes).toBe(21 + 6000 + 3000);
  });

  it('counts the bytes that come out, not the sizes the headers declare', () => {
    const small: ZipLimits = { maxTotalBytes: 10 * 1024 * 1024, maxRatio: 2000, ratioGraceBytes: 1024 * 1024, maxEntries: 100 };
    // 32 MiB declared as 100 bytes: stopped at the 10 MiB cap all the same.
    const liar = rawZip([{ name: 'word/document.xml', data: deflatedZeros(32), method: 8, declaredSize: 100 }]);
    expect(inflateZip(liar, { limits: small })).toMatchObject({ ok: false, problem: 'zip-bomb', detail: 'its parts would take more than 10 MB once unpacked' });
  });

  it('stops at the total across entries, each harmless alone', () => {
    const limits: ZipLimits = { maxTotalBytes: 5 * 1024 * 1024, maxRatio: 2000, ratioGraceBytes: 1024 * 1024, maxEntries: 100 };
    const parts = Array.from({ length: 4 }, (_, i): RawEntry => ({ name: `part${i}.xml`, data: deflatedZeros(2), method: 8, declaredSize: 2 * 1024 * 1024 }));
    expect(inflateZip(rawZip(parts.slice(0, 2)), { limits }).ok).toBe(true);
    expect(inflateZip(rawZip(parts), { limits })).toMatchObject({ ok: false, problem: 'zip-bomb' });
  });

  it('stops at the compression ratio once past the grace size', () => {
    const r = inflateZip(rawZip([{ name: 'word/document.xml', data: deflatedZeros(8), method: 8, declaredSize: 8 << 20 }]));
    expect(r).toMatchObject({ ok: false, problem: 'zip-bomb', detail: 'its part “word/document.xml” unpacks to more than 500 times its size' });
    // 2.5 MB of one paragraph repeated (~340:1, as a table of identical rows) is still a document.
    const xml = '<w:p><w:r><w:t>Товарищ Готвальд</w:t></w:r></w:p>'.repeat(40_000);
    expect(inflateZip(zipSync({ 'word/document.xml': strToU8(xml) })).ok).toBe(true);
  });

  it('refuses encrypted entries, unknown compression and broken deflate data', () => {
    const enc = rawZip([deflated('word/document.xml', '<doc/>')]);
    // Set the "encrypted" flag in the central directory entry.
    const cd = enc.length - 22 - (46 + 'word/document.xml'.length);
    enc[cd + 8] = 1;
    expect(inflateZip(enc)).toMatchObject({ ok: false, problem: 'encrypted' });
    const bzip = rawZip([{ ...deflated('word/document.xml', '<doc/>'), method: 12 as 8 }]);
    expect(inflateZip(bzip)).toMatchObject({ ok: false, problem: 'damaged' });
    const broken = rawZip([{ name: 'word/document.xml', data: randomBytes(500), method: 8, declaredSize: 5000 }]);
    expect(inflateZip(broken)).toMatchObject({ ok: false, problem: 'damaged', detail: 'its part “word/document.xml” cannot be unpacked' });
  });

  it('stops when the signal aborts', () => {
    expect(inflateZip(zipSync({ 'a.xml': strToU8('<a/>') }), { signal: AbortSignal.abort() })).toMatchObject({ ok: false, problem: 'cancelled' });
  });
});
