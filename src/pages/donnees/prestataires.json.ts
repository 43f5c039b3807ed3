/** The published directory as JSON: published providers and their verified recommendations only. */
import type { APIRoute } from 'astro';
import { openDataFiles } from '../../site/open-data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response((await openDataFiles(site)).providersJson, { headers: { 'content-type': 'application/json; charset=utf-8' } });
