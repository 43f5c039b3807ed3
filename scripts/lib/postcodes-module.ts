/** The text of src/schemas/postcodes.data.ts, from the INSEE data (see src/schemas/postcodes.ts). */
import { encodePostcodes, postcodeEntries } from '../../src/schemas/postcodes.ts';

export const POSTCODES_FILE = 'src/schemas/postcodes.data.ts';

export async function postcodesModule(): Promise<string> {
  return [
    '// Written by `npm run docs` from @etalab/decoupage-administratif: do not edit (see postcodes.ts).',
    `export const POSTCODES = '${encodePostcodes(await postcodeEntries())}';`,
    '',
  ].join('\n');
}
