/** Every communes file of the search, as one bundle that the build splits (src/integrations/data-files.ts). */
import type { APIRoute } from 'astro';
import { routes } from '../../domain/routes.ts';
import { bundleResponse } from '../../site/data-bundle.ts';
import { communesByPrefix } from '../../site/communes.ts';

export const GET: APIRoute = () => bundleResponse([...communesByPrefix].map(([prefix, file]) => [routes.communes(prefix), file]));
