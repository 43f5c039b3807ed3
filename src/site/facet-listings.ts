/**
 * Every page of every facet value (`/annuaire/service/diagnostic/`, its next
 * pages, each place's groups), computed once per build: the facet pages and
 * their table views (`…/tableau/`) list the same providers, in the same order.
 */
import { facetKeys, isPlaceFacet, type FacetKey } from '../domain/directory/facet-keys.ts';
import { byRecommendations, facetReasons, placePages } from '../domain/directory/facet-pages.ts';
import type { ListedProvider } from '../domain/directory/index.ts';
import { MAX_FACET_PAGES, PAGE_SIZE, paginate } from '../domain/directory/pagination.ts';
import { routes } from '../domain/routes.ts';
import { getDirectoryPages } from './directory.ts';
import { href } from './href.ts';

export interface FacetListingGroup {
  heading: string;
  providers: ListedProvider[];
  /** Where the rest of the group is listed, when this page shows part of it. */
  more?: { href: string; text: string };
}

export interface FacetListingPage {
  key: FacetKey;
  value: string;
  /** How many providers the value has: for a place, its number. */
  count: number;
  current: number;
  total: number;
  items: ListedProvider[];
  groups?: FacetListingGroup[];
  /** What the page says first: a place's sentence. */
  summary?: string;
  reasons: Record<string, string[]>;
}

/** The providers of one page, in its order (a place's groups one after the other). */
export function providersOf(page: Pick<FacetListingPage, 'items' | 'groups'>): ListedProvider[] {
  return page.groups ? page.groups.flatMap((g) => g.providers) : page.items;
}

let cached: Promise<FacetListingPage[]> | undefined;

export function getFacetListingPages(): Promise<FacetListingPage[]> {
  cached ??= getDirectoryPages().then(({ index, provider, taxonomies, directory, facet }) => {
    const pages: FacetListingPage[] = [];
    for (const key of facetKeys) {
      if (isPlaceFacet(key)) {
        for (const { value, count } of facet(key).values) {
          const { summary, pages: placeListing } = placePages(key, value, directory.providers);
          const reasons: Record<string, string[]> = {};
          for (const p of placeListing.flatMap((page) => page.groups.flatMap((g) => g.providers)))
            reasons[p.id] = facetReasons(key, value, p, taxonomies.tools);
          for (const page of placeListing) {
            const groups = page.groups.map((g) => ({
              heading: g.heading,
              providers: g.providers,
              ...(g.more ? { more: { href: href(routes.facetValue('zone', g.more.value)), text: g.more.text } } : {}),
            }));
            pages.push({ key, value, current: page.current, count, total: page.total, items: [], groups, summary, reasons });
          }
        }
        continue;
      }
      for (const [value, ids] of index.members[key]) {
        const listing = paginate(byRecommendations(ids.map(provider)), PAGE_SIZE, MAX_FACET_PAGES);
        const reasons: Record<string, string[]> = {};
        for (const p of listing.flatMap((page) => page.items)) reasons[p.id] = facetReasons(key, value, p, taxonomies.tools);
        for (const page of listing)
          pages.push({ key, value, current: page.current, count: ids.length, total: page.total, items: page.items, reasons });
      }
    }
    return pages;
  });
  return cached;
}
