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
