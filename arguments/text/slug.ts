// File names from titles: "Stalin’s letter (1950)" -> "stalins-letter-1950". Letters of any
// script are kept (a Russian title stays Russian); apostrophes vanish, everything else is a dash.
export function slugify(title: string, max = 80): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
