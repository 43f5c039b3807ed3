/** Projects to co-fund as JSON, with the field names of the funding.json manifest where they overlap. */
import type { APIRoute } from 'astro';
import { openDataFiles } from '../../site/open-data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response((await openDataFiles(site)).projectsJson, { headers: { 'content-type': 'application/json; charset=utf-8' } });
