/** The licence of every exported file. */
export const DATA_LICENCE = {
  name: 'Licence Ouverte 2.0 (Etalab)',
  id: 'etalab-2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;
