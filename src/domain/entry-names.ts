/**
 * How entries are named: a file name is the entry's identifier (its slug),
 * and a recommendation's is `<provider>--<association>`. The check, the
 * forms, the CMS and the review all name and read files through here.
 */
import { reservedProviderSlugs, routes } from './routes.ts';
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
    return `« ${id} » est un mot réservé aux pages de l’annuaire (/${routes.provider(id)}) : renommez le fichier, par exemple « ${id}-solidaire.md » ; le nom affiché reste celui du champ « name ».`;
  }
  return undefined;
}
