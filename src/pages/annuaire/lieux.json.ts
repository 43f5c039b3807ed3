/** Every département and région, its words (« dans le Rhône (69) ») and its counts, for the search and the finder (place-search.ts). */
import type { APIRoute } from 'astro';
import { getDirectoryPages } from '../../site/directory.ts';

export const GET: APIRoute = async () => {
  const { places } = await getDirectoryPages();
  return new Response(JSON.stringify(places), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
