/**
 * robots.txt: everything may be indexed but the committee dashboard and the
 * CMS. Under a base path (a project site), hosts only read the robots.txt at
 * the root of the domain: this one then serves as a model to copy there.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, privateSections, routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';
import { siteHome } from '../site/open-data.ts';

export const GET: APIRoute = ({ site }) => {
  const body = [
    'User-agent: *',
    'Allow: /',
    ...privateSections.map((section) => `Disallow: ${href(section)}`),
    '',
    `Sitemap: ${absoluteUrl(siteHome(site), routes.sitemap())}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
