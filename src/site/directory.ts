/**
 * What the directory's pages share, computed once per build: the facets of
 * the published providers, labels of every facet value, and pagination.
 */
import { buildFacets, facetKeys, facetVocabulary, type Facet, type FacetIndex, type FacetKey } from '../domain/facets.ts';
import type { ListedProvider } from '../domain/directory.ts';
import { getSiteData, type SiteData } from './data.ts';

/** Providers per listing page: short enough for a phone, few enough pages at 10,000 providers. */
export const PAGE_SIZE = 24;

export interface DirectoryPages extends SiteData {
  index: FacetIndex;
  facet(key: FacetKey): Facet;
  /** Label of a facet value (« Rhône (69) », « Google Drive »). */
  label(key: FacetKey, value: string): string;
  provider(id: string): ListedProvider;
}

let cached: Promise<DirectoryPages> | undefined;

export function getDirectoryPages(): Promise<DirectoryPages> {
  cached ??= getSiteData().then((site) => {
    const index = buildFacets(site.directory.providers, site.taxonomies);
    const vocabulary = facetVocabulary(site.taxonomies);
    const labels = new Map<string, string>();
    for (const [key, values] of Object.entries(vocabulary)) for (const v of values) labels.set(`${key}/${v.value}`, v.label);
    const byId = new Map(site.directory.providers.map((p) => [p.id, p]));
    return {
      ...site,
      index,
      facet: (key) => index.facets.find((f) => f.key === key)!,
      label: (key, value) => labels.get(`${key}/${value}`) ?? value,
      provider: (id) => byId.get(id)!,
    };
  });
  return cached;
}

/**
 * A facet value lists at most this many pages (120 providers), the most
 * relevant first: at 10,000 providers every value would otherwise need up to
 * hundreds of pages. The full directory (/annuaire/page/N/) and the search
 * still reach everyone.
 */
export const MAX_FACET_PAGES = 5;

export interface Page<T> {
  items: T[];
  current: number;
  total: number;
}

/** Splits a list into pages of PAGE_SIZE (at most `maxPages`); there is always at least one page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE, maxPages = Infinity): Page<T>[] {
  const total = Math.min(maxPages, Math.max(1, Math.ceil(items.length / size)));
  return Array.from({ length: total }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), current: i + 1, total }));
}
