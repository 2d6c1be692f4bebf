// Export Outline's file names and its Argdown / AIF files with their loss report (the prose
// outlines need the page's citation processor: tests/e2e/outline-export.spec.ts).
import { describe, expect, it } from 'vitest';
import { EXPORT_TYPES } from '../../../../electron/ipc-contract';
import { OUTLINE_FORMATS, OUTLINE_KINDS, outlineFileName, produceOutline } from '../../../../renderer/export/outlineExport';
import { shippedMap } from '../../export/helpers';

const map = shippedMap();

describe('Export Outline', () => {
  it('names every format after the map', () => {
    expect(OUTLINE_FORMATS.map((f) => outlineFileName('stalin-gottwald-1950.argmap.json', map, f))).toEqual([
      'stalin-gottwald-1950.docx',
      'stalin-gottwald-1950.md',
      'stalin-gottwald-1950.tex',
      'stalin-gottwald-1950.argdown',
      'stalin-gottwald-1950.aif.json',
    ]);
  });

  it('each format is one the desktop shell writes, with the same ending', () => {
    for (const f of OUTLINE_FORMATS) {
      const kind = OUTLINE_KINDS[f];
      expect(Object.hasOwn(EXPORT_TYPES, kind.mime), f).toBe(true);
      expect(`.${EXPORT_TYPES[kind.mime as keyof typeof EXPORT_TYPES].extension}`).toBe(kind.extension);
    }
  });

  it('Argdown and AIF come with what they do not carry, in words', async () => {
    const steps: string[] = [];
    const ad = await produceOutline(map, 'argdown', { status: false, fileName: 'm.argdown' }, (s) => steps.push(s));
    expect(new TextDecoder().decode(ad.bytes)).toContain('[');
    expect(ad.notes.length).toBeGreaterThan(0);
    expect(ad.notes.every((n) => n.startsWith('Not carried: '))).toBe(true);
    expect(ad.summary).toBe('39 statements, 40 relations');
    const aif = await produceOutline(map, 'aif', { status: false, fileName: 'm.aif.json' }, (s) => steps.push(s));
    expect(JSON.parse(new TextDecoder().decode(aif.bytes)).AIF.nodes.length).toBeGreaterThan(39);
    expect(aif.notes.some((n) => /quote|source/i.test(n))).toBe(true);
    expect(steps).toEqual([]); // no citation processor is loaded for these
  });
});
