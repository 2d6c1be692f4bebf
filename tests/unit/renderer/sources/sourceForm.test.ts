// The source details form's logic (renderer/sources/sourceForm.ts): what each field commits,
// through editSource, as one undoable step each; the archival citation kept verbatim as
// given; free fields renamed and removed in place; refusals in the loader's words.
import { beforeEach, describe, expect, it } from 'vitest';
import { undoLabel } from '../../../../arguments/history';
import { emptyMap, type Source } from '../../../../arguments/model';
import { addSource, editSource, type SourceChanges } from '../../../../arguments/operations';
import {
  checkedChange,
  CITATION_KEYS,
  citationChange,
  draftProblem,
  fieldChange,
  freeFields,
  needsChecking,
  normalisedCitation,
  quotableSources,
  quotedChange,
  removeFreeField,
  renameFreeField,
  roleChange,
  setFreeField,
} from '../../../../renderer/sources/sourceForm';
import { attempt, documentState, editor, getMap, replaceDocument, undoChange } from '../../../../renderer/store/store';

const LETTER: Source = {
  id: 'letter',
  title: 'Stalin to Klement Gottwald, 27 August 1950',
  role: 'primary',
  date: '1950-08-27',
  text: 'Please pass on to Gottwald verbally the following message.',
  citation: { asGiven: 'RGASPI. Font . 558, Opis. 11, Delo. 62, Listy. 71-72', archive: 'RGASPI', fond: '558' },
};

const source = (id = 'letter') => getMap().sources[id]!;
const commit = (changes: SourceChanges | null) => (changes ? attempt(editSource('letter', changes)) : 'no change');

beforeEach(() => {
  replaceDocument(documentState(emptyMap('2026-01-01T00:00:00.000Z'), 'Untitled.argmap.json', null));
  expect(attempt(addSource(LETTER))).toBeNull();
  expect(attempt(addSource({ id: 'cable', title: 'Stalin to Mao, 1949', role: 'primary', text: 'We agree.' }))).toBeNull();
  expect(attempt(addSource({ id: 'article', title: 'Letter of Stalin to Gottwald', role: 'secondary', text: 'Stalin wrote…' }))).toBeNull();
});

describe('text fields', () => {
  it('commit a trimmed value as one step named after the field; an unchanged draft commits nothing', () => {
    expect(fieldChange(source(), 'place', '  Moscow ')).toEqual({ place: 'Moscow' });
    expect(commit(fieldChange(source(), 'place', '  Moscow '))).toBeNull();
    expect(source().place).toBe('Moscow');
    expect(undoLabel(editor.getState().history)).toBe('Edit source place');
    expect(fieldChange(source(), 'place', 'Moscow')).toBeNull();
    expect(fieldChange(source(), 'date', '1950-08-27')).toBeNull();
  });

  it('an emptied optional field is removed; the title stays (it may be empty)', () => {
    expect(fieldChange(source(), 'date', '  ')).toEqual({ date: undefined });
    commit(fieldChange(source(), 'date', ''));
    expect(Object.hasOwn(source(), 'date')).toBe(false);
    expect(fieldChange(source(), 'title', ' New title ')).toEqual({ title: 'New title' });
  });

  it('dates and languages are checked as typed, with the rule’s own sentence; the operation refuses with it too', () => {
    expect(draftProblem('date', '1950-08-27')).toBeNull();
    expect(draftProblem('date', '')).toBeNull();
    const live = draftProblem('date', '1950-02-30');
    expect(live).toMatch(/1950-02-30/);
    expect(commit(fieldChange(source(), 'date', '1950-02-30'))).toContain('1950-02-30');
    expect(source().date).toBe('1950-08-27');
    expect(draftProblem('language', 'ru')).toBeNull();
    expect(draftProblem('language', 'russian')).toBe('"russian" is a language name; give its BCP 47 code instead: "ru".');
    expect(draftProblem('author', 'anything <b>at all</b>')).toBeNull();
  });

  it('each change is its own undo step', () => {
    commit(fieldChange(source(), 'recipient', 'Klement Gottwald'));
    commit(fieldChange(source(), 'place', 'Moscow'));
    undoChange();
    expect(source()).toMatchObject({ recipient: 'Klement Gottwald' });
    expect(Object.hasOwn(source(), 'place')).toBe(false);
  });

  it('role', () => {
    expect(roleChange(source(), 'primary')).toBeNull();
    expect(commit(roleChange(source(), 'secondary'))).toBeNull();
    expect(source().role).toBe('secondary');
  });
});

describe('the archival citation', () => {
  it('“As given” is kept exactly as typed, spaces and typos included; the parts are trimmed', () => {
    commit(citationChange(source(), 'asGiven', '  RGASPI. Font . 558 , Opis. 11 '));
    expect(source().citation!.asGiven).toBe('  RGASPI. Font . 558 , Opis. 11 ');
    commit(citationChange(source(), 'opis', ' 11 '));
    expect(source().citation!.opis).toBe('11');
    expect(undoLabel(editor.getState().history)).toBe('Edit source citation');
  });

  it('an emptied part is removed; a citation left with nothing is removed', () => {
    commit(citationChange(source(), 'fond', ''));
    expect(Object.hasOwn(source().citation!, 'fond')).toBe(false);
    commit(citationChange(source(), 'archive', ''));
    commit(citationChange(source(), 'asGiven', ''));
    expect(Object.hasOwn(source(), 'citation')).toBe(false);
  });

  it('a source without a citation gets one from its first part', () => {
    const cable = getMap().sources.cable!;
    expect(citationChange(cable, 'delo', '332')).toEqual({ citation: { asGiven: '', archive: '', delo: '332' } });
    expect(citationChange(cable, 'delo', '  ')).toBeNull();
  });

  it('every part of the citation has a field', () => {
    expect(CITATION_KEYS).toEqual(['asGiven', 'archive', 'archiveName', 'fond', 'opis', 'delo', 'listy', 'page']);
  });

  it('shows the normalised form notes use', () => {
    commit(citationChange(source(), 'opis', '11'));
    commit(citationChange(source(), 'delo', '62'));
    commit(citationChange(source(), 'listy', '71-72'));
    expect(normalisedCitation(source().citation)).toBe('RGASPI, f. 558, op. 11, d. 62, ll. 71–72');
    expect(normalisedCitation(undefined)).toBe('');
  });
});

describe('free fields', () => {
  it('are added at the end, changed, renamed in place and removed, each one step', () => {
    commit((setFreeField(source(), 'note', 'Typed copy') as { changes: SourceChanges }).changes);
    commit((setFreeField(source(), 'seal', 'none') as { changes: SourceChanges }).changes);
    expect(freeFields(source())).toEqual([
      ['note', 'Typed copy'],
      ['seal', 'none'],
    ]);
    commit((renameFreeField(source(), 'note', 'remark') as { changes: SourceChanges }).changes);
    expect(freeFields(source())).toEqual([
      ['remark', 'Typed copy'],
      ['seal', 'none'],
    ]);
    commit(removeFreeField(source(), 'remark'));
    commit(removeFreeField(source(), 'seal'));
    expect(Object.hasOwn(source().citation!, 'fields')).toBe(false);
    undoChange();
    expect(freeFields(source())).toEqual([['seal', 'none']]);
  });

  it('a rename onto another field, or to nothing, is refused in words', () => {
    commit((setFreeField(source(), 'note', 'a') as { changes: SourceChanges }).changes);
    commit((setFreeField(source(), 'seal', 'b') as { changes: SourceChanges }).changes);
    expect(renameFreeField(source(), 'note', ' seal ')).toEqual({ problem: 'There is already a field named “seal”.' });
    expect(renameFreeField(source(), 'note', ' ')).toEqual({ problem: 'A field needs a name; remove the field instead.' });
    expect(renameFreeField(source(), 'note', 'note')).toEqual({ changes: null });
    expect(setFreeField(source(), '', 'x')).toEqual({ problem: 'Give the field a name.' });
  });

  it('names such as constructor stay plain fields; __proto__ is refused in the loader\'s words', () => {
    for (const name of ['constructor', 'toString']) {
      const r = setFreeField(source(), name, `${name} value`);
      expect('changes' in r && commit(r.changes)).toBeNull();
    }
    const fields = source().citation!.fields!;
    expect(Object.keys(fields)).toEqual(['constructor', 'toString']);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fields, 'constructor')?.value).toBe('constructor value');
    const proto = setFreeField(source(), '__proto__', 'x');
    expect('changes' in proto && commit(proto.changes)).toMatch(/__proto__/);
    expect(Object.keys(source().citation!.fields!)).toEqual(['constructor', 'toString']);
  });
});

describe('which primary sources a secondary source quotes', () => {
  it('offers the other primary sources by title, and ticks or unticks them', () => {
    const article = getMap().sources.article!;
    expect(quotableSources(getMap().sources, 'article').map((s) => s.id)).toEqual(['letter', 'cable']);
    expect(quotedChange(article, 'letter', true)).toEqual({ quotes: ['letter'] });
    expect(attempt(editSource('article', quotedChange(article, 'letter', true)!))).toBeNull();
    expect(undoLabel(editor.getState().history)).toBe('Edit source quoted sources');
    const after = getMap().sources.article!;
    expect(quotedChange(after, 'letter', true)).toBeNull();
    expect(quotedChange(after, 'letter', false)).toEqual({ quotes: undefined });
  });

  it('a source that is not in the map is refused by the loader’s rule', () => {
    expect(attempt(editSource('article', { quotes: ['nowhere'] }))).toMatch(/nowhere/);
  });
});

describe('the transcription', () => {
  it('extracted texts can be marked checked against the original (and unmarked)', () => {
    expect(needsChecking(source())).toBe(false);
    attempt(editSource('letter', { transcription: { method: 'pdf-text', file: 'letter.pdf' } }));
    expect(needsChecking(source())).toBe(true);
    expect(commit(checkedChange(source(), true))).toBeNull();
    expect(source().transcription).toEqual({ method: 'pdf-text', file: 'letter.pdf', checked: true });
    expect(checkedChange(source(), true)).toBeNull();
    commit(checkedChange(source(), false));
    expect(source().transcription).toEqual({ method: 'pdf-text', file: 'letter.pdf' });
  });

  it('a pasted or typed text needs no checking; a source without one offers nothing', () => {
    attempt(editSource('letter', { transcription: { method: 'pasted' } }));
    expect(needsChecking(source())).toBe(false);
    expect(checkedChange(getMap().sources.cable!, true)).toBeNull();
  });
});
