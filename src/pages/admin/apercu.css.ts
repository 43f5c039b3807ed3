/**
 * /admin/apercu.css: the site's stylesheet as the build produces it, for the
 * CMS previews (pages inline their styles, so there is no file to point at).
 */
import type { APIRoute } from 'astro';
import css from '../../styles/global.css?inline';

export const GET: APIRoute = () => new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
