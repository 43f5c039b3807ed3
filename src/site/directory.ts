/**
 * What the directory's pages share, computed once per build: the facets of
 * the published providers, the labels of every facet value, the places (for
 * the search and the finder) and the order of the search index.
 */
import { buildFacets, facetLabels, type Facet, type FacetIndex, type FacetKey } from '../domain/directory/facets.ts';
import { byRecommendations } from '../domain/directory/facet-pages.ts';
import type { ListedProvider } from '../domain/directory/index.ts';
import { placesFile } from '../domain/directory/places.ts';
import type { PlacesFile } from '../domain/directory/place-search.ts';
import { getSiteData, type SiteData } from './data.ts';

export interface DirectoryPages extends SiteData {
  index: FacetIndex;
  facet(key: FacetKey): Facet;
  /** Label of a facet value (« Rhône (69) », « Google Drive »). */
  label(key: FacetKey, value: string): string;
  provider(id: string): ListedProvider;
  /** Every département and région, its name and its article (`annuaire/lieux.json`). */
  places: PlacesFile;
  /** A profile's place in the search index: the most recommended first, as lists without a place show them. */
  searchRank(id: string): number;
}

let cached: Promise<DirectoryPages> | undefined;

export function getDirectoryPages(): Promise<DirectoryPages> {
  cached ??= getSiteData().then((site) => {
    const index = buildFacets(site.directory.providers, site.taxonomies);
    const label = facetLabels(site.taxonomies);
    const byId = new Map(site.directory.providers.map((p) => [p.id, p]));
    const ranks = new Map(byRecommendations(site.directory.providers).map((p, i) => [p.id, i]));
    return {
      ...site,
      index,
      facet: (key) => index.facets.find((f) => f.key === key)!,
      label,
      provider: (id) => byId.get(id)!,
      places: placesFile(),
      searchRank: (id) => ranks.get(id)!,
    };
  });
  return cached;
}
