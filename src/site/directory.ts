/**
 * What the directory's pages share, computed once per build: the facets of
 * the published providers and the labels of every facet value.
 */
import { buildFacets, facetLabels, type Facet, type FacetIndex, type FacetKey } from '../domain/directory/facets.ts';
import type { ListedProvider } from '../domain/directory/index.ts';
import { getSiteData, type SiteData } from './data.ts';

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
    const label = facetLabels(site.taxonomies);
    const byId = new Map(site.directory.providers.map((p) => [p.id, p]));
    return {
      ...site,
      index,
      facet: (key) => index.facets.find((f) => f.key === key)!,
      label,
      provider: (id) => byId.get(id)!,
    };
  });
  return cached;
}
