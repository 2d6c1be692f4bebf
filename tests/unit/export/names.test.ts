// Every export's file name comes from the map and what part of it is exported.
import { describe, expect, it } from 'vitest';
import { exportFileName, mapSlug, scopeSlug } from '../../../arguments/export/names';
import { emptyMap } from '../../../arguments/model';
import { shippedMap } from './helpers';

const map = shippedMap();
const doc = 'stalin-gottwald-1950.argmap.json';

describe('export file names', () => {
  it('a figure of one claim: map, scope, theme and format', () => {
    expect(exportFileName({ documentName: doc, map, scope: { kind: 'subtree', root: 'C1' }, theme: 'print', extension: 'pdf' })).toBe('stalin-gottwald-1950.claim-1.print.pdf');
    // "Claim 2a: Europe first": the label before the colon.
    expect(exportFileName({ documentName: doc, map, scope: { kind: 'subtree', root: 'C2a' }, theme: 'screen', extension: 'svg' })).toBe('stalin-gottwald-1950.claim-2a.screen.svg');
  });

  it('the whole map and the selection differ from a claim, so exports of different scopes never share a name', () => {
    const names = new Set([
      exportFileName({ documentName: doc, map, scope: { kind: 'all' }, theme: 'print', extension: 'pdf' }),
      exportFileName({ documentName: doc, map, scope: { kind: 'selection', ids: ['C1'] }, theme: 'print', extension: 'pdf' }),
      exportFileName({ documentName: doc, map, scope: { kind: 'subtree', root: 'C1' }, theme: 'print', extension: 'pdf' }),
      exportFileName({ documentName: doc, map, scope: { kind: 'subtree', root: 'C3' }, theme: 'print', extension: 'pdf' }),
    ]);
    expect([...names]).toEqual(['stalin-gottwald-1950.print.pdf', 'stalin-gottwald-1950.selection.print.pdf', 'stalin-gottwald-1950.claim-1.print.pdf', 'stalin-gottwald-1950.claim-3.print.pdf']);
  });

  it('outlines, exchange files and bibliographies: the map name and the ending', () => {
    expect(exportFileName({ documentName: doc, map, extension: 'docx' })).toBe('stalin-gottwald-1950.docx');
    expect(exportFileName({ documentName: doc, map, extension: 'aif.json' })).toBe('stalin-gottwald-1950.aif.json');
    expect(exportFileName({ documentName: doc, map, kind: 'sources', extension: '.json' })).toBe('stalin-gottwald-1950.sources.json');
  });

  it('a document without a file is named from its title; a map without either is "argument-map"', () => {
    const titled = { ...emptyMap('2026-01-01T00:00:00.000Z'), meta: { ...emptyMap('2026-01-01T00:00:00.000Z').meta, title: 'Stalin’s letter (1950)' } };
    expect(mapSlug('Untitled.argmap.json', titled.meta.title)).toBe('stalins-letter-1950');
    expect(mapSlug('Untitled.argmap.json', '')).toBe('argument-map');
    expect(mapSlug('critic.json', 'ignored')).toBe('critic');
    expect(mapSlug('Письмо.argmap.json', '')).toBe('письмо');
  });

  it('a root that is not in the map (or is named toString) is named by its id, never by a prototype', () => {
    expect(scopeSlug(map, { kind: 'subtree', root: 'toString' })).toBe('tostring');
    expect(scopeSlug(map, { kind: 'subtree', root: '!!' })).toBe('node');
  });
});
