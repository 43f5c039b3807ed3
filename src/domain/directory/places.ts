/**
 * The place rule: a provider counts for a département or a région when it is
 * located there or says it serves it (directly or through its région), and a
 * provider that works everywhere in France (`area.national`) counts for every
 * one of them. Working remotely is not counted as being there. Facet pages,
 * the map and the finder's files all follow it, and rank with place-rank.ts.
 */
import departmentsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import { departmentName, departmentRegion, regionName } from '../../schemas/geography.ts';
import type { Provider } from '../../schemas/provider.ts';
import { placeScore, placeSentence, type PlaceMatch } from './place-rank.ts';

export type { PlaceMatch };
export type PlaceKind = 'departement' | 'region';

export function regionsOfDepartments(codes: readonly string[]): string[] {
  return codes.map(departmentRegion).filter((r): r is string => !!r);
}

const liaisons = new Map<string, number>([
  ...(departmentsData as Array<{ code: string; typeLiaison: number }>).map((d) => [`d${d.code}`, d.typeLiaison] as [string, number]),
  ...(regionsData as Array<{ code: string; typeLiaison: number }>).map((r) => [`r${r.code}`, r.typeLiaison] as [string, number]),
]);

/**
 * « dans le Rhône », « en Isère », « dans les Landes », « dans l’Ain »,
 * « à Paris », « en Bretagne »: from INSEE's article type (TNCC).
 */
export function inPlace(kind: PlaceKind, code: string): string {
  const name = (kind === 'departement' ? departmentName(code) : regionName(code)) ?? code;
  const type = liaisons.get(`${kind === 'departement' ? 'd' : 'r'}${code}`) ?? 0;
  if (type === 2) return `dans le ${name}`;
  if (type === 4) return `dans les ${name}`;
  if (type === 5) return `dans l’${name}`;
  if (/^(La |Le |Les |Saint-|Paris$|Mayotte$|Wallis|Île de )/.test(name)) return `à ${name}`;
  return `en ${name}`;
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
  return providers
    .map((provider, order) => ({ provider, order, score: placeScore(matchFor(kind, provider.data, code)) }))
    .sort((a, b) => b.score - a.score || b.provider.recommendations.length - a.provider.recommendations.length || a.order - b.order)
    .map((x) => x.provider);
}
