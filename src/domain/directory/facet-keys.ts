/**
 * The directory's facets, by the word that names each in addresses
 * (`/annuaire/departement/69/`) and search filters (`?departement=69`).
 * Kept apart from facets.ts so that routes and browser scripts can name them
 * without loading the geography.
 */
export const facetKeys = ['service', 'remplace', 'region', 'departement', 'taille', 'structure', 'outil', 'reseau', 'tarif'] as const;
export type FacetKey = (typeof facetKeys)[number];
