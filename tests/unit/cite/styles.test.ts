import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHICAGO_STYLES } from '../../../arguments/cite/styles/styles';
import { stylesModule } from '../../../scripts/write-cite-styles';

const dir = new URL('../../../arguments/cite/styles/', import.meta.url);
const file = (name: string) => readFileSync(new URL(name, dir), 'utf8');

describe('the shipped citation styles', () => {
  it('styles.ts holds the files of the styles folder (run `npx tsx scripts/write-cite-styles.ts` after changing them)', () => {
    expect(file('styles.ts')).toBe(stylesModule());
    expect(CHICAGO_STYLES.fullNote).toBe(file('chicago-fullnote-bibliography.csl'));
    expect(CHICAGO_STYLES.shortNote).toBe(file('chicago-note-bibliography.csl'));
    expect(CHICAGO_STYLES.locales['en-US']).toBe(file('locales-en-US.xml'));
  });

  it('are the CMOS 17th-edition note styles and the en-US locale, under CC BY-SA 3.0, with the attribution shipped beside them', () => {
    expect(CHICAGO_STYLES.fullNote).toContain('<title>Chicago Manual of Style 17th edition (full note)</title>');
    expect(CHICAGO_STYLES.shortNote).toContain('<title>Chicago Manual of Style 17th edition (note)</title>');
    expect(CHICAGO_STYLES.locales['en-US']).toContain('xml:lang="en-US"');
    for (const text of [CHICAGO_STYLES.fullNote, CHICAGO_STYLES.shortNote, CHICAGO_STYLES.locales['en-US']!])
      expect(text).toContain('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">');
    const attribution = file('ATTRIBUTION.md');
    expect(attribution).toMatch(/CC BY-SA 3\.0/);
    expect(attribution).toContain('citation-style-language-styles` 0~20230209.153790a-1');
    expect(attribution).toContain('citation-style-language-locales` 0~20230122.9b9366b-1');
    expect(attribution).toContain('https://citationstyles.org/');
  });

  it('differ only in the first note: the short style’s note is the full style’s later-note form', () => {
    const citation = (style: string) => style.slice(style.indexOf('<citation'), style.indexOf('</citation>'));
    const bibliography = (style: string) => style.slice(style.indexOf('<bibliography'));
    expect(bibliography(CHICAGO_STYLES.shortNote)).toBe(bibliography(CHICAGO_STYLES.fullNote));
    const full = citation(CHICAGO_STYLES.fullNote);
    const subsequent = full.slice(full.indexOf('<else-if position="subsequent">') + '<else-if position="subsequent">'.length, full.indexOf('</else-if>'));
    expect(citation(CHICAGO_STYLES.shortNote)).toContain(subsequent);
  });
});
