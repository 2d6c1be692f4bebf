// The report's file: its kind for the platform's save and its name. No DOM here: unit tests run it.
import type { ReportFormat } from '../../arguments/compare/report';
import { slugify } from '../../arguments/text/slug';

/** As renderer/export/save.ts's SavedKind: the MIME type the desktop shell checks, the ending, the dialog's words. */
export const REPORT_KINDS = {
  md: { mime: 'text/markdown', extension: '.md', description: 'Markdown report' },
  html: { mime: 'text/html', extension: '.html', description: 'HTML report' },
} as const satisfies Record<ReportFormat, { mime: string; extension: string; description: string }>;

export const REPORT_FORMAT_NAMES = { md: 'Markdown', html: 'HTML' } as const satisfies Record<ReportFormat, string>;

/** "anna.argmap.json" → "anna-feedback.md". */
export function reportFileName(studentName: string, format: ReportFormat): string {
  const base = studentName.replace(/\.argmap\.json$/i, '').replace(/\.json$/i, '');
  return `${slugify(base) || 'student-map'}-feedback${REPORT_KINDS[format].extension}`;
}
