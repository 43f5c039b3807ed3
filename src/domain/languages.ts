/**
 * The languages the form « Proposer une structure » offers to tick, by name:
 * French, the languages of France that have a two-letter code, and the
 * languages most spoken in France after French. A listing may hold any
 * ISO 639-1 language (the CMS offers them all); the form keeps its page light
 * with these, and says where to mention another one.
 */
export const FORM_LANGUAGES: readonly string[] = [
  // French and the languages of France (breton, basque, catalan, corse, occitan, flamand, tahitien, wallon…)
  'fr',
  'br',
  'eu',
  'ca',
  'co',
  'oc',
  'nl',
  'ty',
  'wa',
  'ht',
  // The languages most spoken in France after French
  'en',
  'de',
  'es',
  'it',
  'pt',
  'ar',
  'tr',
  'ro',
  'pl',
  'ru',
  'uk',
  'zh',
  'vi',
  'ta',
  'wo',
  'ff',
  'bm',
  'ln',
  'sw',
  'fa',
  'hy',
];

export const OTHER_LANGUAGE_HINT = 'Une autre langue ? Précisez-la dans la description.';
