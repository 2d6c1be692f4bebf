// The comparison's report saved where the user chooses (the platform's save: Electron's dialog,
// the browser's picker or a download), the same report() as `argmap compare --out`.
import { report, type ReportFormat } from '../../arguments/compare/report';
import { slugify } from '../../arguments/text/slug';
import { chooseTargetFor, type SavedKind } from '../export/save';
import { getMap, notify } from '../store/store';
import { compareStore } from './compareState';

export const REPORT_KINDS = {
  md: { mime: 'text/markdown', extension: '.md', description: 'Markdown report' },
  html: { mime: 'text/html', extension: '.html', description: 'HTML report' },
} as const satisfies Record<ReportFormat, SavedKind>;

export const REPORT_FORMAT_NAMES = { md: 'Markdown', html: 'HTML' } as const satisfies Record<ReportFormat, string>;

/** "anna.argmap.json" → "anna-feedback.md". */
export function reportFileName(studentName: string, format: ReportFormat): string {
  const base = studentName.replace(/\.argmap\.json$/i, '').replace(/\.json$/i, '');
  return `${slugify(base) || 'student-map'}-feedback${REPORT_KINDS[format].extension}`;
}

/** Call from the click (the browser's picker needs the gesture). The name saved under, or null. */
export async function saveReport(format: ReportFormat): Promise<string | null> {
  const s = compareStore.getState().session;
  if (!s) return null;
  // Written for the map as it is now (what the overlay shows).
  const text = report(format, s.comparison, s.student, getMap());
  try {
    const target = await chooseTargetFor(reportFileName(s.studentName, format), REPORT_KINDS[format], 'compare-reports');
    if (!target) return null;
    const name = await target.write(new TextEncoder().encode(text));
    if (name) notify({ kind: 'info', title: `Saved the report as “${name}”`, lines: [`${REPORT_FORMAT_NAMES[format]}, for the student: it names what their map has, lacks and places otherwise.`] });
    return name;
  } catch (err) {
    notify({ kind: 'error', title: 'Could not save the report', lines: [err instanceof Error && err.message ? err.message : 'The file could not be written.'] });
    return null;
  }
}
