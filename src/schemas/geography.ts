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

let postcodeIndex: Promise<PostcodeIndex> | undefined;

/**
 * The communes file is large (8 MB): it is read once, when a check needs it,
 * never by pages.
 */
export function loadPostcodeIndex(): Promise<PostcodeIndex> {
  postcodeIndex ??= import('./postcodes.ts').then(async ({ postcodeEntries }) => {
    const index = await postcodeEntries();
    const none: ReadonlySet<string> = new Set();
    return (postcode: string) => index.get(postcode) ?? none;
  });
  return postcodeIndex;
}
