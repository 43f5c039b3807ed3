/**
 * The directory's facets, by the word that names each in addresses
 * (`/annuaire/departement/69/`) and search filters (`?departement=69`).
 * Kept apart from facets.ts so that routes and browser scripts can name them
 * without loading the geography.
 */
export const facetKeys = [
  'service',
  'remplace',
  'region',
  'departement',
  'zone',
  'taille',
  'structure',
  'outil',
  'reseau',
  'tarif',
  'disponibilite',
] as const;
export type FacetKey = (typeof facetKeys)[number];

/** The facets of a place: a page, a search and the finder each group their providers for it (place-rank.ts). */
export const placeFacetKeys = ['departement', 'region'] as const;
export type PlaceKind = (typeof placeFacetKeys)[number];

export function isPlaceFacet(key: string): key is PlaceKind {
  return (placeFacetKeys as readonly string[]).includes(key);
}

/** The values of the `zone` facet: providers that work everywhere in France, and those that accompany remotely. */
export const zoneValues = { national: 'partout', remote: 'distance' } as const;
