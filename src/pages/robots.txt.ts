/**
 * robots.txt: everything may be indexed but the committee dashboard and the
 * CMS. Under a base path (a project site), hosts only read the robots.txt at
 * the root of the domain: this one then serves as a model to copy there.
 */
import type { APIRoute } from 'astro';
import { openDataPaths, siteHome } from '../lib/open-data.ts';

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const body = [
    'User-agent: *',
    'Allow: /',
    `Disallow: ${base}comite/`,
    `Disallow: ${base}admin/`,
    '',
    `Sitemap: ${new URL(openDataPaths.sitemap, siteHome(site)).href}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
