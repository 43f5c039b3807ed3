/** The published directory as CSV, one row per provider with its computed figures. */
import type { APIRoute } from 'astro';
import { exportProviders, providersCsv } from '../../domain/exports.ts';
import { exportContext } from '../../lib/open-data.ts';
import { getSiteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { directory, taxonomies } = await getSiteData();
  const { providers } = exportProviders(directory, await exportContext(site));
  return new Response(providersCsv(providers, taxonomies.criteria), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
