/**
 * The place rule (places.ts) as the search applies it. Light on purpose (no
 * geography): the build writes each provider's place filters with it, and
 * the browser plans its searches with it, from the small places file the
 * build writes (`annuaire/lieux.json`).
 *
 * Search filters are cut by région: a provider gets values only under the
 * key of each région where it is (`lieu84: s69 38 toute`), so a search for
 * the Rhône loads the filter of Auvergne-Rhône-Alpes alone, a few kilobytes
 * even with thousands of providers. Providers that work everywhere or
 * remotely are not listed under every place: they carry the `zone` filter
 * (`partout`, `distance`), one value each.
 */
import { zoneValues, type PlaceKind } from './facet-keys.ts';
import { placeGroupOf, type PlaceGroup, type PlaceMatch } from './place-rank.ts';

/** The search filter of a région's places: `lieu84`. */
export function placeFilterKey(region: string): string {
  return `lieu${region}`;
}

/** Value of the département where a provider is located: `s69`. */
const located = (department: string) => `s${department}`;
/** Value of a provider that serves a whole région. */
export const WHOLE_REGION = 'toute';

/** What the place rule reads in a provider. */
export interface PlaceFacts {
  /** Where it is located. */
  department: string;
  /** Départements and régions it says it serves on the spot. */
  departments: readonly string[];
  regions: readonly string[];
}

/**
 * The place filters of a provider: its département (`s69`), the départements
 * it serves (`38`) and the régions it serves whole (`toute`), each under its
 * région's key.
 */
export function placeFilterValues(facts: PlaceFacts, regionOf: (department: string) => string | undefined): Record<string, string[]> {
  const values = new Map<string, Set<string>>();
  const add = (region: string | undefined, value: string) => {
    if (!region) return;
    const key = placeFilterKey(region);
    if (!values.has(key)) values.set(key, new Set());
    values.get(key)!.add(value);
  };
  add(regionOf(facts.department), located(facts.department));
  for (const d of facts.departments) if (d !== facts.department) add(regionOf(d), d);
  for (const r of facts.regions) add(r, WHOLE_REGION);
  return Object.fromEntries([...values].map(([key, set]) => [key, [...set].sort()]));
}

/** A search filter as Pagefind reads it: every key must match, a value or any of several. */
export type SearchFilter = Record<string, string | { any: string[] }>;

/** One search of a place's plan: its results, not found by an earlier step, reach the place this way. */
export interface PlanStep {
  match: PlaceMatch;
  group: PlaceGroup;
  filter: SearchFilter;
}

/** What the plan needs to know of the geography. */
export interface PlanGeography {
  regionOf(department: string): string | undefined;
  departmentsOf(region: string): string[];
}

/**
 * The searches that list a place's providers, closest first, in the order of
 * the place rule (places.ts: `placeMatch`, `regionMatch`). A provider belongs
 * to the first step that finds it.
 */
export function placeSearchPlan(kind: PlaceKind, code: string, geography: PlanGeography): PlanStep[] {
  const step = (match: PlaceMatch, filter: SearchFilter): PlanStep => ({ match, group: placeGroupOf(match)!, filter });
  const everywhere = [step('national', { zone: zoneValues.national }), step('remote', { zone: zoneValues.remote })];
  if (kind === 'departement') {
    const region = geography.regionOf(code);
    if (!region) return everywhere;
    const key = placeFilterKey(region);
    return [
      step('located', { [key]: located(code) }),
      step('served', { [key]: code }),
      step('region-served', { [key]: WHOLE_REGION }),
      ...everywhere,
    ];
  }
  const key = placeFilterKey(code);
  const departments = geography.departmentsOf(code);
  return [
    step('located', { [key]: { any: departments.map(located) } }),
    step('served', { [key]: { any: [...departments, WHOLE_REGION] } }),
    ...everywhere,
  ];
}

// ——— The places file (`annuaire/lieux.json`) ———

/**
 * « dans le Rhône », « en Isère », « dans les Landes », « dans l’Ain »,
 * « à Paris », « en Bretagne »: from INSEE's article type (TNCC), `liaison`.
 */
export function inPlaceWords(name: string, liaison: number): string {
  if (liaison === 2) return `dans le ${name}`;
  if (liaison === 4) return `dans les ${name}`;
  if (liaison === 5) return `dans l’${name}`;
  if (/^(La |Le |Les |Saint-|Paris$|Mayotte$|Wallis|Île de )/.test(name)) return `à ${name}`;
  return `en ${name}`;
}

/** « dans le Rhône (69) », « en Bretagne »: a place as its summary and its groups name it. */
export function wherePhrase(kind: PlaceKind, code: string, name: string, liaison: number): string {
  const words = inPlaceWords(name, liaison);
  return kind === 'departement' ? `${words} (${code})` : words;
}

/** A département: code, name, région, article type. */
export type DepartmentEntry = [code: string, name: string, region: string, liaison: number];
/** A région: code, name, article type. */
export type RegionEntry = [code: string, name: string, liaison: number];

export interface PlacesFile {
  departments: DepartmentEntry[];
  regions: RegionEntry[];
}

export interface Place {
  kind: PlaceKind;
  code: string;
  name: string;
  /** « dans le Rhône (69) », « en Bretagne ». */
  where: string;
  /** The région of a département (its own code for a région). */
  region: string;
}

/** The places file, read: places by code, and the geography the plan needs. */
export interface Places extends PlanGeography {
  place(kind: PlaceKind, code: string): Place | undefined;
  all(kind: PlaceKind): Place[];
}

export function readPlaces(file: PlacesFile): Places {
  const departments = new Map<string, Place>();
  const regions = new Map<string, Place>();
  for (const [code, name, region, liaison] of file.departments)
    departments.set(code, { kind: 'departement', code, name, region, where: wherePhrase('departement', code, name, liaison) });
  for (const [code, name, liaison] of file.regions)
    regions.set(code, { kind: 'region', code, name, region: code, where: wherePhrase('region', code, name, liaison) });
  return {
    place: (kind, code) => (kind === 'departement' ? departments : regions).get(code),
    all: (kind) => [...(kind === 'departement' ? departments : regions).values()],
    regionOf: (department) => departments.get(department)?.region,
    departmentsOf: (region) => [...departments.values()].filter((d) => d.region === region).map((d) => d.code),
  };
}
