/** Projects to co-fund as JSON, with the field names of the funding.json manifest where they overlap. */
import type { APIRoute } from 'astro';
import { exportProjects } from '../../domain/exports.ts';
import { exportContext } from '../../lib/open-data.ts';
import { getSiteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { directory } = await getSiteData();
  const body = JSON.stringify(exportProjects(directory, await exportContext(site)), null, 2);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
