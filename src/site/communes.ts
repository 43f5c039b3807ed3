/** The communes' files of the search (domain/directory/communes.ts), by three-letter prefix, computed once per build. */
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { communeFiles, type CommuneRecord } from '../domain/directory/communes.ts';
import { departments, regions } from '../schemas/geography.ts';

export const communesByPrefix = communeFiles(communes as CommuneRecord[], [
  ...departments.map((d) => ({ kind: 'd' as const, code: d.code, name: d.name })),
  ...regions.map((r) => ({ kind: 'r' as const, code: r.code, name: r.name })),
]);
