/**
 * /admin/config.yml: the Decap configuration, derived at build (and on each
 * request of `astro dev`) from the schemas, the taxonomies of the content
 * folder and the CMS_* environment variables (see docs/cms.md).
 */
import path from 'node:path';
import type { APIRoute } from 'astro';
import { contentDir } from '../../check/index.ts';
import { cmsConfigYaml } from '../../cms/config.ts';
import { getSiteData } from '../../site/data.ts';
import { CONTENT_FOLDER } from '../../schemas/index.ts';

/** The content folder as the repository sees it; `content` when it lies outside. */
function contentFolder(): string {
  if (process.env.CMS_CONTENT_FOLDER) return process.env.CMS_CONTENT_FOLDER;
  const relative = path.relative(process.cwd(), path.resolve(contentDir())).split(path.sep).join('/');
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : CONTENT_FOLDER;
}

export const GET: APIRoute = async () => {
  const { taxonomies, settings } = await getSiteData();
  const yaml = cmsConfigYaml({ taxonomies, settings, env: process.env, dev: import.meta.env.DEV, contentFolder: contentFolder() });
  return new Response(yaml, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
};
