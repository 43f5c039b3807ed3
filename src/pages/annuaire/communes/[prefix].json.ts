/** The places whose name starts with three letters, for the search to understand « Lyon » or « Rhône » (domain/directory/communes.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { communeFiles, type CommuneRecord } from '../../../domain/directory/communes.ts';
import { departments, regions } from '../../../schemas/geography.ts';

const files = communeFiles(communes as CommuneRecord[], [
  ...departments.map((d) => ({ kind: 'd' as const, code: d.code, name: d.name })),
  ...regions.map((r) => ({ kind: 'r' as const, code: r.code, name: r.name })),
]);

export const getStaticPaths: GetStaticPaths = () => [...files.keys()].map((prefix) => ({ params: { prefix } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(files.get(params.prefix!) ?? {}), { headers: { 'content-type': 'application/json; charset=utf-8' } });
