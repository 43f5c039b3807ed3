/** The published directory as JSON: published providers and their verified recommendations only. */
import type { APIRoute } from 'astro';
import { exportProviders } from '../../domain/exports.ts';
import { exportContext } from '../../lib/open-data.ts';
import { getSiteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { directory } = await getSiteData();
  const body = JSON.stringify(exportProviders(directory, await exportContext(site)), null, 2);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
