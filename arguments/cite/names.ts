// People as historians type them into a source's author or recipient field, read into CSL
// names: "I. V. Stalin (signed \"Filippov\")", "Stalin, I. V.", "Klement Gottwald; V. M. Molotov",
// "Politburo of the CC VKP(b)". `;` separates people (never "and": institutions have it);
// parentheticals and quoted pseudonyms are dropped (the pseudonym belongs to the text, not the
// name); institutions stay whole as a CSL `literal`.
//
// A name in braces is kept whole, as BibTeX does: "{Mao Zedong}" for a family-first name
// (without them it is read given-name-first, and "Mao, Zedong" would print "Zedong Mao").
// Particles ("de Gaulle") are kept in the family name.

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
}

/** Roles a name can be introduced with ("edited by …"); other "… by" phrases (drafted by) are not authors. */
export type NameRole = 'author' | 'editor' | 'translator';

export interface ParsedName {
  name: CslName;
  role: NameRole | 'other';
}

const INSTITUTION =
  /\b(committee|ministry|council|party|bureau|politburo|presidium|secretariat|commission|commissariat|embassy|legation|consulate|government|office|department|directorate|agency|archives?|institute|institution|university|library|museum|society|association|union|league|academy|press|army|front|command|headquarters|staff|section|board|assembly|congress|soviet|cc|tass|cpsu|vkp|ckp|kpd|comintern|cominform|mgb|nkvd|kgb|gru|ussr|united nations)\b/i;
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv)$/i;
const ROLE_PREFIX = /^([a-z]+(?: and [a-z]+)?)\s+by\s+/i;

function clean(text: string): string {
  let out = text;
  // Innermost first, so "(signed (as) X)" goes too.
  for (let prev = ''; prev !== out; ) {
    prev = out;
    // Only parentheticals after a space: "VKP(b)" keeps its "(b)".
    out = out.replace(/\s+\([^()]*\)/g, '').replace(/\s+\[[^[\]]*\]/g, '');
  }
  return out.replace(/\s*["“”«»][^"“”«»]*["“”«»]/g, '').replace(/\s+/g, ' ').trim().replace(/^[,;.\s]+|[,;\s]+$/g, '');
}

function roleOf(phrase: string): NameRole | 'other' {
  const p = phrase.toLowerCase();
  if (/\b(edited|compiled)\b/.test(p)) return 'editor';
  if (/\btranslated\b/.test(p)) return 'translator';
  if (/^(written|signed|authored)$/.test(p)) return 'author';
  return 'other';
}

function isInstitution(name: string): boolean {
  // An all-capitals name without initials is an acronym: "TASS", "KPD".
  return INSTITUTION.test(name) || /\b(of|for|and)\b|&|\d/.test(name) || (/^[\p{Lu}\d\s()-]{2,}$/u.test(name) && /\p{Lu}{2}/u.test(name));
}

/** One person or body, already cleaned of parentheticals. */
function readName(text: string): CslName {
  const braced = /^\{\s*([^{}]+?)\s*\}$/.exec(text);
  if (braced) return { literal: braced[1]! };
  if (isInstitution(text)) return { literal: text };
  const commas = text.split(/\s*,\s*/).filter((p) => p !== '');
  if (commas.length >= 2) {
    const [family, ...rest] = commas;
    const suffixes = rest.filter((p) => SUFFIX.test(p));
    const given = rest.filter((p) => !SUFFIX.test(p)).join(' ');
    const name: CslName = { family: family! };
    if (given) name.given = given;
    if (suffixes.length) name.suffix = suffixes.join(' ');
    return name;
  }
  const words = text.split(' ');
  const name: CslName = {};
  if (words.length > 1 && SUFFIX.test(words[words.length - 1]!)) name.suffix = words.pop()!;
  // Lowercase particles before the family name belong to it: "Charles de Gaulle".
  let at = words.length - 1;
  while (at > 1 && /^(de|da|di|du|van|von|der|den|la|le|ter|zu|al|el|bin|ibn)$/.test(words[at - 1]!)) at--;
  name.family = words.slice(at).join(' ');
  if (at > 0) name.given = words.slice(0, at).join(' ');
  return name;
}

/** Every name in a free-text field, with the role a "… by" phrase gives it. */
export function parseNamesWithRoles(text: string | undefined): ParsedName[] {
  if (!text) return [];
  const out: ParsedName[] = [];
  for (const part of text.split(';')) {
    let cleaned = clean(part);
    let role: ParsedName['role'] = 'author';
    const prefix = ROLE_PREFIX.exec(cleaned);
    if (prefix) {
      role = roleOf(prefix[1]!);
      cleaned = cleaned.slice(prefix[0].length).trim();
    }
    if (cleaned) out.push({ name: readName(cleaned), role });
  }
  return out;
}

/** The names of a field that stand in its own role (the authors of an author field). */
export function parseNames(text: string | undefined): CslName[] {
  return parseNamesWithRoles(text).filter((p) => p.role === 'author').map((p) => p.name);
}

/** "Stalin", "Politburo of the CC VKP(b)": how a short citation names someone. */
export function shortName(name: CslName): string {
  return name.family ?? name.literal ?? name.given ?? '';
}
