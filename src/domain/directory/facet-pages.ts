/**
 * What the page of one facet value says (/annuaire/departement/69/,
 * /annuaire/remplace/google-drive/): its providers in order, why each is on
 * the list, its heading and its introduction.
 */
import type { ListedProvider } from './index.ts';
import { isPlaceFacet as isPlace, zoneValues, type FacetKey, type PlaceKind } from './facet-keys.ts';
import { sizeSentence } from '../finder/index.ts';
import { slugify } from '../text/normalise.ts';
import { explainPlace, groupForPlace, inPlace, placeCounts, placeWhere, rankForPlace } from './places.ts';
import { placeGroupHeading, placeSummary, type PlaceCounts, type PlaceGroup } from './place-rank.ts';
import { MAX_FACET_PAGES, PAGE_SIZE, paginate } from './pagination.ts';
import type { Vocabularies } from '../../schemas/taxonomies.ts';
import { AVAILABILITY_STALE_MONTHS } from '../staleness.ts';

/** The free software of the vocabulary that replaces a GAFAM service (`google-drive`). */
function toolsReplacing(tools: Vocabularies['tools'], replaced: string) {
  return tools.filter((t) => t.replaces.some((r) => slugify(r) === replaced));
}

/**
 * Providers the most recommended first; ties keep the given order (the
 * directory's, by name). The order of a facet value's list, and of the
 * search index, so that a search without words lists as the pages do.
 */
export function byRecommendations<T extends { recommendations: readonly unknown[] }>(providers: readonly T[]): T[] {
  return providers
    .map((provider, order) => ({ provider, order }))
    .sort((a, b) => b.provider.recommendations.length - a.provider.recommendations.length || a.order - b.order)
    .map((x) => x.provider);
}

/**
 * The providers of a facet value (its members), most relevant first: for a
 * place, those who are there before those who work everywhere (rankForPlace);
 * otherwise the most recommended. Ties keep the directory's order. A place's
 * page lists its remote-only providers too, apart (placePages); a frame of a
 * région lists its members only, those its number counts.
 */
export function facetProviders(key: FacetKey, value: string, providers: readonly ListedProvider[]): ListedProvider[] {
  return isPlace(key) ? rankForPlace(providers, key, value) : byRecommendations(providers);
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

const availabilityHeadings: Record<string, string> = {
  ouvert: 'Structures qui acceptent de nouvelles associations',
  'liste-attente': 'Structures qui ont une liste d’attente',
  complet: 'Structures complètes pour l’instant',
  'a-confirmer': 'Structures dont la disponibilité est à confirmer',
  'non-precisee': 'Structures qui n’ont pas précisé leur disponibilité',
};

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
    case 'zone':
      return value === zoneValues.national ? 'Structures qui interviennent partout en France' : 'Structures qui accompagnent à distance';
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
    case 'disponibilite':
      return availabilityHeadings[value] ?? `Disponibilité : ${label}`;
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
    case 'disponibilite':
      return value === 'a-confirmer'
        ? `Leur disponibilité a été indiquée il y a plus de ${AVAILABILITY_STALE_MONTHS} mois : elle a pu changer, demandez-la en les contactant.`
        : 'Chaque structure indique elle-même si elle accepte de nouvelles associations, et à quelle date.';
    default:
      return undefined;
  }
}

/**
 * Providers of the groups « partout en France » and « à distance » shown on
 * a place's page: they are the same for most places, and each has its own
 * page (/annuaire/zone/partout/, /annuaire/zone/distance/).
 */
export const PLACE_GROUP_PREVIEW = 12;

/** One group of a place's page: its heading, its providers on this page, and where the rest are. */
export interface PlacePageGroup {
  group: PlaceGroup;
  heading: string;
  providers: ListedProvider[];
  /** How many the group has in all. */
  total: number;
  /** The zone page that lists the whole group, when this page shows part of it. */
  more?: { value: string; text: string };
}

export interface PlacePage {
  current: number;
  total: number;
  groups: PlacePageGroup[];
}

/**
 * A place's pages: those on the spot, page after page (most relevant first,
 * at most MAX_FACET_PAGES pages), then, on the first page, those that work
 * everywhere and those that accompany remotely (the first PLACE_GROUP_PREVIEW
 * of each, with a link to the rest).
 */
export function placePages(
  kind: PlaceKind,
  code: string,
  providers: readonly ListedProvider[],
): { counts: PlaceCounts; summary: string; pages: PlacePage[] } {
  const where = placeWhere(kind, code);
  const groups = groupForPlace(providers, kind, code);
  const counts = placeCounts(providers, kind, code);
  const local = paginate(groups[0]!.providers, PAGE_SIZE, MAX_FACET_PAGES);
  const heading = (group: PlaceGroup, n: number) => placeGroupHeading(group, n, where);
  const pages = local.map((page) => ({
    current: page.current,
    total: page.total,
    groups: [
      { group: 'local' as const, heading: heading('local', counts.local), providers: page.items, total: counts.local },
      ...(page.current === 1
        ? groups.slice(1).map(({ group, providers: members }) => ({
            group,
            heading: heading(group, members.length),
            providers: members.slice(0, PLACE_GROUP_PREVIEW),
            total: members.length,
            ...(members.length > PLACE_GROUP_PREVIEW
              ? {
                  more: {
                    value: group === 'national' ? zoneValues.national : zoneValues.remote,
                    text: `Voir les ${members.length} structures`,
                  },
                }
              : {}),
          }))
        : []),
    ],
  }));
  return { counts, summary: placeSummary(counts, where), pages };
}
