/**
 * The places whose name starts with three letters, for the search to understand « Lyon » or « Rhône »
 * (domain/directory/communes.ts), for the development server. A build writes these files from one bundle
 * instead (src/pages/annuaire/communes.json.ts, src/integrations/data-files.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { communesByPrefix } from '../../../site/communes.ts';

export const getStaticPaths: GetStaticPaths = () =>
  import.meta.env.DEV ? [...communesByPrefix.keys()].map((prefix) => ({ params: { prefix } })) : [];

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(communesByPrefix.get(params.prefix!) ?? {}), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
