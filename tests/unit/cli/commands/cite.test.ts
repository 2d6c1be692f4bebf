// `argmap cite` in a real process: Chicago notes in the argument's reading order (a source's first
// note in full, later ones short, each with the page its quote stands on), the bibliography,
// --json, and the refusals.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeMap } from '../../../../arguments/format/serialize';
import { emptyMap } from '../../../../arguments/model';
import { bloch } from '../../cite/sources';
import { buildCli, expectRefusal, SHIPPED, type Cli } from '../helpers';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('cite');
});
afterAll(() => cli.remove());

/** A thesis resting on two quotes of a book whose text has page breaks, and an unquoted source. */
function bookMap(): string {
  const m = emptyMap('2024-01-01T00:00:00.000Z', 'Bloch');
  m.sources.bloch = bloch;
  m.sources.unread = { id: 'unread', title: 'Combats for History', role: 'secondary', author: 'Febvre, Lucien', date: '1953', place: 'Paris', text: '', bib: { type: 'book', publisher: 'Colin' } };
  m.nodes.T = { id: 'T', kind: 'thesis', text: 'History is a craft.' };
  m.nodes.E2 = { id: 'E2', kind: 'evidence', text: 'Chapter II', quote: { source: 'bloch', exact: 'Chapter II' } };
  m.nodes.E1 = { id: 'E1', kind: 'evidence', text: 'Chapter I', quote: { source: 'bloch', exact: 'Chapter I', suffix: '\f' } };
  m.relations.r1 = { id: 'r1', kind: 'supports', from: ['E1'], to: 'T' };
  m.relations.r2 = { id: 'r2', kind: 'supports', from: ['E2'], to: 'T' };
  return cli.file('bloch.argmap.json', serializeMap(m));
}

describe('argmap cite', () => {
  it('gives a full first note, then short notes with the page of each quote, in reading order', () => {
    const r = cli.argmap('cite', bookMap());
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n')).toEqual([
      'E1  1. Marc Bloch, The Historian’s Craft, trans. Peter Putnam (New York: Alfred A. Knopf, 1953), 2.',
      'E2  2. Bloch, Historian’s Craft, 3.',
      '',
      '2 notes citing 1 source, in reading order (each thesis, then what bears on it)',
      '',
    ]);
  });

  it('cites the shipped map: thesis first, the letter’s first note in full and its later ones short', () => {
    const r = cli.argmap('cite', SHIPPED);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('26 notes citing 4 sources, in reading order (each thesis, then what bears on it)');
    const notes = lines.slice(0, -2);
    expect(notes).toHaveLength(26);
    expect(notes[0]).toMatch(/^T {4}1\. /);
    const letter = notes.filter((l) => /Gottwald/.test(l) && /^E/.test(l));
    expect(letter[0]).toMatch(/^E1a  4\. I\. V\. Stalin to Klement Gottwald, August 27, 1950, f\. 558, op\. 11, d\. 62, ll\. 71–72, RGASPI\.$/);
    for (const later of letter.slice(1)) expect(later).toMatch(/\d+\. Stalin to Gottwald, August 27, 1950, ll\. 71–72\.$/);
    expect(notes.map((l) => Number(/^\S+\s+(\d+)\./.exec(l)![1]))).toEqual(notes.map((_, k) => k + 1));
  });

  it('--json gives the notes and the bibliography, each tied to its node and source', () => {
    const r = cli.argmap('cite', bookMap(), '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      notes: [
        { node: 'E1', source: 'bloch', text: 'Marc Bloch, The Historian’s Craft, trans. Peter Putnam (New York: Alfred A. Knopf, 1953), 2.' },
        { node: 'E2', source: 'bloch', text: 'Bloch, Historian’s Craft, 3.' },
      ],
      bibliography: [{ source: 'bloch', text: 'Bloch, Marc. The Historian’s Craft. Translated by Peter Putnam. New York: Alfred A. Knopf, 1953.' }],
    });
  });

  it('chicago-bib lists the quoted sources; --all every source', () => {
    const file = bookMap();
    let r = cli.argmap('cite', file, '--style', 'chicago-bib');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('Bloch, Marc. The Historian’s Craft. Translated by Peter Putnam. New York: Alfred A. Knopf, 1953.\n\n1 entry: the sources quoted in the map\n');
    r = cli.argmap('cite', file, '--style=chicago-bib', '--all');
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual(['Bloch, Marc. The Historian’s Craft. Translated by Peter Putnam. New York: Alfred A. Knopf, 1953.', 'Febvre, Lucien. Combats for History. Paris: Colin, 1953.']);
    expect(r.out).toContain('2 entries: every source of the map');
  });

  it('says when nothing is quoted, and warns of a quote not in its source', () => {
    const m = emptyMap('2024-01-01T00:00:00.000Z');
    m.sources.bloch = bloch;
    let r = cli.argmap('cite', cli.file('unquoted.argmap.json', serializeMap(m)));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/unquoted\.argmap\.json: no node quotes a source, so there are no notes\.\n$/);
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    shipped.nodes.find((n: { id: string }) => n.id === 'E5').quote.exact = 'Words the cable never had.';
    r = cli.argmap('cite', cli.file('misquoted.argmap.json', JSON.stringify(shipped)));
    expect(r.code, r.err).toBe(0);
    expect(r.err.trimEnd().split('\n')).toEqual([expect.stringMatching(/misquoted\.argmap\.json: the quote of "E5" is not in "cable1949", so its note gives no page or folio; argmap audit shows the closest passage\.$/)]);
  });

  it('prints a note whose title holds a newline on one line', () => {
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    shipped.sources.find((s: { id: string }) => s.id === 'article').title = 'Letter\nE9  99. A fake note';
    const r = cli.argmap('cite', cli.file('hostile.argmap.json', JSON.stringify(shipped)));
    expect(r.code, r.err).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(26 + 2);
    expect(r.out).not.toMatch(/^E9 /m);
  });

  it('refuses a wrong style, a map that does not load, an unknown option', () => {
    expectRefusal(cli.argmap('cite', SHIPPED, '--style', 'mla'), /^argmap cite: --style must be one of chicago-note, chicago-bib \(got "mla"\)\.$/, 2);
    expectRefusal(cli.argmap('cite', cli.file('nojson.argmap.json', 'not a map')), /nojson\.argmap\.json: The file is not valid JSON at line 1, column \d+, so it cannot be read as an argument map\.$/, 1);
    expectRefusal(cli.argmap('cite', SHIPPED, '--bibtex'), /^argmap cite: unknown option --bibtex\./, 2);
    expectRefusal(cli.argmap('cite'), /^argmap cite: give exactly one MAP\./, 2);
  });
});
