import { describe, expect, it } from 'vitest';
import { checkLanguage, languageTag } from '../../arguments/language';

describe('language tags', () => {
  it('accept BCP 47 shapes', () => {
    for (const tag of ['ru', 'en', 'cs', 'de-AT', 'zh-Latn', 'sr-Cyrl-RS', 'haw']) expect(checkLanguage(tag), tag).toBeNull();
  });

  it('refuse names and other text in words, suggesting the code when the name is known', () => {
    expect(checkLanguage('Russian')).toBe('"Russian" is a language name; give its BCP 47 code instead: "ru".');
    expect(checkLanguage('Klingon')).toBe('"Klingon" is not a language code; give a BCP 47 code such as "ru" (Russian), "en" (English) or "cs" (Czech).');
    expect(checkLanguage('')).toMatch(/is not a language code/);
    expect(checkLanguage('constructor')).toMatch(/is not a language code/);
  });

  it('read what imported records say: a tag, or a BibLaTeX langid name', () => {
    expect([languageTag('english'), languageTag('russian'), languageTag('ngerman'), languageTag('ru'), languageTag('Klingon'), languageTag(5), languageTag('toString')]).toEqual(['en', 'ru', 'de', 'ru', undefined, undefined, undefined]);
  });
});
