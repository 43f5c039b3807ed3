/**
 * The words of the addresses that entries meet: a provider's page, the link
 * that asks an association to recommend it, and the words the directory's
 * own pages take under `/annuaire/`, which no provider file may take. Part of
 * the routes (routes.ts re-exports them), kept apart so that the browser's
 * forms carry these few words and not every address of the site: a bundler
 * keeps a module whole.
 */
import { facetKeys } from './directory/facet-keys.ts';

/** The word of a long list's next pages (`/annuaire/page/2/`, `/projets/page/2/`). */
export const LIST_PAGE_WORD = 'page';
/** The labels of the search filters, next to the directory (`/annuaire/filtres.json`). */
export const FILTER_LABELS_WORD = 'filtres';
/** The places the search understands: départements and régions (`/annuaire/lieux.json`), communes (`/annuaire/communes/lyo.json`). */
export const PLACES_WORD = 'lieux';
export const COMMUNES_WORD = 'communes';

export const providerRoute = (id: string) => `annuaire/${id}/`;

export const recommendRoute = (provider?: string, name?: string) =>
  provider ? `recommander/?${new URLSearchParams({ structure: provider, ...(name ? { nom: name } : {}) })}` : 'recommander/';

/**
 * Words that name the directory's own pages under `/annuaire/` and so cannot
 * be provider file names: `content/providers/service.md` would be published
 * at `/annuaire/service/`, the list of services.
 */
export const reservedProviderSlugs: readonly string[] = [LIST_PAGE_WORD, FILTER_LABELS_WORD, PLACES_WORD, COMMUNES_WORD, ...facetKeys];
