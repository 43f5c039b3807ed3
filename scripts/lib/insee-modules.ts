/**
 * The INSEE data the browser reads, written small by `npm run docs` into
 * src/schemas/insee/: the codes of régions and départements (codes.ts), their
 * names (names.ts), and the postcodes, a tenth of them per file by their first
 * digit (postcodes-0.ts … postcodes-9.ts, see src/schemas/postcodes.ts).
 */
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import departmentsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import { encodePostcodes } from '../../src/schemas/postcodes.ts';
import { postcodeDepartments, type CommunePostcodes } from '../../src/schemas/geography.ts';

export const GEOGRAPHY_FILE = 'src/schemas/insee/codes.ts';
export const GEOGRAPHY_NAMES_FILE = 'src/schemas/insee/names.ts';
export const postcodesFile = (digit: number) => `src/schemas/insee/postcodes-${digit}.ts`;

/** Every postcode of the communes file with its départements, as the check reads them. */
export async function postcodeEntries(): Promise<Map<string, string[]>> {
  const { default: communes } = await import('@etalab/decoupage-administratif/data/communes.json', { with: { type: 'json' } });
  return postcodeDepartments(communes as CommunePostcodes[]);
}

const HEADER = '// Written by `npm run docs` from @etalab/decoupage-administratif: do not edit.';

/** The ten postcode files, by first digit: [file, text]. */
export async function postcodesModules(): Promise<Array<[string, string]>> {
  const entries = [...(await postcodeEntries())];
  return Array.from({ length: 10 }, (_, digit) => [
    postcodesFile(digit),
    [
      HEADER,
      `// The postcodes that begin with ${digit} (see ../postcodes.ts).`,
      `export const POSTCODES = '${encodePostcodes(entries.filter(([code]) => code.startsWith(String(digit))))}';`,
      '',
    ].join('\n'),
  ]);
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
