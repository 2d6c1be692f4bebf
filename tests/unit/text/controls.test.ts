import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIDI_CONTROLS, controlSegments, hasBidiControls, visibleControls } from '../../../arguments/text/controls';

const RLO = '\u202e';
const PDF = '\u202c';

describe('visibleControls', () => {
  it('shows a right-to-left override as a marked ⟨RLO⟩ instead of letting it reverse the text', () => {
    const shown = visibleControls(`invoice ${RLO}fdp.exe${PDF} attached`);
    expect(shown.text).toBe('invoice ⟨RLO⟩fdp.exe⟨PDF⟩ attached');
    expect(hasBidiControls(shown.text)).toBe(false);
    expect(shown.marks.map((m) => [m.abbr, m.at, shown.text.slice(m.start, m.end)])).toEqual([
      ['RLO', 8, '⟨RLO⟩'],
      ['PDF', 16, '⟨PDF⟩'],
    ]);
    expect(shown.marks[0]).toMatchObject({ name: 'right-to-left override', char: RLO });
  });

  it('marks every bidi control of UAX #9: embeddings, overrides, isolates, the marks and ALM', () => {
    const all = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c];
    expect([...BIDI_CONTROLS.keys()].sort()).toEqual([...all].sort());
    const shown = visibleControls(all.map((c) => `a${String.fromCharCode(c)}`).join(''));
    expect(shown.marks.map((m) => m.abbr)).toEqual(['LRE', 'RLE', 'PDF', 'LRO', 'RLO', 'LRI', 'RLI', 'FSI', 'PDI', 'LRM', 'RLM', 'ALM']);
    expect(hasBidiControls(shown.text)).toBe(false);
  });

  it('leaves text without controls as it is, right-to-left letters included', () => {
    for (const text of ['', 'Stalin to Gottwald', 'שלום עולם', 'مرحبا', 'Сталин', 'a\u200db']) {
      const shown = visibleControls(text);
      expect(shown.text).toBe(text);
      expect(shown.marks).toEqual([]);
    }
  });

  it('loses nothing: putting each control back where its mark is gives the original text', () => {
    const controls = [...BIDI_CONTROLS.keys()].map((c) => String.fromCharCode(c));
    const piece = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom(...controls));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const shown = visibleControls(text);
        let back = '';
        let last = 0;
        for (const m of shown.marks) {
          expect(text[m.at]).toBe(m.char);
          back += shown.text.slice(last, m.start) + m.char;
          last = m.end;
        }
        expect(back + shown.text.slice(last)).toBe(text);
        expect(hasBidiControls(shown.text)).toBe(false);
      }),
    );
  });
});

describe('controlSegments', () => {
  it('cuts the shown text into plain runs and marks', () => {
    expect(controlSegments(`a${RLO}bc`).map((s) => [s.text, s.mark?.abbr])).toEqual([
      ['a', undefined],
      ['⟨RLO⟩', 'RLO'],
      ['bc', undefined],
    ]);
    expect(controlSegments('plain')).toEqual([{ text: 'plain' }]);
    expect(controlSegments('')).toEqual([]);
    expect(controlSegments(RLO).map((s) => s.text)).toEqual(['⟨RLO⟩']);
  });
});
