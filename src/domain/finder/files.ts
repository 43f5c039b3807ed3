/**
 * The files the guided finder reads in the browser, written at build time.
 * A visitor downloads at most three small files, never the whole directory:
 *
 * - `trouver/vocabulaire.json`: the slugs the candidates' lists point into,
 *   and the words a card needs;
 * - `trouver/departement/<code>.json`: providers located in or serving the
 *   département (asked only when the visitor gives one);
 * - `trouver/partout/<service>.json`: providers working everywhere or
 *   remotely that offer the service, or `partout/tous.json` (the most
 *   recommended of them) when no need is given.
 *
 * With the places file of the search (`annuaire/lieux.json`), for the names
 * of départements. A département's file says its place's counts, the very
 * sentence of its page (place-rank.ts).
 */
import type { ListedProvider } from '../directory/index.ts';
import type { FacetIndex, FacetKey } from '../directory/facets.ts';
import { inPlace, placeCounts, placeMatch, placeWhere } from '../directory/places.ts';
import type { PlaceCounts } from '../directory/place-rank.ts';
import { encodeCandidate, type EncodedCandidate, type FinderVocabulary, type PlaceMatch } from './index.ts';
import { departmentRegion, regionName } from '../../schemas/geography.ts';
import { frenchTypography } from '../text/format.ts';

/** Without a need, the list of providers working everywhere keeps only the most recommended. */
export const EVERYWHERE_WITHOUT_NEED = 300;

export interface DepartmentFile {
  /** « dans le Rhône ». */
  where: string;
  regionName: string;
  /** The place's groups, for the sentence its page says: « dans le Rhône (69) », and its counts. */
  place: { where: string; counts: PlaceCounts };
  providers: EncodedCandidate[];
}

export interface EverywhereFile {
  providers: EncodedCandidate[];
}

export function finderVocabulary(index: FacetIndex): FinderVocabulary {
  const facet = (key: FacetKey) => index.facets.find((f) => f.key === key)!;
  const values = (key: FacetKey) => facet(key).values.map((v) => v.value);
  const labels = (key: FacetKey) => Object.fromEntries(facet(key).values.map((v) => [v.value, v.label]));
  return {
    services: values('service'),
    sizes: values('taille'),
    replaces: values('remplace'),
    structures: values('structure'),
    networks: values('reseau'),
    pricing: values('tarif'),
    labels: {
      service: labels('service'),
      structure: labels('structure'),
      reseau: labels('reseau'),
      tarif: labels('tarif'),
      disponibilite: labels('disponibilite'),
    },
  };
}

function candidate(provider: ListedProvider, index: FacetIndex, place: PlaceMatch, vocabulary: FinderVocabulary): EncodedCandidate {
  const rated = provider.ratings.filter((r) => r.average !== null);
  const { data } = provider;
  return encodeCandidate(
    {
      id: provider.id,
      name: frenchTypography(data.name),
      city: frenchTypography(data.location.city),
      department: data.location.department,
      structure: data.structure,
      national: data.area.national,
      remote: data.area.remote,
      services: data.services,
      sizes: data.sizes,
      replaces: index.valuesOf.get(provider.id)!.remplace,
      networks: data.networks,
      recommendations: provider.recommendations.length,
      average: rated.length ? rated.reduce((sum, r) => sum + r.average!, 0) / rated.length : null,
      pricing: { model: data.pricing.model, from_eur: data.pricing.from_eur },
      place,
      availability: provider.availability,
    },
    vocabulary,
  );
}

const worksEverywhere = (p: ListedProvider) => p.data.area.national || p.data.area.remote;
const everywherePlace = (p: ListedProvider): PlaceMatch => (p.data.area.national ? 'national' : 'remote');

/** Providers working everywhere or remotely; for one service, or the most recommended when `service` is undefined. */
export function everywhereFile(providers: readonly ListedProvider[], index: FacetIndex, service?: string): EverywhereFile {
  const vocabulary = finderVocabulary(index);
  let list = providers.filter(worksEverywhere);
  if (service) list = list.filter((p) => p.data.services.includes(service));
  else list = [...list].sort((a, b) => b.recommendations.length - a.recommendations.length).slice(0, EVERYWHERE_WITHOUT_NEED);
  return { providers: list.map((p) => candidate(p, index, everywherePlace(p), vocabulary)) };
}

export function departmentFile(code: string, providers: readonly ListedProvider[], index: FacetIndex): DepartmentFile {
  const vocabulary = finderVocabulary(index);
  const local: EncodedCandidate[] = [];
  for (const p of providers) {
    const match = placeMatch(p.data, code);
    if (match === 'located' || match === 'served' || match === 'region-served') local.push(candidate(p, index, match, vocabulary));
  }
  return {
    where: inPlace('departement', code),
    regionName: regionName(departmentRegion(code) ?? '') ?? '',
    place: { where: placeWhere('departement', code), counts: placeCounts(providers, 'departement', code) },
    providers: local,
  };
}
