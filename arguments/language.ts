// The language of a source, as a BCP 47 tag ("ru", "en", "de-AT", "zh-Latn"). The shape is
// checked loosely (a 2–3 letter language, then subtags), not against the IANA registry: a
// historian may need a rare language the registry has and a list here would not.

const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** null when `value` looks like a BCP 47 language tag; else what is wrong, with an example. */
export function checkLanguage(value: string): string | null {
  if (TAG.test(value)) return null;
  const shown = value.length > 40 ? value.slice(0, 37) + '…' : value;
  const key = value.trim().toLowerCase();
  const named = Object.hasOwn(BABEL_NAMES, key) ? BABEL_NAMES[key] : undefined;
  return named
    ? `"${shown}" is a language name; give its BCP 47 code instead: "${named}".`
    : `"${shown}" is not a language code; give a BCP 47 code such as "ru" (Russian), "en" (English) or "cs" (Czech).`;
}

// Names BibLaTeX's `langid` (babel/polyglossia) and Zotero exports use, to their BCP 47 codes.
const BABEL_NAMES: Record<string, string> = {
  english: 'en', american: 'en-US', british: 'en-GB', canadian: 'en-CA', australian: 'en-AU', newzealand: 'en-NZ',
  russian: 'ru', ukrainian: 'uk', belarusian: 'be', polish: 'pl', czech: 'cs', slovak: 'sk', bulgarian: 'bg',
  serbian: 'sr', croatian: 'hr', slovene: 'sl', german: 'de', ngerman: 'de', austrian: 'de-AT', naustrian: 'de-AT',
  french: 'fr', italian: 'it', spanish: 'es', portuguese: 'pt', brazil: 'pt-BR', dutch: 'nl', danish: 'da',
  swedish: 'sv', norsk: 'nb', nynorsk: 'nn', norwegian: 'no', finnish: 'fi', estonian: 'et', latvian: 'lv',
  lithuanian: 'lt', magyar: 'hu', hungarian: 'hu', romanian: 'ro', greek: 'el', turkish: 'tr', hebrew: 'he',
  arabic: 'ar', farsi: 'fa', latin: 'la', pinyin: 'zh-Latn', chinese: 'zh', japanese: 'ja', korean: 'ko',
  vietnamese: 'vi', hindi: 'hi', irish: 'ga', welsh: 'cy', catalan: 'ca', basque: 'eu', icelandic: 'is',
};

/** A BCP 47 tag for what an imported record says (a tag, or a babel name such as "russian"), if any. */
export function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  const key = v.toLowerCase();
  if (Object.hasOwn(BABEL_NAMES, key)) return BABEL_NAMES[key];
  return checkLanguage(v) === null ? v : undefined;
}
