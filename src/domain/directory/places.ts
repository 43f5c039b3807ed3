/**
 * The place rule: how a provider reaches a département or a région — located
 * there, saying it serves it (directly or through its whole région), working
 * everywhere in France (`area.national`), or only remotely — and so in which
 * group of the place's list it is, and whether it counts in the place's
 * number (place-rank.ts says the rule in words). Facet pages, the map, the
 * finder's files, the search's filters and its places file all follow it.
 */
import departmentsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import { departmentName, departmentRegion, departments, regionName, regions } from '../../schemas/geography.ts';
import type { Provider } from '../../schemas/provider.ts';
import type { PlaceKind } from './facet-keys.ts';
import {
  emptyPlaceCounts,
  placeGroupOf,
  placeGroups,
  placeScore,
  placeSentence,
  type PlaceCounts,
  type PlaceGroup,
  type PlaceMatch,
} from './place-rank.ts';
import { inPlaceWords, placeFilterValues, wherePhrase, type PlacesFile } from './place-search.ts';

export type { PlaceMatch, PlaceKind };

export function regionsOfDepartments(codes: readonly string[]): string[] {
  return codes.map(departmentRegion).filter((r): r is string => !!r);
}

const liaisons = new Map<string, number>([
  ...(departmentsData as Array<{ code: string; typeLiaison: number }>).map((d) => [`d${d.code}`, d.typeLiaison] as [string, number]),
  ...(regionsData as Array<{ code: string; typeLiaison: number }>).map((r) => [`r${r.code}`, r.typeLiaison] as [string, number]),
]);

/** « dans le Rhône », « en Isère », « dans les Landes », « dans l’Ain », « à Paris », « en Bretagne ». */
export function inPlace(kind: PlaceKind, code: string): string {
  const name = (kind === 'departement' ? departmentName(code) : regionName(code)) ?? code;
  return inPlaceWords(name, liaisonOf(kind, code));
}

function liaisonOf(kind: PlaceKind, code: string): number {
  return liaisons.get(`${kind === 'departement' ? 'd' : 'r'}${code}`) ?? 0;
}

/** « dans le Rhône (69) », « en Bretagne »: a place as its summary and its groups name it. */
export function placeWhere(kind: PlaceKind, code: string): string {
  return wherePhrase(kind, code, (kind === 'departement' ? departmentName(code) : regionName(code)) ?? code, liaisonOf(kind, code));
}

/** How a provider reaches a département. */
export function placeMatch(provider: Provider, department: string): PlaceMatch {
  if (provider.location.department === department) return 'located';
  if (provider.area.departments.includes(department)) return 'served';
  const region = departmentRegion(department);
  if (region && provider.area.regions.includes(region)) return 'region-served';
  if (provider.area.national) return 'national';
  if (provider.area.remote) return 'remote';
  return 'none';
}

/** How a provider reaches a région (same rule, at région level). */
export function regionMatch(provider: Provider, region: string): PlaceMatch {
  if (departmentRegion(provider.location.department) === region) return 'located';
  if (provider.area.regions.includes(region)) return 'served';
  if (regionsOfDepartments(provider.area.departments).includes(region)) return 'served';
  if (provider.area.national) return 'national';
  if (provider.area.remote) return 'remote';
  return 'none';
}

export function matchFor(kind: PlaceKind, provider: Provider, code: string): PlaceMatch {
  return kind === 'departement' ? placeMatch(provider, code) : regionMatch(provider, code);
}

/** The sentence that says why a provider appears for a place. */
export function explainPlace(provider: Provider, kind: PlaceKind, code: string): string {
  return placeSentence(matchFor(kind, provider, code), {
    city: provider.location.city,
    cityDetail: kind === 'region' ? departmentName(provider.location.department) : undefined,
    where: inPlace(kind, code),
    regionName: regionName(departmentRegion(code) ?? ''),
  });
}

/**
 * The providers listed for a place, those who are there first, then the
 * most recommended; ties keep the given order (the directory's, by name).
 */
export function rankForPlace<T extends { data: Provider; recommendations: readonly unknown[] }>(
  providers: readonly T[],
  kind: PlaceKind,
  code: string,
): T[] {
  return ranked(providers, kind, code).map((x) => x.provider);
}

function ranked<T extends { data: Provider; recommendations: readonly unknown[] }>(providers: readonly T[], kind: PlaceKind, code: string) {
  return providers
    .map((provider, order) => {
      const match = matchFor(kind, provider.data, code);
      return { provider, order, match, score: placeScore(match) };
    })
    .sort((a, b) => b.score - a.score || b.provider.recommendations.length - a.provider.recommendations.length || a.order - b.order);
}

/**
 * How many providers of each group a place has (place-rank.ts: which count
 * in its number). Kept per list: a build asks for each place several times.
 */
const countsCache = new WeakMap<object, Map<string, PlaceCounts>>();

export function placeCounts(providers: ReadonlyArray<{ data: Provider }>, kind: PlaceKind, code: string): PlaceCounts {
  let known = countsCache.get(providers);
  if (!known) countsCache.set(providers, (known = new Map()));
  const key = `${kind}/${code}`;
  const cached = known.get(key);
  if (cached) return { ...cached };
  const counts = emptyPlaceCounts();
  for (const p of providers) {
    const group = placeGroupOf(matchFor(kind, p.data, code));
    if (group) counts[group]++;
  }
  known.set(key, counts);
  return { ...counts };
}

/** A place's list, in groups (on the spot, everywhere, remotely), each ranked by rankForPlace. Empty groups are kept. */
export function groupForPlace<T extends { data: Provider; recommendations: readonly unknown[] }>(
  providers: readonly T[],
  kind: PlaceKind,
  code: string,
): Array<{ group: PlaceGroup; providers: T[] }> {
  const list = ranked(providers, kind, code);
  return placeGroups.map((group) => ({ group, providers: list.filter((x) => placeGroupOf(x.match) === group).map((x) => x.provider) }));
}

/** The search filters of a provider's places (place-search.ts says how they are cut). */
export function providerPlaceFilters(provider: Provider): Record<string, string[]> {
  return placeFilterValues(
    { department: provider.location.department, departments: provider.area.departments, regions: provider.area.regions },
    departmentRegion,
  );
}

/** The places file of the search and the finder (`annuaire/lieux.json`): every place, its name and its article. */
export function placesFile(): PlacesFile {
  return {
    departments: departments.map((d) => [d.code, d.name, d.region, liaisonOf('departement', d.code)]),
    regions: regions.map((r) => [r.code, r.name, liaisonOf('region', r.code)]),
  };
}
