/** Every département and région, its name and its article (« dans le Rhône (69) »), for the search and the finder (place-search.ts). */
import type { APIRoute } from 'astro';
import { getDirectoryPages } from '../../site/directory.ts';

export const GET: APIRoute = async () => {
  const { places } = await getDirectoryPages();
  return new Response(JSON.stringify(places), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
