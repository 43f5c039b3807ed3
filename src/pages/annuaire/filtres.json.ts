/**
 * Labels and counts of every facet value, for the search filters: Pagefind
 * knows filter values (slugs, INSEE codes), visitors read their names.
 */
import type { APIRoute } from 'astro';
import { getDirectoryPages } from '../../site/directory.ts';

export const GET: APIRoute = async () => {
  const { index } = await getDirectoryPages();
  const body = {
    facets: index.facets.map((f) => ({ key: f.key, title: f.title, values: f.values.map((v) => [v.value, v.label, v.count]) })),
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
