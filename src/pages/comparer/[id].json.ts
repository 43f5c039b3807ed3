/**
 * What the comparison page reads of one provider: `/comparer/atelier-libre.json`
 * (src/domain/directory/comparison.ts), for the development server. A build
 * writes these files from one bundle instead (src/pages/comparer.json.ts,
 * src/integrations/data-files.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDirectoryPages } from '../../site/directory.ts';
import { getComparison } from '../../site/comparison.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const { directory } = await getDirectoryPages();
  return directory.providers.map((p) => ({ params: { id: p.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const comparison = await getComparison();
  return new Response(JSON.stringify(comparison.file(params.id!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
