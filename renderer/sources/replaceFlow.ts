// Replacing a source's text (a corrected transcription, or the first text of an imported
// record): the new text as pasted or read, what the replacement does to each quote (the
// report the user sees before confirming), and the replacement as one undoable step.
import type { StoreApi } from 'zustand';
import { intakePastedText } from '../../arguments/intake';
import type { ArgumentMap } from '../../arguments/model';
import { replaceSourceText, type ReanchorReport, type ReanchorStatus } from '../../arguments/operations';
import type { Platform } from '../platform/types';
import { attempt, notify } from '../store/store';
import { cancelReadingIn, chooseFileInto, type DocumentReader, type ReadingState, type SourceWay } from './reading';
import { closeReplaceText, replaceDialog, type ReplaceState } from './replaceState';

/** Each outcome has a symbol and a word, never colour alone. */
export const REANCHOR_LABELS = {
  found: { symbol: '✓', word: 'Still found' },
  moved: { symbol: '↷', word: 'Moved' },
  lost: { symbol: '⚠', word: 'Lost' },
} as const satisfies Record<ReanchorStatus, { symbol: string; word: string }>;

const STATUS_ORDER: readonly ReanchorStatus[] = ['found', 'moved', 'lost'];

/** "2 still found, 1 moved, 1 lost"; "no quotes" when the source has none. */
export function reportSummary(counts: Record<ReanchorStatus, number>): string {
  const parts = STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${REANCHOR_LABELS[s].word.toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'no quotes';
}

export function setReplaceWay(way: SourceWay): void {
  replaceDialog.setState({ way, problem: null });
}

export function setReplacePasted(pasted: string): void {
  replaceDialog.setState({ pasted, problem: null });
}

export const chooseReplacementFile = (platform: Pick<Platform, 'openDocument'>, reader: DocumentReader) => chooseFileInto(replaceDialog, platform, reader);
export const cancelReplacementReading = () => cancelReadingIn(replaceDialog as StoreApi<ReadingState>);

/** The new text, once there is one; a pasted text the intake refuses (too long) gives its sentence. */
export function replacementText(s: ReplaceState): { text: string } | { problem: string } | null {
  if (s.way === 'paste') {
    if (s.pasted.trim() === '') return null;
    const r = intakePastedText(s.pasted);
    return r.ok ? { text: r.intake.text } : { problem: r.error.message };
  }
  return s.file.stage === 'ready' ? { text: s.file.intake.text } : null;
}

/** Why the replacement cannot be confirmed yet, for the dialog's button; null when it can. */
export function replaceBlocker(map: ArgumentMap, report: ReanchorReport | null): string | null {
  if (!report) return 'Give the new text first.';
  if (!Object.hasOwn(map.sources, report.sourceId)) return 'This source is no longer in the map.';
  if (report.oldText === report.newText) return 'The new text is the same as the current one.';
  return null;
}

/** Replace: one undoable step re-anchoring the quotes found; lost ones stay as they were (marked ⚠). */
export function confirmReplace(report: ReanchorReport, title: string): boolean {
  const refused = attempt(replaceSourceText(report.sourceId, report.newText, report));
  if (refused) {
    replaceDialog.setState({ problem: refused });
    return false;
  }
  closeReplaceText();
  const lines = report.quotes.length === 0 ? ['No evidence quoted the old text.'] : [`Quotes: ${reportSummary(report.counts)}.`];
  if (report.counts.lost > 0) lines.push('Lost quotes are left as they were and marked ⚠ on their nodes; anchor them again from the inspector.');
  notify({ kind: 'info', title: report.oldText === '' ? `Added the text of “${title}”` : `Replaced the text of “${title}”`, lines });
  return true;
}
