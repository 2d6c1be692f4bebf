// The comparison's report saved where the user chooses (the platform's save: Electron's dialog,
// the browser's picker or a download), the same report() as `argmap compare --out`.
import { report, type ReportFormat } from '../../arguments/compare/report';
import { chooseTargetFor } from '../export/save';
import { getMap, notify } from '../store/store';
import { compareStore } from './compareState';
import { REPORT_FORMAT_NAMES, REPORT_KINDS, reportFileName } from './reportFile';

export { REPORT_FORMAT_NAMES } from './reportFile';

/** Call from the click (the browser's picker needs the gesture). The name saved under, or null. */
export async function saveReport(format: ReportFormat): Promise<string | null> {
  const s = compareStore.getState().session;
  if (!s) return null;
  // Written for the map as it is now (what the overlay shows).
  const text = report(format, s.comparison, s.student, getMap());
  try {
    const target = await chooseTargetFor(reportFileName(s.studentName, format), REPORT_KINDS[format], 'report');
    if (!target) return null;
    const name = await target.write(new TextEncoder().encode(text));
    if (name) notify({ kind: 'info', title: `Saved the report as “${name}”`, lines: [`${REPORT_FORMAT_NAMES[format]}, for the student: it names what their map has, lacks and places otherwise.`] });
    return name;
  } catch (err) {
    notify({ kind: 'error', title: 'Could not save the report', lines: [err instanceof Error && err.message ? err.message : 'The file could not be written.'] });
    return null;
  }
}
