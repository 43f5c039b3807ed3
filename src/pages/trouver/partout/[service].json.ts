/** The finder's candidates that work everywhere in France or remotely, per service (`tous`: without a need). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDirectoryPages } from '../../../site/directory.ts';
import { everywhereFile } from '../../../domain/finder/files.ts';

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
