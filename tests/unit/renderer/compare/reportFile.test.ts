// The report's file: named after the student's map, in a format the desktop shell writes.
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../../../arguments/compare/report';
import { EXPORT_TYPES } from '../../../../electron/ipc-contract';
import { REPORT_KINDS, reportFileName } from '../../../../renderer/compare/reportFile';

describe('the report’s file', () => {
  it('is named after the student’s map', () => {
    expect(reportFileName('Anna Novák.argmap.json', 'md')).toBe('anna-novák-feedback.md');
    expect(reportFileName('anna.json', 'html')).toBe('anna-feedback.html');
    expect(reportFileName('...argmap.json', 'md')).toBe('student-map-feedback.md');
  });

  it('is in a format the desktop shell writes, with the same ending', () => {
    for (const f of REPORT_FORMATS) {
      const kind = REPORT_KINDS[f];
      expect(Object.hasOwn(EXPORT_TYPES, kind.mime), f).toBe(true);
      expect(`.${EXPORT_TYPES[kind.mime as keyof typeof EXPORT_TYPES].extension}`).toBe(kind.extension);
    }
  });
});
