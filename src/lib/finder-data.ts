/**
 * The files the guided finder reads in the browser, written at build time:
 * one for the providers that work everywhere or remotely, and one per
 * département for those located there or serving it. A visitor downloads
 * two small files, never the whole directory.
 */
import type { ListedProvider } from '../domain/directory.ts';
import { inPlace, placeMatch, type FacetIndex } from '../domain/facets.ts';
import { encodeCandidate, type EncodedCandidate, type PlaceMatch } from '../domain/finder.ts';
import { departmentRegion, regionName } from '../schemas/geography.ts';
import { frenchTypography } from './typography.ts';

export interface DepartmentFile {
  /** « dans le Rhône ». */
  where: string;
  regionName: string;
  providers: EncodedCandidate[];
}

export interface EverywhereFile {
  providers: EncodedCandidate[];
}

function candidate(provider: ListedProvider, index: FacetIndex, place: PlaceMatch): EncodedCandidate {
  const rated = provider.ratings.filter((r) => r.average !== null);
  const values = index.valuesOf.get(provider.id)!;
  return encodeCandidate({
    id: provider.id,
    name: frenchTypography(provider.data.name),
    city: frenchTypography(provider.data.location.city),
    services: provider.data.services,
    sizes: provider.data.sizes,
    replaces: values.remplace,
    recommendations: provider.recommendations.length,
    average: rated.length ? rated.reduce((sum, r) => sum + r.average!, 0) / rated.length : null,
    place,
  });
}

export function everywhereFile(providers: readonly ListedProvider[], index: FacetIndex): EverywhereFile {
  return {
    providers: providers
      .filter((p) => p.data.area.national || p.data.area.remote)
      .map((p) => candidate(p, index, p.data.area.national ? 'national' : 'remote')),
  };
}

export function departmentFile(code: string, providers: readonly ListedProvider[], index: FacetIndex): DepartmentFile {
  const local: EncodedCandidate[] = [];
  for (const p of providers) {
    const match = placeMatch(p.data, code);
    if (match === 'located' || match === 'served' || match === 'region-served') local.push(candidate(p, index, match));
  }
  return { where: inPlace('departement', code), regionName: regionName(departmentRegion(code) ?? '') ?? '', providers: local };
}
