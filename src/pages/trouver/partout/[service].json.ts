/** The finder's candidates that work everywhere in France or remotely, per service (`tous`: without a need). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDirectoryPages } from '../../../lib/directory-pages.ts';
import { everywhereFile } from '../../../lib/finder-data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { facet } = await getDirectoryPages();
  return [{ params: { service: 'tous' } }, ...facet('service').values.map((v) => ({ params: { service: v.value } }))];
};

export const GET: APIRoute = async ({ params }) => {
  const { directory, index } = await getDirectoryPages();
  const service = params.service === 'tous' ? undefined : params.service;
  return new Response(JSON.stringify(everywhereFile(directory.providers, index, service)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
