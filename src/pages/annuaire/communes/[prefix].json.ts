/** The communes whose name starts with three letters, for the search to understand « Lyon » (domain/directory/communes.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { communeFiles, type CommuneRecord } from '../../../domain/directory/communes.ts';

const files = communeFiles(communes as CommuneRecord[]);

export const getStaticPaths: GetStaticPaths = () => [...files.keys()].map((prefix) => ({ params: { prefix } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(files.get(params.prefix!) ?? {}), { headers: { 'content-type': 'application/json; charset=utf-8' } });
