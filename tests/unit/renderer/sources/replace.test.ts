// Replacing a source's text (renderer/sources/replaceState.ts, replaceFlow.ts): the new text
// as pasted or read, the words of the report, and the replacement as one undoable step.
import { beforeEach, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { undoLabel } from '../../../../arguments/history';
import { intakeDocument } from '../../../../arguments/intake';
import { emptyMap, type ArgNode, type Source } from '../../../../arguments/model';
import { addSource, insertFragment, reanchorReport } from '../../../../arguments/operations';
import { describeQuote } from '../../../../arguments/text/anchor';
import type { DocumentReader } from '../../../../renderer/sources/reading';
import { chooseReplacementFile, confirmReplace, REANCHOR_LABELS, replaceBlocker, replacementText, reportSummary, setReplacePasted, setReplaceWay } from '../../../../renderer/sources/replaceFlow';
import { closeReplaceText, openReplaceText, replaceDialog } from '../../../../renderer/sources/replaceState';
import { attempt, documentState, editor, getMap, notify, replaceDocument, undoChange } from '../../../../renderer/store/store';

const TEXT = 'We left the Security Council for four reasons. Following our withdrawal form the Security Council, America has become entangled in Korea. I believe that we have achieved all of these goals.';
const SOURCE: Source = { id: 'letter', title: 'Stalin to Gottwald', role: 'primary', text: TEXT };
const nodeReader: DocumentReader = (name, bytes, options) => intakeDocument(name, bytes, { ...options, pdfjs });

function evidence(id: string, passage: string): ArgNode {
  const start = TEXT.indexOf(passage);
  return { id, kind: 'evidence', text: '', quote: describeQuote('letter', TEXT, start, start + passage.length) };
}

beforeEach(() => {
  replaceDocument(documentState(emptyMap('2026-01-01T00:00:00.000Z'), 'Untitled.argmap.json', null));
  expect(attempt(addSource(SOURCE))).toBeNull();
  const nodes = [evidence('e1', 'We left the Security Council for four reasons.'), evidence('e2', 'withdrawal form the Security Council'), evidence('e3', 'we have achieved all of these goals')];
  expect(attempt(insertFragment({ nodes, relations: [], positions: {} }, 'Make evidence'))).toBeNull();
  closeReplaceText();
  notify(null);
});

describe('the new text', () => {
  it('is the pasted text exactly, once there is one', () => {
    openReplaceText('letter');
    expect(replacementText(replaceDialog.getState())).toBeNull();
    setReplacePasted('  ');
    expect(replacementText(replaceDialog.getState())).toBeNull();
    setReplacePasted(' Corrected\ttext \n');
    expect(replacementText(replaceDialog.getState())).toEqual({ text: ' Corrected\ttext \n' });
  });

  it('or the file’s, once it is read; a refusal stays the intake’s', async () => {
    openReplaceText('letter');
    setReplaceWay('file');
    expect(replacementText(replaceDialog.getState())).toBeNull();
    await chooseReplacementFile({ openDocument: async () => ({ name: 'corrected.txt', bytes: new TextEncoder().encode('Corrected.') }) }, nodeReader);
    expect(replacementText(replaceDialog.getState())).toEqual({ text: 'Corrected.' });
    await chooseReplacementFile({ openDocument: async () => ({ name: 'empty.txt', bytes: new Uint8Array() }) }, nodeReader);
    expect(replaceDialog.getState().file).toEqual({ stage: 'failed', name: 'empty.txt', message: '“empty.txt” is empty: there is no text to add.' });
    expect(replacementText(replaceDialog.getState())).toBeNull();
  });
});

describe('the report and the replacement', () => {
  const corrected = 'I believe that we have achieved all of these goals. We left the Security Council for four reasons. Following our withdrawal from the Security Council, America has become entangled in Korea.';

  it('words each outcome with a symbol and a word; counts in a fixed order', () => {
    const report = reanchorReport(getMap(), 'letter', corrected);
    expect(report.counts).toEqual({ found: 1, moved: 1, lost: 1 });
    expect(reportSummary(report.counts)).toBe('1 still found, 1 moved, 1 lost');
    expect(reportSummary({ found: 0, moved: 0, lost: 0 })).toBe('no quotes');
    expect(Object.keys(REANCHOR_LABELS)).toEqual(['found', 'moved', 'lost']);
  });

  it('cannot be confirmed without a new text, or with the same one', () => {
    expect(replaceBlocker(getMap(), null)).toBe('Give the new text first.');
    expect(replaceBlocker(getMap(), reanchorReport(getMap(), 'letter', TEXT))).toBe('The new text is the same as the current one.');
    expect(replaceBlocker(getMap(), reanchorReport(getMap(), 'letter', corrected))).toBeNull();
  });

  it('Replace is one undoable step: found and moved quotes re-anchored, the lost one left as it was', () => {
    openReplaceText('letter');
    const report = reanchorReport(getMap(), 'letter', corrected);
    const before = editor.getState().history.past.length;
    const lostQuote = getMap().nodes.e2!.quote;
    expect(confirmReplace(report, 'Stalin to Gottwald')).toBe(true);
    expect(editor.getState().history.past.length).toBe(before + 1);
    expect(undoLabel(editor.getState().history)).toBe('Replace source text');
    expect(getMap().sources.letter!.text).toBe(corrected);
    expect(getMap().nodes.e3!.quote!.start).toBe(corrected.indexOf('we have achieved'));
    expect(getMap().nodes.e2!.quote).toBe(lostQuote);
    expect(replaceDialog.getState().open).toBe(false);
    expect(editor.getState().notice).toEqual({
      kind: 'info',
      title: 'Replaced the text of “Stalin to Gottwald”',
      lines: ['Quotes: 1 still found, 1 moved, 1 lost.', 'Lost quotes are left as they were and marked ⚠ on their nodes; anchor them again from the inspector.'],
    });
    undoChange();
    expect(getMap().sources.letter!.text).toBe(TEXT);
    expect(getMap().nodes.e3!.quote!.start).toBe(TEXT.indexOf('we have achieved'));
  });

  it('a refusal (the source is gone) stays in the dialog, and nothing changes', () => {
    openReplaceText('ghost');
    const report = reanchorReport(getMap(), 'letter', corrected);
    const refused = { ...report, sourceId: 'ghost' };
    expect(confirmReplace(refused, 'Ghost')).toBe(false);
    expect(replaceDialog.getState().problem).toBe('There is no source "ghost".');
    expect(getMap().sources.letter!.text).toBe(TEXT);
  });

  it('the text of a source imported without one is added, and said so', () => {
    attempt(addSource({ id: 'book', title: 'The Historian’s Craft', role: 'secondary', text: '' }));
    openReplaceText('book');
    expect(confirmReplace(reanchorReport(getMap(), 'book', 'The historian is unable to observe.'), 'The Historian’s Craft')).toBe(true);
    expect(getMap().sources.book!.text).toBe('The historian is unable to observe.');
    expect(editor.getState().notice).toEqual({ kind: 'info', title: 'Added the text of “The Historian’s Craft”', lines: ['No evidence quoted the old text.'] });
  });
});
