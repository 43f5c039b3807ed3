/**
 * What the page of one facet value says (/annuaire/departement/69/,
 * /annuaire/remplace/google-drive/): its providers in order, why each is on
 * the list, its heading and its introduction.
 */
import type { ListedProvider } from './index.ts';
import type { FacetKey } from './facet-keys.ts';
import { sizeSentence } from '../finder/index.ts';
import { slugify } from '../text/normalise.ts';
import { explainPlace, inPlace, rankForPlace } from './places.ts';
import type { Vocabularies } from '../../schemas/taxonomies.ts';

const isPlace = (key: FacetKey): key is 'departement' | 'region' => key === 'departement' || key === 'region';

/** The free software of the vocabulary that replaces a GAFAM service (`google-drive`). */
function toolsReplacing(tools: Vocabularies['tools'], replaced: string) {
  return tools.filter((t) => t.replaces.some((r) => slugify(r) === replaced));
}

/**
 * The providers of a facet value, most relevant first: for a place, those who
 * are there before those who work everywhere; otherwise the most recommended.
 * Ties keep the directory's order (by name).
 */
export function facetProviders(key: FacetKey, value: string, providers: readonly ListedProvider[]): ListedProvider[] {
  if (isPlace(key)) return rankForPlace(providers, key, value);
  return providers
    .map((provider, order) => ({ provider, order }))
    .sort((a, b) => b.provider.recommendations.length - a.provider.recommendations.length || a.order - b.order)
    .map((x) => x.provider);
}

/** Why a provider is on a facet's list, when its card alone would not say it. */
export function facetReasons(key: FacetKey, value: string, provider: ListedProvider, tools: Vocabularies['tools']): string[] {
  if (isPlace(key)) return [explainPlace(provider.data, key, value)];
  if (key === 'remplace') {
    const offered = toolsReplacing(tools, value).filter((t) => provider.data.tools.includes(t.slug));
    return [`propose ${offered.map((t) => t.label).join(', ')}`];
  }
  return [];
}

/** The heading of a facet value's page; `label` is the value's name (« Rhône (69) », « Google Drive »). */
export function facetHeading(key: FacetKey, value: string, label: string): string {
  switch (key) {
    case 'service':
      return `Structures qui proposent : ${label}`;
    case 'remplace':
      return `Alternatives libres à ${label}`;
    case 'region':
    case 'departement':
      return `Structures ${inPlace(key, value)}`;
    case 'taille':
      return `Structures qui ${sizeSentence(label)}`;
    case 'structure':
      return `Structures de type : ${label}`;
    case 'outil':
      return `Structures qui proposent ${label}`;
    case 'reseau':
      return `Membres du réseau ${label}`;
    case 'tarif':
      return `Structures au tarif : ${label}`;
  }
}

/** The introduction of a facet value's page: what the service, the tool or the network is. */
export function facetDescription(
  key: FacetKey,
  value: string,
  label: string,
  vocabularies: Pick<Vocabularies, 'services' | 'tools' | 'networks'>,
): string | undefined {
  switch (key) {
    case 'service':
      return vocabularies.services.find((s) => s.slug === value)?.description;
    case 'outil':
      return vocabularies.tools.find((t) => t.slug === value)?.description;
    case 'reseau':
      return vocabularies.networks.find((n) => n.slug === value)?.description;
    case 'remplace':
      return `Les logiciels libres qui remplacent ${label} : ${toolsReplacing(vocabularies.tools, value)
        .map((t) => t.label)
        .join(', ')}.`;
    default:
      return undefined;
  }
}

/** On a place's page, how the list is ordered, when providers working everywhere are on it. */
export function placeListOrder(key: FacetKey, value: string, nationalCount: number): string | undefined {
  if (!isPlace(key) || nationalCount === 0) return undefined;
  const everywhere =
    nationalCount > 1
      ? `les ${nationalCount} structures qui interviennent partout en France`
      : 'la structure qui intervient partout en France';
  return `Cette liste montre d’abord les structures installées ${inPlace(key, value)} ou qui y interviennent, puis ${everywhere}.`;
}
