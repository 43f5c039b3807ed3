/**
 * How entries are named: a file name is the entry's identifier (its slug),
 * and a recommendation's is `<provider>--<association>`. The check, the
 * forms, the CMS and the review all name and read files through here; a new
 * entry's file is named from what a person typed, whatever it holds (accents,
 * apostrophes, « _ », emoji, spaces, punctuation, 120 characters), as the
 * check accepts it.
 */
import { slugify } from './text/normalise.ts';
import { providerRoute, reservedProviderSlugs } from './route-words.ts';
import { SLUG_PATTERN } from '../schemas/fields.ts';
import type { EntryTypeName } from '../schemas/index.ts';

/** Between the provider's slug and the association's in a recommendation's file name. */
export const RECOMMENDATION_ID_SEPARATOR = '--';

/** Longest identifier: a slug; a recommendation's holds two. */
const MAX_SLUG = 60;
const MAX_RECOMMENDATION_ID = 2 * MAX_SLUG + RECOMMENDATION_ID_SEPARATOR.length;
const RECOMMENDATION_ID_PATTERN = /^[a-z0-9]+(-{1,2}[a-z0-9]+)*$/;

/** `atelier-libre` + `jardins-partages` → `atelier-libre--jardins-partages`. */
export function recommendationId(provider: string, association: string): string {
  return `${provider}${RECOMMENDATION_ID_SEPARATOR}${association}`;
}

/** The provider a recommendation's file name names, when it follows the convention. */
export function providerOfRecommendationId(id: string): string | undefined {
  const at = id.indexOf(RECOMMENDATION_ID_SEPARATOR);
  return at > 0 && at + RECOMMENDATION_ID_SEPARATOR.length < id.length ? id.slice(0, at) : undefined;
}

/** Whether a recommendation's file name starts with its provider's slug, as the convention asks. */
export function isNamedForProvider(id: string, provider: string): boolean {
  return providerOfRecommendationId(id) === provider;
}

/**
 * What is wrong with an entry's file name (without extension), in French, or
 * nothing: lowercase letters, digits and dashes, 2 to 60 characters; no word
 * the directory's own pages use for a provider.
 */
export function entryIdProblem(type: EntryTypeName, id: string, fileName: string): string | undefined {
  const recommendation = type === 'recommendations';
  const pattern = recommendation ? RECOMMENDATION_ID_PATTERN : SLUG_PATTERN;
  if (!pattern.test(id) || id.length < 2 || id.length > (recommendation ? MAX_RECOMMENDATION_ID : MAX_SLUG)) {
    return `le nom du fichier « ${fileName} » doit être un identifiant en minuscules sans accents ni espaces, les mots séparés par des tirets (par exemple « nuage-solidaire.md »).`;
  }
  // Rules catalogue: reserved-provider-slugs.
  if (type === 'providers' && reservedProviderSlugs.includes(id)) {
    return `« ${id} » est un mot réservé aux pages de l’annuaire (/${providerRoute(id)}) : renommez le fichier, par exemple « ${id}-solidaire.md » ; le nom affiché reste celui du champ « name ».`;
  }
  return undefined;
}

/** Where a new entry's file name comes from. */
export interface EntryNaming {
  /** The field whose text names the file: « L’Atelier » → `l-atelier.md`. */
  from: readonly string[];
  /** A field holding a slug, written first (a recommendation: its provider, then `--`). */
  prefix?: string;
  /** The name when the text holds no letter or digit (a name made only of emoji). */
  fallback: string;
}

export const entryNaming: Record<EntryTypeName, EntryNaming> = {
  providers: { from: ['name'], fallback: 'prestataire' },
  recommendations: { prefix: 'provider', from: ['association', 'name'], fallback: 'association' },
  projects: { from: ['title'], fallback: 'projet' },
  resources: { from: ['title'], fallback: 'ressource' },
  partners: { from: ['name'], fallback: 'partenaire' },
  pages: { from: ['title'], fallback: 'page' },
};

/**
 * The longest part made from a name. The CMS adds « -1 », « -2 »… to a name
 * already taken: the room left keeps that within the 60 characters of a slug.
 */
export const NAME_PART_MAX = 52;

/** Names Windows keeps for its devices: no file can have them there, whatever its extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** Shortens a slug at a word's end when one is near enough, never leaving a dash at the end. */
function shorten(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  // One more character tells whether the cut falls at a word's end.
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash >= max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, '');
}

/** « L’Atelier numérique ! » → `l-atelier-numerique`; a text with no letter or digit gives `fallback`. */
export function namePart(text: string, fallback: string): string {
  const part = shorten(slugify(text), NAME_PART_MAX);
  if (part.length < 2) return fallback;
  return WINDOWS_DEVICE.test(part) ? `${part}-${fallback}` : part;
}

/**
 * The part of a new entry's file name made from its own text (`from`). A
 * name the check keeps for other uses (`entryIdProblem`: a word of the
 * directory's pages) gets the fallback word after it.
 */
export function entryNamePart(type: EntryTypeName, data: Record<string, unknown>): string {
  const naming = entryNaming[type];
  let text: unknown = data;
  for (const key of naming.from) text = text && typeof text === 'object' ? (text as Record<string, unknown>)[key] : undefined;
  const part = namePart(typeof text === 'string' ? text : '', naming.fallback);
  return naming.prefix || !entryIdProblem(type, part, part) ? part : `${part}-${naming.fallback}`;
}

/** A new entry's file name without extension: `l-atelier-numerique`, or `<provider>--<association>`. */
export function entryIdFor(type: EntryTypeName, data: Record<string, unknown>): string {
  const naming = entryNaming[type];
  const part = entryNamePart(type, data);
  return naming.prefix ? recommendationId(String(data[naming.prefix] ?? ''), part) : part;
}
