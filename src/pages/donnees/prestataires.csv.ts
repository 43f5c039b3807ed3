/** The published directory as CSV, one row per provider with its computed figures. */
import type { APIRoute } from 'astro';
import { openDataFiles } from '../../site/open-data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response((await openDataFiles(site)).providersCsv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
