/**
 * Names compared "without case, accents or punctuation", as the contract
 * says: « L'Atelier du Libre » and « latelier-du-libre » are the same.
 */
export function normaliseName(name: string): string {
  return unligature(
    name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase(),
  ).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** « Œuvre » and « Oeuvre » are one word: Unicode does not decompose œ and æ. */
function unligature(lowercase: string): string {
  return lowercase.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** A URL-safe slug from any French text: « Google Drive » → « google-drive ». */
export function slugify(text: string): string {
  return unligature(
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase(),
  )
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
