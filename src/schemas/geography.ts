/**
 * Official INSEE codes of régions, départements and postcodes, read from
 * `@etalab/decoupage-administratif` so that no code is ever typed by hand
 * (through src/schemas/insee/, which `npm run docs` writes from it,
 * small enough for the browser).
 */
import { DEPARTMENT_CODES, REGION_CODES } from './insee/codes.ts';
import { DEPARTMENT_NAMES, DEPARTMENT_REGIONS, REGION_NAMES } from './insee/names.ts';

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

/** In INSEE order (« 01 » … « 2A » … « 976 »). */
export const regions: readonly Region[] = REGION_CODES.map((code, i) => ({ code, name: REGION_NAMES[i]! }));
export const departments: readonly Department[] = DEPARTMENT_CODES.map((code, i) => ({
  code,
  name: DEPARTMENT_NAMES[i]!,
  region: DEPARTMENT_REGIONS[i]!,
}));

export const regionCodes = REGION_CODES as [string, ...string[]];
export const departmentCodes = DEPARTMENT_CODES as [string, ...string[]];

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
