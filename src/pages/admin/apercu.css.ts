/**
 * /admin/apercu.css: the site's stylesheets as the build produces them, for
 * the CMS previews (pages inline their styles, so there is no file to point
 * at): the site's own, and those of the pages the previews show.
 */
import type { APIRoute } from 'astro';
import site from '../../styles/global.css?inline';
import profile from '../../styles/profile.css?inline';
import project from '../../styles/project.css?inline';
import funding from '../../styles/funding.css?inline';

export const GET: APIRoute = () =>
  new Response([site, profile, project, funding].join('\n'), { headers: { 'content-type': 'text/css; charset=utf-8' } });
