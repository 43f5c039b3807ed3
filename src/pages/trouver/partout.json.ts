/** The finder's candidates that work everywhere in France or remotely. */
import type { APIRoute } from 'astro';
import { getDirectoryPages } from '../../lib/directory-pages.ts';
import { everywhereFile } from '../../lib/finder-data.ts';

export const GET: APIRoute = async () => {
  const { directory, index } = await getDirectoryPages();
  return new Response(JSON.stringify(everywhereFile(directory.providers, index)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
