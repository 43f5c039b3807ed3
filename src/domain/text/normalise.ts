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

/**
 * A place name as the site search and the forms compare it: without case, accents or punctuation,
 * « saint » and « sainte » shortened as people write them (« St-Étienne »).
 */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bsainte\b/g, 'ste')
    .replace(/\bsaint\b/g, 'st');
}

/**
 * A vocabulary written in a page, as short as it can be, since every visitor
 * downloads it: « Nextcloud|onlyoffice=ONLYOFFICE Docs », the slug said only
 * where it is not the label's own (slugify).
 */
export function encodeVocabulary(options: ReadonlyArray<{ value: string; label: string }>): string {
  return options.map((o) => (slugify(o.label) === o.value ? o.label : `${o.value}=${o.label}`)).join('|');
}

export function decodeVocabulary(text: string): Array<{ value: string; label: string }> {
  return text
    .split('|')
    .filter(Boolean)
    .map((part) => {
      const cut = part.indexOf('=');
      return cut < 0 ? { value: slugify(part), label: part } : { value: part.slice(0, cut), label: part.slice(cut + 1) };
    });
}
