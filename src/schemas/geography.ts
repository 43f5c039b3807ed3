/**
 * Official INSEE codes of régions, départements and postcodes, read from
 * `@etalab/decoupage-administratif` so that no code is ever typed by hand.
 */
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import departmentsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };

/** Where INSEE publishes the official list of régions and départements (Code officiel géographique). */
export const INSEE_COG_URL = 'https://www.insee.fr/fr/information/2560452';

export interface Region {
  code: string;
  name: string;
}
export interface Department {
  code: string;
  name: string;
  region: string;
}

export const regions: readonly Region[] = (regionsData as Array<{ code: string; nom: string }>)
  .map((r) => ({ code: r.code, name: r.nom }))
  .sort((a, b) => a.code.localeCompare(b.code));

export const departments: readonly Department[] = (departmentsData as Array<{ code: string; nom: string; region: string }>)
  .map((d) => ({ code: d.code, name: d.nom, region: d.region }))
  .sort((a, b) => a.code.localeCompare(b.code));

export const regionCodes = regions.map((r) => r.code) as [string, ...string[]];
export const departmentCodes = departments.map((d) => d.code) as [string, ...string[]];

const regionByCode = new Map(regions.map((r) => [r.code, r]));
const departmentByCode = new Map(departments.map((d) => [d.code, d]));

export function regionName(code: string): string | undefined {
  return regionByCode.get(code)?.name;
}
export function departmentName(code: string): string | undefined {
  return departmentByCode.get(code)?.name;
}
export function departmentRegion(code: string): string | undefined {
  return departmentByCode.get(code)?.region;
}

/** Tells the départements a postcode is used in. */
export type PostcodeIndex = (postcode: string) => ReadonlySet<string>;

/** A commune of the INSEE file, as far as postcodes go. */
export interface CommunePostcodes {
  departement?: string;
  codesPostaux?: string[];
}

/**
 * Postcode → the départements of the communes that use it. The communes file
 * is large (8 MB): the check reads it once, when a provider's postcode must be
 * checked, and keeps this index; pages never read it.
 */
export function postcodeDepartments(communes: readonly CommunePostcodes[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const commune of communes) {
    if (!commune.departement) continue;
    for (const cp of commune.codesPostaux ?? []) {
      const list = index.get(cp);
      if (!list) index.set(cp, [commune.departement]);
      else if (!list.includes(commune.departement)) list.push(commune.departement);
    }
  }
  return index;
}
