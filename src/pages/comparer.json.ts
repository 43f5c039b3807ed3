/** Every published provider's comparison data, as one bundle that the build splits (src/integrations/data-files.ts). */
import type { APIRoute } from 'astro';
import { routes } from '../domain/routes.ts';
import { bundleResponse } from '../site/data-bundle.ts';
import { getDirectoryPages } from '../site/directory.ts';
import { getComparison } from '../site/comparison.ts';

export const GET: APIRoute = async () => {
  const [{ directory }, comparison] = await Promise.all([getDirectoryPages(), getComparison()]);
  return bundleResponse(directory.providers.map((p) => [routes.comparisonData(p.id), comparison.file(p.id)]));
};
