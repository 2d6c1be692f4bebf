// Titles in Latin letters only, for readable ids: accents dropped ("Dvořák" -> "Dvorak"),
// Cyrillic romanised without diacritics (Library of Congress style: "Письмо" -> "Pismo"),
// letters of other scripts dropped. Only for ids: a source's title and text stay as written.

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Ukrainian, Belarusian, Serbian and Macedonian letters.
  і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

// Latin letters that do not decompose into a base letter and a mark.
const LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l' };

/** The text in ASCII letters, digits and punctuation; letters with no Latin form become spaces. */
export function toLatin(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD').replace(/\p{M}/gu, '')) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    // Apostrophes vanish, as in file names: "Stalin’s" -> "Stalins".
    if (ch === '\u2019' || ch === '\u2018' || ch === '\u02BC') continue;
    const lower = ch.toLowerCase();
    const mapped = CYRILLIC[lower] ?? LATIN[lower];
    if (mapped === undefined) out += /[\p{L}\p{N}]/u.test(ch) ? ' ' : ch;
    else out += ch === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}
