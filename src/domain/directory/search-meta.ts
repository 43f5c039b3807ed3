/**
 * The names of the card's fields in the search index's metadata: the build
 * writes them (profile.ts), the search's browser script reads them. The
 * provider's name is the profile's title.
 */
export const searchMeta = {
  trust: 'confiance',
  summary: 'resume',
  pricing: 'tarif',
  /** For « basée à Lyon, dans le Rhône »: where the provider is located. */
  city: 'ville',
  department: 'siege',
} as const;
export type SearchMetaKey = (typeof searchMeta)[keyof typeof searchMeta];
