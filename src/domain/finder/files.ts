/**
 * The files the guided finder reads in the browser, written at build time.
 * A visitor downloads at most three small files, never the whole directory:
 *
 * - `trouver/vocabulaire.json`: the slugs the candidates' lists point into;
 * - `trouver/departement/<code>.json`: providers located in or serving the
 *   département (asked only when the visitor gives one);
 * - `trouver/partout/<service>.json`: providers working everywhere or
 *   remotely that offer the service, or `partout/tous.json` (the most
 *   recommended of them) when no need is given.
 */
import type { ListedProvider } from '../directory/index.ts';
import type { FacetIndex } from '../directory/facets.ts';
import { inPlace, placeMatch } from '../directory/places.ts';
import { encodeCandidate, type EncodedCandidate, type FinderVocabulary, type PlaceMatch } from './index.ts';
import { departmentRegion, regionName } from '../../schemas/geography.ts';
import { frenchTypography } from '../text/format.ts';

/** Without a need, the list of providers working everywhere keeps only the most recommended. */
export const EVERYWHERE_WITHOUT_NEED = 300;

export interface DepartmentFile {
  /** « dans le Rhône ». */
  where: string;
  regionName: string;
  providers: EncodedCandidate[];
}

export interface EverywhereFile {
  providers: EncodedCandidate[];
}

export function finderVocabulary(index: FacetIndex): FinderVocabulary {
  const values = (key: 'service' | 'taille' | 'remplace') => index.facets.find((f) => f.key === key)!.values.map((v) => v.value);
  return { services: values('service'), sizes: values('taille'), replaces: values('remplace') };
}

function candidate(provider: ListedProvider, index: FacetIndex, place: PlaceMatch, vocabulary: FinderVocabulary): EncodedCandidate {
  const rated = provider.ratings.filter((r) => r.average !== null);
  return encodeCandidate(
    {
      id: provider.id,
      name: frenchTypography(provider.data.name),
      city: frenchTypography(provider.data.location.city),
      services: provider.data.services,
      sizes: provider.data.sizes,
      replaces: index.valuesOf.get(provider.id)!.remplace,
      recommendations: provider.recommendations.length,
      average: rated.length ? rated.reduce((sum, r) => sum + r.average!, 0) / rated.length : null,
      place,
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
  return { where: inPlace('departement', code), regionName: regionName(departmentRegion(code) ?? '') ?? '', providers: local };
}
