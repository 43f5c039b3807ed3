/**
 * The INSEE data the browser reads, written small by `npm run docs`:
 * src/schemas/postcodes.data.ts (see src/schemas/postcodes.ts) and
 * src/schemas/geography.data.ts (the codes and names of régions and
 * départements, without the rest of the official files).
 */
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import departmentsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import { encodePostcodes, postcodeEntries } from '../../src/schemas/postcodes.ts';

export const POSTCODES_FILE = 'src/schemas/postcodes.data.ts';
export const GEOGRAPHY_FILE = 'src/schemas/geography.data.ts';
export const GEOGRAPHY_NAMES_FILE = 'src/schemas/geography-names.data.ts';

const HEADER = '// Written by `npm run docs` from @etalab/decoupage-administratif: do not edit.';

export async function postcodesModule(): Promise<string> {
  return [HEADER, '// See postcodes.ts.', `export const POSTCODES = '${encodePostcodes(await postcodeEntries())}';`, ''].join('\n');
}

/**
 * Codes apart from names (two modules), in INSEE order, so that a browser
 * that checks codes (the schemas' lists) does not carry the names.
 */
function geography() {
  const byCode = <T extends { code: string }>(list: T[]) => [...list].sort((a, b) => a.code.localeCompare(b.code));
  return {
    regions: byCode(regionsData as Array<{ code: string; nom: string }>),
    departments: byCode(departmentsData as Array<{ code: string; nom: string; region: string }>),
  };
}
const list = (name: string, values: string[]) => `export const ${name}: readonly string[] = ${JSON.stringify(values)};`;

export function geographyModule(): string {
  const { regions, departments } = geography();
  return [
    HEADER,
    '// The codes, read by the schemas (fields.ts) and geography.ts; the names are in geography-names.data.ts, in the same order.',
    list(
      'REGION_CODES',
      regions.map((r) => r.code),
    ),
    list(
      'DEPARTMENT_CODES',
      departments.map((d) => d.code),
    ),
    '',
  ].join('\n');
}

export function geographyNamesModule(): string {
  const { regions, departments } = geography();
  return [
    HEADER,
    '// The names of the codes of geography.data.ts, in the same order, and the région of each département. Read by geography.ts.',
    list(
      'REGION_NAMES',
      regions.map((r) => r.nom),
    ),
    list(
      'DEPARTMENT_NAMES',
      departments.map((d) => d.nom),
    ),
    list(
      'DEPARTMENT_REGIONS',
      departments.map((d) => d.region),
    ),
    '',
  ].join('\n');
}
