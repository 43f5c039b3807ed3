/**
 * Every published provider's comparison data, in one file that the build
 * splits into one file per provider (`routes.comparisonData`) and then
 * removes (src/integrations/comparison-files.ts): as one route per provider,
 * Astro spent as long on each tiny file as on a profile page.
 */
import type { APIRoute } from 'astro';
import { getDirectoryPages } from '../site/directory.ts';
import { getComparison } from '../site/comparison.ts';

export const GET: APIRoute = async () => {
  const [{ directory }, comparison] = await Promise.all([getDirectoryPages(), getComparison()]);
  return new Response(JSON.stringify(directory.providers.map((p) => comparison.file(p.id))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
